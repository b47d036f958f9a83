/**
 * Installs an APK the way adbkit and STF do, but with our flags and progress: sync-push to
 * /data/local/tmp, `pm install`, then remove the copy whatever happened.
 */
import type { AdbDeviceIo } from '../../adb/device-io';
import { assertRemoteTmpPath, shellCommand } from '../../adb/quote';
import type { InstallOptions } from '../../../../shared/domain/install';
import { parsePmInstallOutput } from '../parsers/pm-install';

export interface InstallApkStep {
  readonly onPushProgress: (bytes: number) => void;
  readonly onInstalling: () => void;
  readonly signal?: AbortSignal;
}

export type InstallApkOutcome = { ok: true; raw: string } | { ok: false; reason: string; raw: string };

/** pm flags for the options; order as the Android docs show them. */
export function pmInstallFlags(options: InstallOptions): string[] {
  const flags: string[] = [];
  if (options.replace) flags.push('-r');
  if (options.allowTestOnly) flags.push('-t');
  if (options.allowDowngrade) flags.push('-d');
  if (options.grantPermissions) flags.push('-g');
  return flags;
}

export async function installApk(
  io: AdbDeviceIo,
  localPath: string,
  remotePath: string,
  sizeBytes: number,
  options: InstallOptions,
  step: InstallApkStep,
): Promise<InstallApkOutcome> {
  assertRemoteTmpPath(remotePath);
  // Generous: 2 MB/s worst-case USB 2 throughput plus a fixed margin.
  const pushTimeoutMs = 30_000 + Math.ceil(sizeBytes / 2_000_000) * 1000;
  await io.push(localPath, remotePath, {
    timeoutMs: pushTimeoutMs,
    onProgress: step.onPushProgress,
    ...(step.signal ? { signal: step.signal } : {}),
  });
  step.onInstalling();
  try {
    const raw = await io.shell(shellCommand('pm', 'install', ...pmInstallFlags(options), remotePath), {
      timeoutMs: 300_000,
    });
    const parsed = parsePmInstallOutput(raw);
    return parsed.ok ? { ok: true, raw } : { ok: false, reason: parsed.reason, raw: parsed.raw };
  } finally {
    await io.shell(shellCommand('rm', '-f', remotePath), { timeoutMs: 10_000 }).catch(() => undefined);
  }
}
