/**
 * `pushlab install <build> [<build>] [--serial S ...]`: an APK on Android phones and/or a
 * simulator .app on iOS simulators, in parallel, with per-device progress. Every build is read
 * before any device is touched. With both builds each device gets the one for its platform; with
 * one, a device it does not fit fails with the reason. Default devices: every ready one the
 * builds fit. Exit 1 when any device failed.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  DEFAULT_INSTALL_OPTIONS,
  type ApkInfo,
  type InstallItem,
  type InstallOptions,
  type SimulatorAppInfo,
} from '../../../shared/domain/install';
import type { LocalLabCore } from '../../lab/compose';
import { readApk } from '../../lab/apk/read-apk';
import { LabError } from '../../lab/errors';
import { platformFor } from '../../lab/platform/device-platform';
import { PLATFORM_FACTS } from '../../lab/platform/platform-facts';
import { adbUnavailableLine } from './devices';
import { clean, type Output } from '../output';
import type { GlobalOptions } from '../options';
import { openSession, openSessionAdbOptional, settledDevices } from '../session';

export interface InstallArgs {
  /** One or two builds: at most one APK and one .app. */
  readonly builds: readonly string[];
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

/** An .app is a folder (Xcode's bundle); anything else is read as an APK. */
export function buildKind(path: string): 'app' | 'apk' {
  if (/\.app\/*$/i.test(path)) return 'app';
  try {
    return statSync(path).isDirectory() ? 'app' : 'apk';
  } catch {
    return 'apk';
  }
}

/** The builds by kind; two of one kind is refused before anything is read. */
export function sortBuilds(builds: readonly string[]): { apk: string | null; app: string | null } {
  const apks = builds.filter((b) => buildKind(b) === 'apk').map((b) => resolve(b));
  const apps = builds.filter((b) => buildKind(b) === 'app').map((b) => resolve(b));
  if (apks.length > 1 || apps.length > 1 || builds.length === 0) {
    throw new LabError(
      'INVALID_ARGUMENT',
      `Name one build per platform: ${apks.length} APK(s) and ${apps.length} .app folder(s) were given.`,
      {
        hint: 'Give one APK for Android phones, one simulator .app for iOS simulators, or one of each.',
        zh: {
          message: `每个平台只能给一个构建：给出了 ${apks.length} 个 APK 和 ${apps.length} 个 .app 文件夹。`,
          hint: '为 Android 手机给一个 APK，为 iOS 模拟器给一个模拟器 .app，或者各给一个。',
        },
      },
    );
  }
  return { apk: apks[0] ?? null, app: apps[0] ?? null };
}

/** Which device gets which build: by platform when both are given; everything to the one build otherwise. */
function assign(
  core: LocalLabCore,
  serials: readonly string[],
  builds: { apk: string | null; app: string | null },
): { apk: string[]; app: string[] } {
  const takesApp = (serial: string): boolean =>
    platformFor(PLATFORM_FACTS, serial, core.cli.devices.get(serial)).build === 'app';
  if (builds.apk === null) return { apk: [], app: [...serials] };
  if (builds.app === null) return { apk: [...serials], app: [] };
  return { apk: serials.filter((s) => !takesApp(s)), app: serials.filter(takesApp) };
}

export async function installCommand(
  options: GlobalOptions,
  args: InstallArgs,
  output: Output,
): Promise<number> {
  const builds = sortBuilds(args.builds);
  // A file that is not an APK is refused before any adb server is asked (or started).
  if (builds.apk !== null) await readApk(builds.apk);
  // Only an APK needs adb; an .app alone installs on simulators even where no adb server runs.
  const { core, adbError } =
    builds.apk === null
      ? await openSessionAdbOptional(options)
      : { core: await openSession(options), adbError: null };
  try {
    // Read every build before looking at devices, so a wrong file never touches one.
    const apk: ApkInfo | null = builds.apk === null ? null : await core.cli.installs.inspectApk(builds.apk);
    const app: SimulatorAppInfo | null =
      builds.app === null ? null : await core.cli.installs.inspectApp(builds.app);
    await core.cli.simulators.settled();
    let serials = [...args.serials];
    if (serials.length === 0) {
      const phones =
        apk !== null && adbError === null
          ? (await settledDevices(core)).filter((v) => v.state === 'device')
          : [];
      const simulators = app !== null ? core.cli.simulators.views().filter((v) => v.state === 'device') : [];
      serials = [...phones, ...simulators].map((v) => v.serial);
      if (serials.length === 0) {
        throw new LabError(
          'DEVICE_NOT_FOUND',
          apk ? 'No phone is ready to install on.' : 'No simulator is booted to install on.',
          {
            hint: apk
              ? 'Plug a phone in and allow USB debugging, or name one with --serial.'
              : 'Boot a simulator (Simulator app, or `xcrun simctl boot <udid>`), or name one with --serial.',
            zh: apk
              ? {
                  message: '没有可以安装的就绪手机。',
                  hint: '请连接一台手机并允许 USB 调试，或用 --serial 指明一台。',
                }
              : {
                  message: '没有已启动的模拟器可以安装。',
                  hint: '请启动一个模拟器（Simulator 应用，或 `xcrun simctl boot <udid>`），或用 --serial 指明一个。',
                },
          },
        );
      }
    } else {
      await Promise.all(
        serials.map((s) => core.cli.devices.waitForIdentity(s, 15_000).catch(() => undefined)),
      );
    }
    if (adbError && !options.json) output.err(adbUnavailableLine(adbError));
    const plan = assign(core, serials, builds);
    const lastPhase = new Map<string, string>();
    const progress = ({ item }: { item: InstallItem }): void => {
      if (options.json) return;
      const key =
        item.phase === 'pushing'
          ? `pushing-${Math.floor((item.bytesPushed / Math.max(1, item.totalBytes)) * 4)}`
          : item.phase;
      if (lastPhase.get(item.serial) === key) return;
      lastPhase.set(item.serial, key);
      output.err(progressLine(item));
    };
    const jobs = [];
    if (apk !== null && plan.apk.length > 0) {
      if (!options.json)
        output.err(
          `Installing ${clean(apk.packageName)} ${clean(apk.versionName ?? '')} (${apk.versionCode}) on ${plan.apk.length} phone(s)…`,
        );
      jobs.push(
        core.cli.installs.installApk(
          { apkPath: apk.path, serials: plan.apk, options: args.options },
          progress,
        ),
      );
    }
    if (app !== null && plan.app.length > 0) {
      if (!options.json)
        output.err(
          `Installing ${clean(app.bundleId)} ${clean(app.version ?? '')}${app.build ? ` (${clean(app.build)})` : ''} on ${plan.app.length} simulator(s)…`,
        );
      jobs.push(core.cli.installs.installApp({ appPath: app.path, serials: plan.app }, progress));
    }
    const done = await Promise.all(jobs);
    const items = done.flatMap((job) => job.items);
    const failed = items.filter((i) => i.phase !== 'done');
    if (options.json) output.out(JSON.stringify(done.length === 1 ? done[0] : done, null, 2));
    else {
      const what = [apk ? clean(apk.packageName) : null, app ? clean(app.bundleId) : null]
        .filter((w) => w !== null)
        .join(' / ');
      const noun = app === null ? 'phone(s)' : apk === null ? 'simulator(s)' : 'device(s)';
      output.out(`${items.length - failed.length} of ${items.length} ${noun} installed ${what}.`);
    }
    return failed.length > 0 ? 1 : 0;
  } finally {
    await core.close();
  }
}
