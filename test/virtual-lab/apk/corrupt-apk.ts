/**
 * Broken and not-quite APKs, for the "refuse before touching a phone" paths of readers and the
 * virtual phone. Each kind mimics a real mistake or a real kind of damage.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildManifest, buildTestApk, testApkEntries, type TestApkSpec } from './build-apk';
import { zipBuffer, type ZipEntry } from './zip-entries';

/** A committed plain-text file named .apk. */
export const NOT_AN_APK_SAMPLE = fileURLToPath(new URL('./samples/not-an-apk.apk', import.meta.url));

export const CORRUPT_APK_KINDS = [
  /** Zero bytes (an interrupted copy). */
  'empty',
  /** Starts like a zip but is cut in half: the central directory is gone (a download cut short). */
  'truncated',
  /** A valid zip without AndroidManifest.xml (someone zipped a folder). */
  'no-manifest',
  /** An Android App Bundle: manifest under base/manifest/, protobuf not AXML. */
  'app-bundle',
  /** AndroidManifest.xml is random bytes. */
  'garbage-manifest',
  /** AndroidManifest.xml is a valid AXML prefix cut short. */
  'truncated-manifest',
  /** AndroidManifest.xml is uncompiled source XML text (zipped project, not a build). */
  'text-manifest',
] as const;
export type CorruptApkKind = (typeof CORRUPT_APK_KINDS)[number];

const BASE: TestApkSpec = { packageName: 'com.pushlab.broken', versionCode: 1, versionName: '1.0' };

function noise(size: number, seed: string): Buffer {
  const out: Buffer[] = [];
  for (let i = 0; out.length * 32 < size; i += 1)
    out.push(createHash('sha256').update(`${seed}:${i}`).digest());
  return Buffer.concat(out).subarray(0, size);
}

function withManifest(manifest: Buffer): Promise<Buffer> {
  const entries: ZipEntry[] = testApkEntries(BASE).map((e) =>
    e.name === 'AndroidManifest.xml' ? { ...e, data: manifest } : e,
  );
  return zipBuffer(entries);
}

/** Builds one kind of broken APK. */
export async function buildCorruptApk(kind: CorruptApkKind): Promise<Buffer> {
  switch (kind) {
    case 'empty':
      return Buffer.alloc(0);
    case 'truncated': {
      const full = await buildTestApk({ ...BASE, padBytes: 64 * 1024 });
      return full.subarray(0, Math.floor(full.length / 2));
    }
    case 'no-manifest':
      return zipBuffer(testApkEntries(BASE).filter((e) => e.name !== 'AndroidManifest.xml'));
    case 'app-bundle':
      return zipBuffer([
        {
          name: 'BundleConfig.pb',
          data: Buffer.from([0x0a, 0x06, 0x0a, 0x04, 0x31, 0x2e, 0x31, 0x35]),
          compress: true,
        },
        { name: 'base/manifest/AndroidManifest.xml', data: noise(300, 'aab-manifest'), compress: true },
        { name: 'base/dex/classes.dex', data: Buffer.from('dex\n035\0'), compress: true },
      ]);
    case 'garbage-manifest':
      return withManifest(noise(2048, 'garbage'));
    case 'truncated-manifest': {
      const manifest = buildManifest(BASE);
      return withManifest(manifest.subarray(0, Math.floor(manifest.length * 0.6)));
    }
    case 'text-manifest':
      return withManifest(
        Buffer.from(
          '<?xml version="1.0" encoding="utf-8"?>\n' +
            '<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.pushlab.broken">\n' +
            '  <application android:label="Broken"/>\n</manifest>\n',
        ),
      );
  }
}

/** Writes one kind of broken APK to `path` (creating folders). */
export async function writeCorruptApk(path: string, kind: CorruptApkKind): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, await buildCorruptApk(kind));
  return path;
}
