/**
 * Shared helpers for the virtual Android tests: a fast phone (no simulated waits), a shell runner
 * returning text, and APK pushing.
 */
import { buildTestApk, type TestApkSpec } from '../../../virtual-lab/apk/build-apk';
import { createVirtualAndroid, type VirtualAndroid, type VirtualAndroidOptions } from '../../../virtual-lab/android/index';

export interface Ran {
  readonly status: number;
  readonly out: string;
  readonly err: string;
}

/** A phone from a getprop capture; timing is instant unless asked otherwise. */
export function phone(profile: string, options: VirtualAndroidOptions = {}): VirtualAndroid {
  return createVirtualAndroid(profile, { realisticTiming: false, ...options });
}

/** Runs a command line through the phone's shell. */
export async function sh(p: VirtualAndroid, command: string, stdin?: Buffer): Promise<Ran> {
  const r = await p.run(command, stdin);
  return { status: r.status, out: r.stdout.toString('utf8'), err: r.stderr.toString('utf8') };
}

/** Builds an APK and pushes it to /data/local/tmp/<name> (as a sync push would). */
export async function pushApk(p: VirtualAndroid, spec: TestApkSpec, name = 'app.apk'): Promise<{ path: string; bytes: Buffer }> {
  const bytes = await buildTestApk(spec);
  const path = `/data/local/tmp/${name}`;
  const error = p.fs.write(path, bytes, 0o644, 1_700_000_000);
  if (error) throw new Error(error);
  return { path, bytes };
}

export const APP = 'com.pushlab.demo';
