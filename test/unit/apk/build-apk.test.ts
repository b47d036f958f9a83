import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildCorruptApk,
  buildTestApk,
  CORRUPT_APK_KINDS,
  DEFAULT_SIGNER,
  NOT_AN_APK_SAMPLE,
  signerCertificate,
  writeTestApk,
  type TestApkSpec,
} from '../../virtual-lab/apk';
import { thirdPartyEntry, thirdPartyManifest } from '../../virtual-lab/apk/apkreader';
import { zipListing } from './zip-listing';

const FULL: TestApkSpec = {
  packageName: 'com.pushlab.sample',
  versionCode: 4021,
  versionName: '4.2.1-rc1',
  minSdk: 24,
  targetSdk: 35,
  label: 'PushLab 推送样例',
  testOnly: true,
  nativeAbis: ['arm64-v8a', 'armeabi-v7a'],
  permissions: ['android.permission.POST_NOTIFICATIONS', 'android.permission.INTERNET'],
};

const tmp = mkdtempSync(join(tmpdir(), 'pushlab-build-apk-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('buildTestApk', () => {
  it.each(['utf16', 'utf8'] as const)(
    'writes a manifest adbkit-apkreader reads (%s string pool)',
    async (stringEncoding) => {
      const manifest = await thirdPartyManifest(await buildTestApk({ ...FULL, stringEncoding }));
      expect(manifest.package).toBe('com.pushlab.sample');
      expect(manifest.versionCode).toBe(4021);
      expect(manifest.versionName).toBe('4.2.1-rc1');
      expect(manifest.usesSdk).toEqual({ minSdkVersion: 24, targetSdkVersion: 35 });
      expect(manifest.application.label).toBe('PushLab 推送样例');
      expect(manifest.application.testOnly).toBe(true);
      expect(manifest.usesPermissions.map((p) => p.name)).toEqual(FULL.permissions);
      expect(manifest.application.launcherActivities?.map((a) => a.name)).toEqual([
        'com.pushlab.sample.MainActivity',
      ]);
    },
  );

  it('leaves out what the spec leaves out, and applies sdk defaults', async () => {
    const manifest = await thirdPartyManifest(await buildTestApk({ packageName: 'a.b', versionCode: 1 }));
    expect(manifest.package).toBe('a.b');
    expect(manifest.versionName).toBeUndefined();
    expect(manifest.application.label).toBeUndefined();
    expect(manifest.application.testOnly).toBeUndefined();
    expect(manifest.usesSdk).toEqual({ minSdkVersion: 21, targetSdkVersion: 34 });
  });

  it('can reference the label as a resource, like most real apps', async () => {
    const manifest = await thirdPartyManifest(
      await buildTestApk({ packageName: 'a.b', versionCode: 1, label: { resourceId: 0x7f0b0001 } }),
    );
    expect(manifest.application.label).toBe('resourceId:0x7f0b0001');
  });

  it('derives META-INF/CERT.RSA from the signer only', async () => {
    const a1 = await thirdPartyEntry(await buildTestApk({ ...FULL }), 'META-INF/CERT.RSA');
    const a2 = await thirdPartyEntry(await buildTestApk({ ...FULL, versionCode: 9 }), 'META-INF/CERT.RSA');
    const b = await thirdPartyEntry(
      await buildTestApk({ ...FULL, signer: 'someone-else' }),
      'META-INF/CERT.RSA',
    );
    expect(a1.equals(a2)).toBe(true);
    expect(a1.equals(b)).toBe(false);
    expect(a1.equals(signerCertificate(DEFAULT_SIGNER))).toBe(true);
    expect(b.equals(signerCertificate('someone-else'))).toBe(true);
    expect(a1[0]).toBe(0x30); // a DER SEQUENCE, like a real PKCS#7 block
  });

  it('ships one native library per ABI and a dex', async () => {
    const entries = await zipListing(await buildTestApk(FULL));
    expect(entries.has('lib/arm64-v8a/libpushlab.so')).toBe(true);
    expect(entries.has('lib/armeabi-v7a/libpushlab.so')).toBe(true);
    expect(entries.has('classes.dex')).toBe(true);
    expect([...entries.keys()].filter((n) => n.startsWith('lib/'))).toHaveLength(2);
    const none = await zipListing(await buildTestApk({ packageName: 'a.b', versionCode: 1 }));
    expect([...none.keys()].some((n) => n.startsWith('lib/'))).toBe(false);
  });

  it('builds a 20 MB APK fast, with the padding stored and the manifest deflated', async () => {
    const started = performance.now();
    const apk = await buildTestApk({ ...FULL, padBytes: 20 * 1024 * 1024 });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(apk.length).toBeGreaterThan(20 * 1024 * 1024);
    const entries = await zipListing(apk);
    const pad = entries.get('assets/pad.bin');
    expect(pad?.method).toBe(0);
    expect(pad?.uncompressedSize).toBe(20 * 1024 * 1024);
    expect(entries.get('AndroidManifest.xml')?.method).toBe(8);
    // Incompressible: the padding must not be a run of zeros.
    const padBytes = await thirdPartyEntry(apk, 'assets/pad.bin');
    expect(new Set(padBytes.subarray(0, 4096)).size).toBeGreaterThan(200);
  });

  it('is reproducible: same spec, same bytes; another spec, other bytes', async () => {
    const a = await buildTestApk({ ...FULL, padBytes: 1000 });
    const b = await buildTestApk({ ...FULL, padBytes: 1000 });
    const c = await buildTestApk({ ...FULL, padBytes: 1000, versionCode: 4022 });
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(false);
  });

  it('writeTestApk writes the file and reports its size and hash', async () => {
    const path = join(tmp, 'nested', 'dir', 'sample.apk');
    const written = await writeTestApk(path, FULL);
    const bytes = readFileSync(path);
    expect(written.sizeBytes).toBe(bytes.length);
    expect(written.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect((await thirdPartyManifest(path)).package).toBe('com.pushlab.sample');
  });

  it.skipIf(!existsSync('/usr/bin/unzip'))('passes Info-ZIP integrity checks', async () => {
    const path = join(tmp, 'unzip-check.apk');
    await writeTestApk(path, { ...FULL, padBytes: 4096 });
    expect(execFileSync('/usr/bin/unzip', ['-tq', path]).toString()).toMatch(/No errors detected/);
  });
});

describe('broken APK samples', () => {
  it.each(CORRUPT_APK_KINDS)('%s is refused by adbkit-apkreader too', async (kind) => {
    const apk = await buildCorruptApk(kind);
    await expect(thirdPartyManifest(apk)).rejects.toThrow();
  });

  it('the committed non-APK sample is not a zip', () => {
    const bytes = readFileSync(NOT_AN_APK_SAMPLE);
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.subarray(0, 2).toString('latin1')).not.toBe('PK');
  });
});
