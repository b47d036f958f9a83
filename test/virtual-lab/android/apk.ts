/**
 * What PackageManager learns from an APK before installing it: is it a zip, its manifest (read
 * with @devicefarmer/adbkit-apkreader from a slim temp copy), its native-code ABIs (lib/<abi>/ entries)
 * and its signer (v1 signature block META-INF/*.RSA|DSA|EC, digested).
 * Zip layout: PKWARE APPNOTE.TXT 4.3.12 (central directory) and 4.3.16 (end of central directory).
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { ZipFile } from 'yazl';
import { openApkReader, type ThirdPartyManifest } from '../apk/apkreader';

export interface ApkFacts {
  readonly kind: 'apk';
  readonly packageName: string;
  readonly versionCode: number;
  readonly versionName: string | null;
  readonly minSdk: number;
  readonly targetSdk: number;
  readonly testOnly: boolean;
  readonly label: string | null;
  readonly launcherActivity: string | null;
  readonly permissions: readonly string[];
  /** ABIs under lib/<abi>/; empty for pure-Java apps. */
  readonly nativeAbis: readonly string[];
  /** Digest of the v1 signature block, or null when unsigned. */
  readonly signer: string | null;
  readonly sizeBytes: number;
}

export type ApkInspection =
  | ApkFacts
  | { readonly kind: 'not-zip' }
  | { readonly kind: 'no-manifest' }
  | { readonly kind: 'bad-manifest'; readonly detail: string };

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;
const SIGNATURE_ENTRY = /^META-INF\/[^/]+\.(RSA|DSA|EC)$/i;

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

/** The zip central directory, or null when the bytes are not a zip. */
function readZipEntries(bytes: Buffer): ZipEntry[] | null {
  if (bytes.length < 22) return null;
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (bytes.readUInt32LE(i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  const size = bytes.readUInt32LE(eocd + 12);
  const offset = bytes.readUInt32LE(eocd + 16);
  if (offset + size > eocd) return null;
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CDH_SIG) return null;
    const nameLen = bytes.readUInt16LE(p + 28);
    const extraLen = bytes.readUInt16LE(p + 30);
    const commentLen = bytes.readUInt16LE(p + 32);
    entries.push({
      name: bytes.subarray(p + 46, p + 46 + nameLen).toString('utf8'),
      method: bytes.readUInt16LE(p + 10),
      compressedSize: bytes.readUInt32LE(p + 20),
      localOffset: bytes.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Entry names from the zip central directory, or null when the bytes are not a zip. */
export function listZipEntries(bytes: Buffer): string[] | null {
  return readZipEntries(bytes)?.map((e) => e.name) ?? null;
}

/** One entry's uncompressed bytes (stored or deflated), or null when it can't be read. */
function entryBytes(bytes: Buffer, entry: ZipEntry): Buffer | null {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LFH_SIG) return null;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method !== 8) return null;
  try {
    return inflateRawSync(data);
  } catch {
    return null;
  }
}

/**
 * A small zip holding only what the installer reads (manifest, signature block), so the reader
 * gets a file without copying a large APK to disk once per phone.
 */
async function slimApk(bytes: Buffer, entries: readonly ZipEntry[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const entry of entries) {
    if (entry.name !== 'AndroidManifest.xml' && !SIGNATURE_ENTRY.test(entry.name)) continue;
    const content = entryBytes(bytes, entry);
    if (content) zip.addBuffer(content, entry.name);
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown, fallback: number): number =>
  typeof v === 'number' && Number.isFinite(v) ? v : fallback;

/** Inspects APK bytes the way the package installer would. */
export async function inspectApk(bytes: Buffer): Promise<ApkInspection> {
  const zipEntries = readZipEntries(bytes);
  if (!zipEntries) return { kind: 'not-zip' };
  const entries = zipEntries.map((e) => e.name);
  if (!entries.includes('AndroidManifest.xml')) return { kind: 'no-manifest' };
  const dir = await mkdtemp(join(tmpdir(), 'pushlab-vphone-'));
  try {
    const file = join(dir, 'base.apk');
    await writeFile(file, await slimApk(bytes, zipEntries));
    const reader = await openApkReader(file);
    let manifest: ThirdPartyManifest;
    try {
      manifest = await reader.readManifest();
    } catch (error) {
      return { kind: 'bad-manifest', detail: error instanceof Error ? error.message : String(error) };
    }
    const packageName = str(manifest.package);
    if (!packageName) return { kind: 'bad-manifest', detail: '<manifest> has no package attribute' };
    const sigEntry = entries.find((e) => SIGNATURE_ENTRY.test(e));
    const signer = sigEntry
      ? createHash('sha256')
          .update(await reader.readContent(sigEntry))
          .digest('hex')
      : null;
    const minSdk = num(manifest.usesSdk?.minSdkVersion, 1);
    const abis = new Set<string>();
    for (const e of entries) {
      const m = /^lib\/([^/]+)\/[^/]+\.so$/.exec(e);
      if (m?.[1]) abis.add(m[1]);
    }
    const launcher = manifest.application.launcherActivities?.[0];
    return {
      kind: 'apk',
      packageName,
      versionCode: num(manifest.versionCodeMajor, 0) * 2 ** 32 + num(manifest.versionCode, 0),
      versionName: str(manifest.versionName),
      minSdk,
      targetSdk: num(manifest.usesSdk?.targetSdkVersion, minSdk),
      testOnly: manifest.application.testOnly === true,
      label: str(manifest.application.label),
      launcherActivity: launcher ? str(launcher.name) : null,
      permissions: manifest.usesPermissions.map((p) => str(p.name)).filter((p): p is string => p !== null),
      nativeAbis: [...abis],
      signer,
      sizeBytes: bytes.length,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
