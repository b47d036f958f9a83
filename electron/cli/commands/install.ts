/**
 * `pushlab install <apk> [--serial S ...]`: one APK on the named phones (default: every ready
 * phone) in parallel, with per-phone progress. Exit 1 when any phone failed.
 */
import { resolve } from 'node:path';
import { DEFAULT_INSTALL_OPTIONS, type InstallItem, type InstallOptions } from '../../../shared/domain/install';
import { LabError } from '../../lab/errors';
import { clean, type Output } from '../output';
import type { GlobalOptions } from '../options';
import { openSession, settledDevices } from '../session';

export interface InstallArgs {
  readonly apk: string;
  readonly serials: readonly string[];
  readonly options: InstallOptions;
}

function progressLine(item: InstallItem): string {
  const pct = item.totalBytes > 0 ? Math.floor((item.bytesPushed / item.totalBytes) * 100) : 0;
  switch (item.phase) {
    case 'pushing':
      return `${clean(item.serial)}: pushing ${pct}% (${item.bytesPushed}/${item.totalBytes} bytes)`;
    case 'failed':
      return `${clean(item.serial)}: FAILED — ${item.failure?.message ?? 'unknown error'}\n  Fix: ${item.failure?.fix ?? ''}`;
    default:
      return `${clean(item.serial)}: ${item.phase}`;
  }
}

export function installOptionsFrom(values: Record<string, unknown>): InstallOptions {
  return {
    replace: values['no-replace'] !== true,
    allowDowngrade: values.downgrade === true,
    grantPermissions: values.grant === true,
    allowTestOnly: values['no-test-only'] !== true && DEFAULT_INSTALL_OPTIONS.allowTestOnly,
  };
}

export async function installCommand(options: GlobalOptions, args: InstallArgs, output: Output): Promise<number> {
  const core = await openSession(options);
  try {
    const apkPath = resolve(args.apk);
    // Validate the APK before looking at phones, so a wrong file never touches one.
    const apk = await core.services.installs.inspect(apkPath);
    let serials = [...args.serials];
    if (serials.length === 0) {
      const ready = (await settledDevices(core)).filter((v) => v.state === 'device');
      serials = ready.map((v) => v.serial);
      if (serials.length === 0) {
        throw new LabError('DEVICE_NOT_FOUND', 'No phone is ready to install on.', {
          hint: 'Plug a phone in and allow USB debugging, or name one with --serial.',
        });
      }
    } else {
      await Promise.all(serials.map((s) => core.services.registry.waitForIdentity(s, 15_000).catch(() => undefined)));
    }
    if (!options.json) output.err(`Installing ${clean(apk.packageName)} ${clean(apk.versionName ?? '')} (${apk.versionCode}) on ${serials.length} phone(s)…`);
    const lastPhase = new Map<string, string>();
    const job = await core.services.installs.run({ apkPath, serials, options: args.options }, ({ item }) => {
      if (options.json) return;
      const key = item.phase === 'pushing' ? `pushing-${Math.floor((item.bytesPushed / Math.max(1, item.totalBytes)) * 4)}` : item.phase;
      if (lastPhase.get(item.serial) === key) return;
      lastPhase.set(item.serial, key);
      output.err(progressLine(item));
    });
    const failed = job.items.filter((i) => i.phase !== 'done');
    if (options.json) output.out(JSON.stringify(job, null, 2));
    else output.out(`${job.items.length - failed.length} of ${job.items.length} phone(s) installed ${clean(apk.packageName)}.`);
    return failed.length > 0 ? 1 : 0;
  } finally {
    await core.close();
  }
}
