import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ShellIo } from '../../../virtual-lab/adbd/backend';
import { buildTestApk } from '../../../virtual-lab/apk/build-apk';
import { buildCorruptApk, NOT_AN_APK_SAMPLE } from '../../../virtual-lab/apk/corrupt-apk';
import { APP, phone, pushApk, sh } from './helpers';

const ANDROID_10 = 'huawei-emui10-android10-1'; // sdk 29
const ANDROID_13 = 'xiaomi-miui14-android13-4'; // sdk 33
const ANDROID_14 = 'samsung-oneui6.1-android14-2'; // sdk 34, arm64-v8a only
const ANDROID_8 = 'honor-emui8-android8-1'; // sdk 26

/** A ShellIo feeding `stdin` in 64 KiB chunks and collecting stdout/stderr. */
function collectingIo(stdin: Buffer): { io: ShellIo; out: () => string; err: () => string } {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const io: ShellIo = {
    stdin: (async function* () {
      for (let i = 0; i < stdin.length; i += 65536) yield stdin.subarray(i, i + 65536);
    })(),
    stdout: async (c) => {
      out.push(Buffer.from(c));
    },
    stderr: async (c) => {
      err.push(Buffer.from(c));
    },
    signal: new AbortController().signal,
  };
  return { io, out: () => Buffer.concat(out).toString(), err: () => Buffer.concat(err).toString() };
}

