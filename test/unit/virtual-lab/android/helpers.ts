/**
 * Shared helpers for the virtual Android tests: a fast phone (no simulated waits), a shell runner
 * returning text, APK pushing, a phone with the test app installed, and the real captures.
 */
import { readFileSync } from 'node:fs';
import { decodeDeviceText } from '../../../../electron/lab/android/parsers/decode';
import { buildTestApk, type TestApkSpec } from '../../../virtual-lab/apk/build-apk';
import {
  createVirtualAndroid,
  type VirtualAndroid,
  type VirtualAndroidOptions,
} from '../../../virtual-lab/android/index';

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
export async function pushApk(
  p: VirtualAndroid,
  spec: TestApkSpec,
  name = 'app.apk',
): Promise<{ path: string; bytes: Buffer }> {
  const bytes = await buildTestApk(spec);
  const path = `/data/local/tmp/${name}`;
  const error = p.fs.write(path, bytes, 0o644, 1_700_000_000);
  if (error) throw new Error(error);
  return { path, bytes };
}

export const APP = 'com.pushlab.demo';

export const POST = 'android.permission.POST_NOTIFICATIONS';

/** The four phones every read command is checked on: MIUI/HyperOS, ColorOS, Pixel, Android 9. */
export const READ_PHONES = {
  xiaomi: 'xiaomi-hyperos2-android14-2',
  oppo: 'oppo-coloros15-android15-1',
  pixel: 'google-pixel-android15-1',
  android9: 'vivo-funtouchos9-android9-2',
} as const;

export interface AppSetup {
  readonly options?: VirtualAndroidOptions;
  /** uses-permission names; default POST_NOTIFICATIONS and INTERNET. */
  readonly permissions?: readonly string[];
  readonly targetSdk?: number;
  /** Launch once (clears the stopped state, creates the channels). Default true. */
  readonly launch?: boolean;
  /** `pm install -g`. */
  readonly grant?: boolean;
}

/** A phone with the test app installed (and launched once unless told otherwise). */
export async function withApp(profile: string, setup: AppSetup = {}): Promise<VirtualAndroid> {
  const p = phone(profile, setup.options);
  const { path } = await pushApk(p, {
    packageName: APP,
    versionCode: 1,
    permissions: setup.permissions ?? [POST, 'android.permission.INTERNET'],
    ...(setup.targetSdk === undefined ? {} : { targetSdk: setup.targetSdk }),
  });
  const installed = await sh(p, `pm install ${setup.grant ? '-g ' : ''}${path}`);
  if (installed.out !== 'Success\n')
    throw new Error(`install failed on ${profile}: ${installed.out}${installed.err}`);
  if (setup.launch ?? true) await sh(p, `monkey -p ${APP} -c android.intent.category.LAUNCHER 1`);
  return p;
}

/** A real capture from test/fixtures as plain LF text (UTF-16 and CRLF decoded). */
export function capture(kind: string, name: string): string {
  return decodeDeviceText(readFileSync(new URL(`../../../fixtures/${kind}/${name}.txt`, import.meta.url)));
}
