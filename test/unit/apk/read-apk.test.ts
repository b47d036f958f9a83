import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readApk } from '../../../electron/lab/apk/read-apk';
import { LabError } from '../../../electron/lab/errors';
import {
  buildCorruptApk,
  NOT_AN_APK_SAMPLE,
  writeCorruptApk,
  writeTestApk,
  type CorruptApkKind,
  type TestApkSpec,
} from '../../virtual-lab/apk';
import { thirdPartyManifest } from '../../virtual-lab/apk/apkreader';

const tmp = mkdtempSync(join(tmpdir(), 'pushlab-read-apk-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let counter = 0;
const apkPath = (name = `app-${++counter}.apk`): string => join(tmp, name);

async function errorOf(promise: Promise<unknown>): Promise<LabError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LabError);
  return error as LabError;
}

const FULL: TestApkSpec = {
  packageName: 'com.tencent.pushlab.demo',
  versionCode: 120034,
  versionName: '12.0.34',
  minSdk: 23,
  targetSdk: 35,
  label: 'Push Demo',
  testOnly: true,
  nativeAbis: ['x86_64', 'arm64-v8a', 'armeabi-v7a'],
};

describe('readApk: good APKs', () => {
  it.each(['utf16', 'utf8'] as const)(
    'reads identity, ABIs, size and hash (%s manifest)',
    async (stringEncoding) => {
      const path = apkPath();
      await writeTestApk(path, { ...FULL, stringEncoding, padBytes: 5000 });
      const bytes = readFileSync(path);
      expect(await readApk(path)).toEqual({
        path,
        fileName: path.split('/').pop(),
        sizeBytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        packageName: 'com.tencent.pushlab.demo',
        versionCode: 120034,
        versionName: '12.0.34',
        minSdk: 23,
        targetSdk: 35,
        label: 'Push Demo',
        testOnly: true,
        nativeAbis: ['arm64-v8a', 'armeabi-v7a', 'x86_64'],
      });
    },
  );

  it('gives null for a resource-reference label and a missing versionName, false for testOnly', async () => {
    const path = apkPath();
    await writeTestApk(path, { packageName: 'a.b', versionCode: 7, label: { resourceId: 0x7f120001 } });
    const info = await readApk(path);
    expect(info.label).toBeNull();
    expect(info.versionName).toBeNull();
    expect(info.testOnly).toBe(false);
    expect(info.nativeAbis).toEqual([]);
  });

  it('resolves relative paths to absolute ones', async () => {
    const path = apkPath('relative.apk');
    await writeTestApk(path, FULL);
    const rel = relative(process.cwd(), path);
    expect(rel.startsWith('/')).toBe(false);
    const info = await readApk(rel);
    expect(info.path).toBe(path);
    expect(info.fileName).toBe('relative.apk');
  });

  it('combines versionCodeMajor into a long version code', async () => {
    const path = apkPath();
    await writeTestApk(path, { packageName: 'a.b', versionCode: 5, versionCodeMajor: 2 });
    expect((await readApk(path)).versionCode).toBe(2 * 2 ** 32 + 5);
  });

  it('agrees with adbkit-apkreader on a range of specs', async () => {
    const specs: TestApkSpec[] = [
      { packageName: 'x.y', versionCode: 1 },
      {
        packageName: 'com.example.very_long_name.with.many.segments',
        versionCode: 2147483647,
        versionName: 'Ω 1',
        minSdk: 34,
        targetSdk: 36,
      },
      {
        packageName: 'org.A1.B2',
        versionCode: 0,
        label: 'Ünïcødé 标签',
        testOnly: false,
        stringEncoding: 'utf8',
      },
      { packageName: 'io.long.label', versionCode: 3, label: 'L'.repeat(600), versionName: 'v'.repeat(200) },
    ];
    for (const spec of specs) {
      const path = apkPath();
      await writeTestApk(path, spec);
      const ours = await readApk(path);
      const theirs = await thirdPartyManifest(path);
      expect(ours.packageName).toBe(theirs.package);
      expect(ours.versionCode).toBe(theirs.versionCode);
      expect(ours.versionName).toBe(theirs.versionName ?? null);
      expect(ours.minSdk).toBe(theirs.usesSdk?.minSdkVersion ?? null);
      expect(ours.targetSdk).toBe(theirs.usesSdk?.targetSdkVersion ?? null);
      expect(ours.label).toBe(theirs.application.label ?? null);
      expect(ours.testOnly).toBe(theirs.application.testOnly ?? false);
    }
  });

  it('hashes a 20 MB APK by streaming it', async () => {
    const path = apkPath();
    await writeTestApk(path, { ...FULL, padBytes: 20 * 1024 * 1024 });
    const info = await readApk(path);
    expect(info.sizeBytes).toBeGreaterThan(20 * 1024 * 1024);
    expect(info.sha256).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
  });
});

