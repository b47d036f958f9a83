/**
 * A simulator .app on this computer: its Info.plist read before anything is installed, so the caller
 * knows what it installs (bundle id, version) and a device build (.ipa or an iphoneos .app) is
 * refused with a plain reason instead of simctl's. The install itself is the device command
 * ios/commands/install-app.ts (which reads no files).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { LabError } from '../errors';
import { assertHostPath, assertUdid } from './commands/args';
import { installApp } from './commands/install-app';
import { parseInfoPlist, type AppBundleInfo } from './parsers/info-plist';
import type { SimctlRunner } from './simctl/runner';

const MAX_INFO_PLIST = 4 * 1024 * 1024;

/** The Info.plist facts of a simulator .app folder. */
export async function readAppBundle(appPath: string): Promise<AppBundleInfo> {
  assertHostPath(appPath, 'The app path', '应用路径');
  const isDir = await stat(appPath).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir || !appPath.replace(/\/+$/, '').endsWith('.app')) {
    throw new LabError('INVALID_ARGUMENT', `${basename(appPath)} is not an .app folder.`, {
      hint: 'Give the .app Xcode built for the simulator (Products/Debug-iphonesimulator/App.app); .ipa files are for real devices.',
      zh: {
        message: `${basename(appPath)} 不是 .app 文件夹。`,
        hint: '请给出 Xcode 为模拟器构建的 .app（Products/Debug-iphonesimulator/App.app）；.ipa 文件用于真机。',
      },
    });
  }
  const plistPath = join(appPath, 'Info.plist');
  const size = await stat(plistPath).then(
    (s) => s.size,
    () => -1,
  );
  if (size < 0) {
    throw new LabError('NOT_FOUND', `${basename(appPath)} has no Info.plist.`, {
      hint: 'Build the app again; an iOS app bundle always has Info.plist at its top.',
      zh: {
        message: `${basename(appPath)} 中没有 Info.plist。`,
        hint: '请重新构建应用；iOS 应用包的顶层总有 Info.plist。',
      },
    });
  }
  if (size > MAX_INFO_PLIST) {
    throw new LabError(
      'MALFORMED_OUTPUT',
      `${basename(appPath)}/Info.plist is ${size} bytes, too large to be an Info.plist.`,
      {
        zh: { message: `${basename(appPath)}/Info.plist 有 ${size} 字节，太大，不可能是 Info.plist。` },
      },
    );
  }
  const info = parseInfoPlist(await readFile(plistPath), `${basename(appPath)}/Info.plist`);
  if (info.platforms.length > 0 && !info.platforms.includes('iPhoneSimulator')) {
    throw new LabError(
      'INVALID_ARGUMENT',
      `${basename(appPath)} is built for ${info.platforms.join(', ')}, not the simulator.`,
      {
        hint: 'Build for a simulator destination (Any iOS Simulator Device) and install that .app.',
        zh: {
          message: `${basename(appPath)} 是为 ${info.platforms.join(', ')} 构建的，不是为模拟器。`,
          hint: '请以模拟器为目标构建（Any iOS Simulator Device），然后安装那个 .app。',
        },
      },
    );
  }
  return info;
}

/** Reads the bundle (refusing what is not a simulator .app), then `simctl install`s it. */
export async function installAppBundle(
  runner: SimctlRunner,
  udid: string,
  appPath: string,
): Promise<AppBundleInfo> {
  assertUdid(udid);
  const info = await readAppBundle(appPath);
  await installApp(runner, udid, appPath);
  return info;
}
