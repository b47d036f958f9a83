/**
 * `simctl install <udid> <App.app>`, after reading the bundle's Info.plist so the caller knows what
 * it installed (bundle id, version) and a device build (.ipa or an iphoneos .app) is refused with
 * a plain reason instead of simctl's.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { LabError } from '../../errors';
import { parseInfoPlist, type AppBundleInfo } from '../parsers/info-plist';
import type { SimctlRunner } from '../simctl/runner';
import { assertHostPath, assertUdid } from './args';

const MAX_INFO_PLIST = 4 * 1024 * 1024;

/** The Info.plist facts of a simulator .app folder. */
export async function readAppBundle(appPath: string): Promise<AppBundleInfo> {
  assertHostPath(appPath, 'The app path');
  const isDir = await stat(appPath).then((s) => s.isDirectory(), () => false);
  if (!isDir || !appPath.replace(/\/+$/, '').endsWith('.app')) {
    throw new LabError('INVALID_ARGUMENT', `${basename(appPath)} is not an .app folder.`, {
      hint: 'Give the .app Xcode built for the simulator (Products/Debug-iphonesimulator/App.app); .ipa files are for real devices.',
    });
  }
  const plistPath = join(appPath, 'Info.plist');
  const size = await stat(plistPath).then((s) => s.size, () => -1);
  if (size < 0) throw new LabError('NOT_FOUND', `${basename(appPath)} has no Info.plist.`, { hint: 'Build the app again; an iOS app bundle always has Info.plist at its top.' });
  if (size > MAX_INFO_PLIST) throw new LabError('MALFORMED_OUTPUT', `${basename(appPath)}/Info.plist is ${size} bytes, too large to be an Info.plist.`);
  const info = parseInfoPlist(await readFile(plistPath), `${basename(appPath)}/Info.plist`);
  if (info.platforms.length > 0 && !info.platforms.includes('iPhoneSimulator')) {
    throw new LabError('INVALID_ARGUMENT', `${basename(appPath)} is built for ${info.platforms.join(', ')}, not the simulator.`, {
      hint: 'Build for a simulator destination (Any iOS Simulator Device) and install that .app.',
    });
  }
  return info;
}

export async function installApp(runner: SimctlRunner, udid: string, appPath: string): Promise<AppBundleInfo> {
  assertUdid(udid);
  const info = await readAppBundle(appPath);
  await runner.run('install', [udid, appPath], { timeoutMs: 180_000 });
  return info;
}