describe('readApk: refused before any phone is touched', () => {
  it('a missing file is NOT_FOUND with a hint', async () => {
    const error = await errorOf(readApk(join(tmp, 'nope', 'missing.apk')));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('missing.apk');
    expect(error.hint).toBeTruthy();
  });

  it('a folder is APK_UNREADABLE', async () => {
    const dir = join(tmp, 'folder.apk');
    mkdirSync(dir);
    const error = await errorOf(readApk(dir));
    expect(error.code).toBe('APK_UNREADABLE');
    expect(error.message).toMatch(/folder/);
  });

  it.skipIf(process.getuid?.() === 0)('a file without read permission is APK_UNREADABLE', async () => {
    const path = apkPath();
    await writeTestApk(path, FULL);
    chmodSync(path, 0o000);
    const error = await errorOf(readApk(path));
    expect(error.code).toBe('APK_UNREADABLE');
    expect(error.message).toMatch(/not allowed/);
  });

  it('an empty path is INVALID_ARGUMENT', async () => {
    expect((await errorOf(readApk('  '))).code).toBe('INVALID_ARGUMENT');
    expect((await errorOf(readApk('a\0b.apk'))).code).toBe('INVALID_ARGUMENT');
  });

  it('the committed text sample is NOT_AN_APK, naming the file, with the bundletool hint', async () => {
    const error = await errorOf(readApk(NOT_AN_APK_SAMPLE));
    expect(error.code).toBe('NOT_AN_APK');
    expect(error.message).toMatch(/^not-an-apk\.apk is not an Android app \(APK\)/);
    expect(error.hint).toMatch(/bundletool/);
  });

  const expected: Record<CorruptApkKind, { code: string; message: RegExp }> = {
    empty: { code: 'NOT_AN_APK', message: /not a zip/ },
    'no-manifest': { code: 'NOT_AN_APK', message: /no AndroidManifest\.xml/ },
    'app-bundle': { code: 'NOT_AN_APK', message: /App Bundle/ },
    truncated: { code: 'APK_UNREADABLE', message: /damaged/ },
    'garbage-manifest': { code: 'APK_UNREADABLE', message: /manifest/ },
    'truncated-manifest': { code: 'APK_UNREADABLE', message: /manifest/ },
    'text-manifest': { code: 'APK_UNREADABLE', message: /manifest/ },
  };
  it.each(Object.entries(expected))('%s', async (kind, want) => {
    const path = await writeCorruptApk(apkPath(`${kind}.apk`), kind as CorruptApkKind);
    const error = await errorOf(readApk(path));
    expect(error.code).toBe(want.code);
    expect(error.message).toMatch(want.message);
    expect(error.message).toContain(`${kind}.apk`);
    expect(error.hint).toBeTruthy();
  });

  it('a zip cut just before its end record is APK_UNREADABLE', async () => {
    const full = await buildCorruptApk('no-manifest');
    const path = apkPath();
    writeFileSync(path, full.subarray(0, full.length - 10));
    expect((await errorOf(readApk(path))).code).toBe('APK_UNREADABLE');
  });

  it.each([
    'com.x;reboot',
    "com.x' ; rm -rf / ; '",
    'com.x$(id)',
    'single',
    '1com.example',
    'com..example',
    'com.example.',
    '.com.example',
    'com.example\n',
    'com.例子.app',
    'com.-x.y',
    `com.${'a'.repeat(260)}`,
  ])('a hostile package name %j is refused', async (packageName) => {
    const path = apkPath();
    await writeTestApk(path, { packageName, versionCode: 1 });
    const error = await errorOf(readApk(path));
    expect(error.code).toBe('APK_UNREADABLE');
    expect(error.message).toMatch(/invalid package name/);
    expect(error.detail).toBe(JSON.stringify(packageName.slice(0, 300)));
  });
});
