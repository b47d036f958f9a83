import { describe, expect, it } from 'vitest';
import { parseDumpsysPackage } from '../../../electron/lab/android/parsers/dumpsys-package';
import { fixture, fixtureNames } from './fixtures';

const read = (name: string, pkg: string) => parseDumpsysPackage(fixture('dumpsys-package', name), pkg);

describe('parseDumpsysPackage on the kept samples', () => {
  it('has a test for every sample in test/fixtures/dumpsys-package', () => {
    expect(fixtureNames('dumpsys-package')).toHaveLength(6);
  });

  it('Android 4.4: versionCode and targetSdk on separate lines, no minSdk, no installer', () => {
    expect(read('android4.4-samsung-stf-1.txt', 'jp.co.cyberagent.stf')).toEqual({
      versionCode: 4,
      versionName: '2.1.0',
      minSdk: null,
      targetSdk: 22,
      stopped: true,
      enabled: true,
      firstInstallTime: '2017-09-08 15:52:21',
      lastUpdateTime: '2017-09-08 15:52:21',
      installer: null,
    });
  });

  it('Android 8.0 with two users: user 0 decides', () => {
    const info = read('android8.0-two-users-stf-2.txt', 'jp.co.cyberagent.stf');
    expect(info).toMatchObject({
      versionCode: 4,
      minSdk: 9,
      targetSdk: 22,
      stopped: true,
      enabled: true,
      installer: null,
    });
    expect(info?.firstInstallTime).toBe('2017-09-08 22:06:07');
  });

  it('Android 8.1 sideloaded app, not confused by the Permission block above it', () => {
    expect(read('android8.1-pixel-sideloaded-3.txt', 'im.status.ethereum')).toEqual({
      versionCode: 2054,
      versionName: '0.9.10-497-gc531ece0+',
      minSdk: 18,
      targetSdk: 23,
      stopped: false,
      enabled: true,
      firstInstallTime: '2018-01-03 15:00:36',
      lastUpdateTime: '2018-01-03 15:00:36',
      installer: null,
    });
  });

  it('Android 9 package block without a Packages: header; versionName=null reads as null', () => {
    expect(read('android9-emulator-test-apk-block-6.txt', 'androidx.compose.ui.test')).toMatchObject({
      versionCode: 0,
      versionName: null,
      minSdk: 21,
      targetSdk: 31,
      stopped: false,
      enabled: true,
    });
  });

  it('Android 14 updated system app: the installed update, not the hidden factory copy', () => {
    expect(read('android14-wear-updated-system-app-4.txt', 'com.tekartik.package1')).toEqual({
      versionCode: 20,
      versionName: '1.0.16',
      minSdk: 27,
      targetSdk: 36,
      stopped: false,
      enabled: true,
      firstInstallTime: '2009-01-01 01:00:00',
      lastUpdateTime: '2025-07-04 01:16:34',
      installer: 'com.android.vending',
    });
  });

  it('Android 14 Play app with its installer', () => {
    expect(read('android14-wear-play-app-5.txt', 'com.tekartik.package2')).toMatchObject({
      versionCode: 248,
      versionName: '1.4.73',
      targetSdk: 36,
      installer: 'com.android.vending',
      firstInstallTime: '2025-06-18 08:27:04',
    });
  });

  it('returns null when the asked package is not in the output', () => {
    expect(read('android14-wear-play-app-5.txt', 'com.tekartik.package1')).toBeNull();
    expect(parseDumpsysPackage('', 'com.example')).toBeNull();
    expect(parseDumpsysPackage('Unable to find package: com.example\n', 'com.example')).toBeNull();
  });
});

describe('parseDumpsysPackage user states', () => {
  const block = (userLine: string): string =>
    [
      'Packages:',
      '  Package [com.example.app] (1a2b3c):',
      '    versionCode=7 minSdk=24 targetSdk=34',
      `    ${userLine}`,
      '',
    ].join('\n');

  it.each([
    ['enabled=0', true],
    ['enabled=1', true],
    ['enabled=2', false],
    ['enabled=3', false],
    ['enabled=4', false],
  ] as const)('%s -> enabled %s', (flag, enabled) => {
    const info = parseDumpsysPackage(
      block(`User 0: ceDataInode=1 installed=true stopped=false notLaunched=false ${flag}`),
      'com.example.app',
    );
    expect(info?.enabled).toBe(enabled);
  });

  it('reports force-stopped apps and unknown fields as null', () => {
    const info = parseDumpsysPackage(
      block('User 0: ceDataInode=1 installed=true stopped=true notLaunched=false enabled=0'),
      'com.example.app',
    );
    expect(info).toMatchObject({ stopped: true, versionName: null, firstInstallTime: null, installer: null });
  });

  it('treats regex characters in the package name literally', () => {
    expect(parseDumpsysPackage(block('User 0: stopped=false enabled=0'), 'com.example.ap.')).toBeNull();
  });
});
