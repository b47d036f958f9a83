/**
 * Platforms are known only through DevicePlatform (electron/lab/platform): a check on 'ios' or
 * 'android' outside the platform folders fails here with its file and line. Move such code behind
 * the interface (a method of each platform) instead.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  branchesOutsidePlatforms,
  inPlatformFolder,
  platformBranches,
} from '../../support/platform-branches';

const root = path.resolve(import.meta.dirname, '../../..');
const where = (b: { file: string; line: number; check: string; text: string }): string =>
  `${b.file}:${b.line} (${b.check}) ${b.text}`;

describe('platform branches', () => {
  it('none in electron/** outside electron/lab/{android,ios,platform}', () => {
    expect(branchesOutsidePlatforms(root).map(where)).toEqual([]);
  });

  it('finds a planted check, with its file and line', () => {
    const planted = [
      "import type { DeviceView } from '../../../shared/domain/device';",
      'export function label(view: DeviceView): string {',
      "  if (view.platform === 'ios') return 'simulator';",
      "  return view?.platform !== 'android' ? '?' : 'phone';",
      '}',
      'export const kind = (p: string) => {',
      '  switch (p) {',
      "    case 'android':",
      "      return 'adb';",
      '  }',
      "  return isSimulatorSerial(p) || SIMULATOR_UDID_PATTERN.test(p) || 'ios' === view.platform;",
      '};',
    ].join('\n');
    const found = platformBranches('electron/lab/runs/engine/planted.ts', planted);
    expect(found.map((b) => `${b.line}:${b.check}`)).toEqual([
      '3:platform compared',
      '4:platform compared',
      '8:switch on platform',
      '11:platform compared',
    ]);
    expect(where(found[0]!)).toBe(
      "electron/lab/runs/engine/planted.ts:3 (platform compared) if (view.platform === 'ios') return 'simulator';",
    );
    expect(inPlatformFolder('electron/lab/runs/engine/planted.ts')).toBe(false);
  });

  it('sees isSimulator helpers, UDID dispatch and session kinds, but not comments or OS checks', () => {
    const at = (code: string): string[] => platformBranches('electron/cli/x.ts', code).map((b) => b.check);
    expect(at('const sim = isSimulator(serial);')).toEqual(['isSimulator helper']);
    expect(at('if (UDID_PATTERN.test(serial)) go();')).toEqual(['serial shape']);
    expect(at("return session.kind === 'simulator';")).toEqual(['simulator kind']);
    expect(at("// if (view.platform === 'ios') was here")).toEqual([]);
    expect(at("/* platform === 'android' */ const a = 1;")).toEqual([]);
    expect(at("if (process.platform === 'win32') quit();")).toEqual([]);
  });

  it('covers the request handlers: a planted simulator check in handlers.ts is found', () => {
    const planted = [
      "  'devices:screenshot': async (serial) => {",
      '    if (isSimulator(serial)) return shoot(serial);',
      "    return s.registry.get(serial)?.platform === 'ios' ? null : adb(serial);",
      '  },',
    ].join('\n');
    const found = platformBranches('electron/lab/handlers.ts', planted);
    expect(found.map((b) => `${b.file}:${b.line}:${b.check}`)).toEqual([
      'electron/lab/handlers.ts:2:isSimulator helper',
      'electron/lab/handlers.ts:3:platform compared',
    ]);
    expect(inPlatformFolder('electron/lab/handlers.ts')).toBe(false);
  });

  it('lets the platform folders check platforms', () => {
    expect(inPlatformFolder('electron/lab/ios/ios-platform.ts')).toBe(true);
    expect(inPlatformFolder('electron/lab/android/run/phone-runner.ts')).toBe(true);
    expect(inPlatformFolder('electron/lab/platform/device-platform.ts')).toBe(true);
    expect(inPlatformFolder('electron/lab/iosx/x.ts')).toBe(false);
  });
});