describe('pm install: success', () => {
  it('installs from /data/local/tmp, then lists, paths and dumps the package as stopped', async () => {
    const p = phone(ANDROID_14);
    const { path } = await pushApk(p, {
      packageName: APP,
      versionCode: 42,
      versionName: '4.2',
      minSdk: 24,
      targetSdk: 34,
    });
    expect(await sh(p, `pm install -r -t ${path}`)).toEqual({ status: 0, out: 'Success\n', err: '' });
    expect((await sh(p, 'pm list packages --show-versioncode 2>/dev/null')).out).toContain(
      `package:${APP} versionCode:42\n`,
    );
    expect((await sh(p, `pm list packages -3`)).out).toBe(`package:${APP}\n`);
    expect((await sh(p, `pm path ${APP}`)).out).toMatch(
      new RegExp(`^package:/data/app/~~[\\w-]+==/${APP}-[\\w-]+==/base\\.apk\\n$`),
    );
    const dump = (await sh(p, `dumpsys package ${APP}`)).out;
    expect(dump).toContain(
      '    versionCode=42 minSdk=24 targetSdk=34\n    minExtensionVersions=[]\n    versionName=4.2\n',
    );
    expect(dump).toMatch(
      /User 0: ceDataInode=\d+ installed=true hidden=false suspended=false distractionFlags=0 stopped=true notLaunched=true enabled=0/,
    );
    expect(dump).toMatch(/\n {6}firstInstallTime=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\n/);
    expect(p.installedPackage(APP)?.stopped).toBe(true);
  });

  it('dumps the package in the older layout on Android 9', async () => {
    const p = phone('vivo-funtouchos9-android9-2');
    const { path } = await pushApk(p, { packageName: APP, versionCode: 5, versionName: '5.0' });
    await sh(p, `pm install ${path}`);
    const dump = (await sh(p, `dumpsys package ${APP}`)).out;
    expect(dump).toContain('    versionCode=5 minSdk=21 targetSdk=34\n    versionName=5.0\n');
    expect(dump).toMatch(/\n {4}firstInstallTime=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\n/);
    expect(dump).toMatch(
      /User 0: ceDataInode=\d+ installed=true hidden=false suspended=false stopped=true notLaunched=true enabled=0 instant=false virtual=false\n/,
    );
    expect(dump).not.toContain('installerPackageName=');
    expect((await sh(p, 'dumpsys package com.not.there')).out).toContain(
      'Unable to find package: com.not.there',
    );
  });

  it('streams `cmd package install -S` from stdin, as adb install does on Android 7+', async () => {
    const p = phone(ANDROID_13);
    const apk = await buildTestApk({ packageName: APP, versionCode: 7, padBytes: 300_000 });
    const r = await sh(p, `cmd package 'install' -S ${apk.length}`, apk);
    expect(r).toEqual({ status: 0, out: 'Success\n', err: '' });
    expect(p.installedPackage(APP)?.versionCode).toBe(7);
  });

  it('takes the abb_exec form (package install -S <size>) on Android 10+', async () => {
    const p = phone(ANDROID_10);
    const apk = await buildTestApk({ packageName: APP, versionCode: 9, padBytes: 200_000 });
    const { io, out } = collectingIo(apk);
    expect(await p.abb(['package', 'install', '-S', String(apk.length)], io)).toBe(0);
    expect(out()).toBe('Success\n');
    expect(p.installedPackage(APP)?.apkPath).toMatch(new RegExp(`^/data/app/${APP}-[\\w-]+==/base\\.apk$`));
  });

  it('takes as long as a real install (30 ms + size at 400 MB/s)', async () => {
    const p = phone(ANDROID_14, { realisticTiming: true });
    const { path } = await pushApk(p, { packageName: APP, versionCode: 1, padBytes: 8 * 1024 * 1024 });
    const started = performance.now();
    expect((await sh(p, `pm install ${path}`)).out).toBe('Success\n');
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('grants requested runtime permissions with -g, and pm grant/revoke after', async () => {
    const p = phone(ANDROID_14);
    const perm = 'android.permission.POST_NOTIFICATIONS';
    const { path } = await pushApk(p, { packageName: APP, versionCode: 1, permissions: [perm] });
    await sh(p, `pm install -g ${path}`);
    expect(p.installedPackage(APP)?.grantedPermissions.has(perm)).toBe(true);
    expect(await sh(p, `pm revoke ${APP} ${perm}`)).toEqual({ status: 0, out: '', err: '' });
    expect((await sh(p, `dumpsys package ${APP}`)).out).toContain(`        ${perm}: granted=false`);
    const denied = await sh(p, `pm grant ${APP} android.permission.CAMERA`);
    expect(denied.status).toBe(255);
    expect(denied.err).toContain(
      `java.lang.SecurityException: Package ${APP} has not requested permission android.permission.CAMERA`,
    );
    const old = phone(ANDROID_10);
    await pushApk(old, { packageName: APP, versionCode: 1, permissions: [perm] }).then(({ path: pth }) =>
      sh(old, `pm install ${pth}`),
    );
    expect((await sh(old, `pm grant ${APP} ${perm}`)).err).toContain(`Unknown permission: ${perm}`);
  });

  it('uninstalls, freeing the name; a second uninstall fails like pm does', async () => {
    const p = phone(ANDROID_14);
    const { path } = await pushApk(p, { packageName: APP, versionCode: 1 });
    await sh(p, `pm install ${path}`);
    expect(await sh(p, `pm uninstall ${APP}`)).toEqual({ status: 0, out: 'Success\n', err: '' });
    expect(await sh(p, `pm uninstall ${APP}`)).toEqual({
      status: 1,
      out: 'Failure [DELETE_FAILED_INTERNAL_ERROR]\n',
      err: '',
    });
    expect((await sh(p, `pm path ${APP}`)).status).toBe(1);
    expect((await sh(p, 'pm uninstall com.android.settings')).out).toBe(
      'Failure [DELETE_FAILED_INTERNAL_ERROR]\n',
    );
  });
});

describe('pm install: every failure, worded for the phone’s release', () => {
  const install = async (
    profile: string,
    spec: Parameters<typeof pushApk>[1],
    flags = '-r -t',
  ): Promise<string> => {
    const p = phone(profile);
    const { path } = await pushApk(p, spec);
    return (await sh(p, `pm install ${flags} ${path}`)).out;
  };

  it('not a zip -> INSTALL_PARSE_FAILED_NOT_APK', async () => {
    for (const bytes of [
      readFileSync(NOT_AN_APK_SAMPLE),
      await buildCorruptApk('empty'),
      await buildCorruptApk('truncated'),
    ]) {
      const p14 = phone(ANDROID_14);
      p14.fs.write('/data/local/tmp/x.apk', bytes, 0o644, 0);
      expect((await sh(p14, 'pm install /data/local/tmp/x.apk')).out).toMatch(
        /^Failure \[INSTALL_PARSE_FAILED_NOT_APK: Failed to parse (\/data\/app\/vmdl\d+\.tmp\/base\.apk): Failed to load asset path \1\]\n$/,
      );
      const p10 = phone(ANDROID_10);
      p10.fs.write('/data/local/tmp/x.apk', bytes, 0o644, 0);
      expect((await sh(p10, 'pm install /data/local/tmp/x.apk')).out).toMatch(
        /^Failure \[INSTALL_PARSE_FAILED_NOT_APK: Failed to parse \/data\/app\/vmdl\d+\.tmp\/base\.apk\]\n$/,
      );
    }
  });

  it('a zip without a usable manifest fails to parse', async () => {
    const p = phone(ANDROID_10);
    p.fs.write('/data/local/tmp/b.apk', await buildCorruptApk('no-manifest'), 0o644, 0);
    expect((await sh(p, 'pm install /data/local/tmp/b.apk')).out).toMatch(
      /^Failure \[INSTALL_PARSE_FAILED_UNEXPECTED_EXCEPTION: Failed to parse \S+: AndroidManifest.xml\]\n$/,
    );
    p.fs.write('/data/local/tmp/g.apk', await buildCorruptApk('garbage-manifest'), 0o644, 0);
    expect((await sh(p, 'pm install /data/local/tmp/g.apk')).out).toMatch(/^Failure \[INSTALL_PARSE_FAILED_/);
    expect(p.installedPackage('com.pushlab.broken')).toBeUndefined();
  });

  it('minSdk above the phone -> INSTALL_FAILED_OLDER_SDK', async () => {
    expect(await install(ANDROID_14, { packageName: APP, versionCode: 1, minSdk: 35 })).toBe(
      'Failure [INSTALL_FAILED_OLDER_SDK: Requires newer sdk version #35 (current version is #34)]\n',
    );
    expect(await install(ANDROID_10, { packageName: APP, versionCode: 1, minSdk: 30 })).toMatch(
      /^Failure \[INSTALL_FAILED_OLDER_SDK: Failed parse during installPackageLI: \/data\/app\/vmdl\d+\.tmp\/base\.apk \(at Binary XML file line #7\): Requires newer sdk version #30 \(current version is #29\)\]\n$/,
    );
  });

  it('same package, other signer -> INSTALL_FAILED_UPDATE_INCOMPATIBLE', async () => {
    for (const [profile, text] of [
      [ANDROID_14, `Existing package ${APP} signatures do not match newer version; ignoring!`],
      [ANDROID_10, `Package ${APP} signatures do not match previously installed version; ignoring!`],
    ] as const) {
      const p = phone(profile);
      await sh(
        p,
        `pm install ${(await pushApk(p, { packageName: APP, versionCode: 1, signer: 'release' }, 'a.apk')).path}`,
      );
      const { path } = await pushApk(p, { packageName: APP, versionCode: 2, signer: 'debug' }, 'b.apk');
      expect((await sh(p, `pm install -r ${path}`)).out).toBe(
        `Failure [INSTALL_FAILED_UPDATE_INCOMPATIBLE: ${text}]\n`,
      );
      expect(p.installedPackage(APP)?.versionCode).toBe(1);
    }
  });

  it('lower versionCode without -d -> INSTALL_FAILED_VERSION_DOWNGRADE; -d allows it', async () => {
    const p = phone(ANDROID_14);
    await sh(p, `pm install ${(await pushApk(p, { packageName: APP, versionCode: 35 }, 'new.apk')).path}`);
    const { path } = await pushApk(p, { packageName: APP, versionCode: 34 }, 'old.apk');
    expect((await sh(p, `pm install -r ${path}`)).out).toBe(
      'Failure [INSTALL_FAILED_VERSION_DOWNGRADE: Downgrade detected: Update version code 34 is older than current 35]\n',
    );
    expect((await sh(p, `pm install -r -d ${path}`)).out).toBe('Success\n');
    expect(p.installedPackage(APP)?.versionCode).toBe(34);
  });

  it('already installed without replace -> INSTALL_FAILED_ALREADY_EXISTS (per release defaults)', async () => {
    const exists = `Failure [INSTALL_FAILED_ALREADY_EXISTS: Attempt to re-install ${APP} without first uninstalling.]\n`;
    const twice = async (profile: string, second: string): Promise<string> => {
      const p = phone(profile);
      const { path } = await pushApk(p, { packageName: APP, versionCode: 1 });
      await sh(p, `pm install ${path}`);
      return (await sh(p, `pm install ${second} ${path}`)).out;
    };
    expect(await twice(ANDROID_14, '-R')).toBe(exists);
    expect(await twice(ANDROID_14, '')).toBe('Success\n');
    expect(await twice(ANDROID_10, '')).toBe(exists); // Android 8-10 applied the default inside the option loop
    expect(await twice(ANDROID_10, '-t')).toBe('Success\n');
    expect(await twice(ANDROID_8, '-r')).toBe('Success\n');
  });

  it('native code for no ABI of the phone -> INSTALL_FAILED_NO_MATCHING_ABIS', async () => {
    const failure =
      'Failure [INSTALL_FAILED_NO_MATCHING_ABIS: Failed to extract native libraries, res=-113]\n';
    expect(
      await install(ANDROID_14, { packageName: APP, versionCode: 1, nativeAbis: ['x86_64', 'armeabi-v7a'] }),
    ).toBe(failure);
    expect(
      await install('samsung-android8.1-1', { packageName: APP, versionCode: 1, nativeAbis: ['arm64-v8a'] }),
    ).toBe(failure);
    expect(
      await install('samsung-android8.1-1', {
        packageName: APP,
        versionCode: 1,
        nativeAbis: ['arm64-v8a', 'armeabi-v7a'],
      }),
    ).toBe('Success\n');
  });

  it('testOnly without -t -> INSTALL_FAILED_TEST_ONLY', async () => {
    const spec = { packageName: APP, versionCode: 1, testOnly: true };
    expect(await install(ANDROID_13, spec, '-r')).toBe(
      'Failure [INSTALL_FAILED_TEST_ONLY: Failed to install test-only apk. Did you forget to add -t?]\n',
    );
    expect(await install(ANDROID_10, spec, '-r')).toBe(
      'Failure [INSTALL_FAILED_TEST_ONLY: installPackageLI]\n',
    );
    expect(await install(ANDROID_10, spec, '-r -t')).toBe('Success\n');
  });

  it('not enough free storage -> INSTALL_FAILED_INSUFFICIENT_STORAGE', async () => {
    const p = phone(ANDROID_14);
    const { path, bytes } = await pushApk(p, { packageName: APP, versionCode: 1, padBytes: 100_000 });
    p.setFreeStorage(bytes.length - 1);
    expect((await sh(p, `pm install ${path}`)).out).toBe('Failure [INSTALL_FAILED_INSUFFICIENT_STORAGE]\n');
    expect((await sh(p, `rm ${path}`)).status).toBe(0);
    expect(p.state.freeStorageBytes).toBe(2 * bytes.length - 1);
  });

  it('Xiaomi with "Install via USB" off -> INSTALL_FAILED_USER_RESTRICTED', async () => {
    const p = phone('xiaomi-hyperos2-android15-1');
    const { path } = await pushApk(p, { packageName: APP, versionCode: 1 });
    p.setInstallViaUsb(false);
    expect((await sh(p, 'getprop persist.security.adbinstall')).out).toBe('0\n');
    expect((await sh(p, `pm install -r ${path}`)).out).toBe(
      'Failure [INSTALL_FAILED_USER_RESTRICTED: Install canceled by user]\n',
    );
    p.setInstallViaUsb(true);
    expect((await sh(p, `pm install -r ${path}`)).out).toBe('Success\n');
    const other = phone(ANDROID_14, { installViaUsb: false });
    expect(
      await sh(other, `pm install ${(await pushApk(other, { packageName: APP, versionCode: 1 })).path}`),
    ).toMatchObject({ out: 'Success\n' });
  });

  it('reports bad arguments the way PackageManagerShellCommand does', async () => {
    const p = phone(ANDROID_14);
    const bad = await sh(p, 'pm install --bogus /data/local/tmp/x.apk');
    expect(bad.status).toBe(255);
    expect(bad.err).toMatch(
      /^\nException occurred while executing 'install':\njava.lang.IllegalArgumentException: Unknown option --bogus\n\tat /,
    );
    const missing = await sh(p, 'pm install /data/local/tmp/missing.apk');
    expect(missing.err.startsWith("Error: Can't open file: /data/local/tmp/missing.apk\n")).toBe(true);
    expect(await sh(p, 'cmd package install')).toEqual({
      status: 1,
      out: 'Error: must either specify a package size or an APK file\n',
      err: '',
    });
    const old = await sh(phone(ANDROID_10), 'pm install --bogus x');
    expect(old.err).toContain('\nException occurred while executing:\n');
  });
});
