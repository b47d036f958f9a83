/**
 * Builds real APK-shaped zips for tests and the demo: a binary AndroidManifest.xml that
 * @devicefarmer/adbkit-apkreader (and PushLab's own reader) can parse, a dex placeholder, a
 * v1-style signature whose certificate bytes derive from `signer`, native libs per ABI and
 * optional incompressible padding (STORED, so a 20 MB APK builds in well under a second).
 */
import { createCipheriv, createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { encodeAxml, type AxmlAttribute, type AxmlElement } from './axml-writer';
import { signerCertificate } from './signer';
import { zipBuffer, type ZipEntry } from './zip-entries';

export { signerCertificate } from './signer';

export interface TestApkSpec {
  /** Not validated on purpose: tests build hostile manifests with it. */
  readonly packageName: string;
  readonly versionCode: number;
  /** Omitted from the manifest when not given. */
  readonly versionName?: string;
  /** Default 21. */
  readonly minSdk?: number;
  /** Default 34. */
  readonly targetSdk?: number;
  /** A plain string, or a resource reference (as most real apps use: @string/app_name). */
  readonly label?: string | { readonly resourceId: number };
  readonly testOnly?: boolean;
  /** One lib/<abi>/libpushlab.so per ABI, e.g. ['arm64-v8a', 'armeabi-v7a']. */
  readonly nativeAbis?: readonly string[];
  /** Default 'pushlab-test'. A different signer = a different signing key. */
  readonly signer?: string;
  /** Size of assets/pad.bin (pseudo-random, stored). Default 0 = no pad entry. */
  readonly padBytes?: number;
  /** uses-permission names, e.g. 'android.permission.POST_NOTIFICATIONS'. */
  readonly permissions?: readonly string[];
  /** String pool encoding of the manifest; aapt2 uses UTF-16. */
  readonly stringEncoding?: 'utf16' | 'utf8';
  /** android:versionCodeMajor (long version codes); omitted when not given. */
  readonly versionCodeMajor?: number;
}

export const DEFAULT_SIGNER = 'pushlab-test';

const ATTR = {
  label: 0x01010001,
  name: 0x01010003,
  exported: 0x01010010,
  minSdkVersion: 0x0101020c,
  versionCode: 0x0101021b,
  versionName: 0x0101021c,
  targetSdkVersion: 0x01010270,
  testOnly: 0x01010272,
  versionCodeMajor: 0x01010576,
} as const;

const android = (name: keyof typeof ATTR, value: AxmlAttribute['value']): AxmlAttribute => ({
  android: true,
  name,
  resourceId: ATTR[name],
  value,
});

const element = (name: string, attributes: AxmlAttribute[], children: AxmlElement[] = []): AxmlElement => ({
  name,
  attributes,
  children,
});

/** The manifest element tree for a spec (exported for tests that tamper with it). */
export function manifestTree(spec: TestApkSpec): AxmlElement {
  const root: AxmlAttribute[] = [android('versionCode', { type: 'int', value: spec.versionCode })];
  if (spec.versionName !== undefined)
    root.push(android('versionName', { type: 'string', value: spec.versionName }));
  if (spec.versionCodeMajor !== undefined) {
    root.push(android('versionCodeMajor', { type: 'int', value: spec.versionCodeMajor }));
  }
  root.push({ android: false, name: 'package', value: { type: 'string', value: spec.packageName } });

  const app: AxmlAttribute[] = [];
  if (typeof spec.label === 'string') app.push(android('label', { type: 'string', value: spec.label }));
  else if (spec.label) app.push(android('label', { type: 'reference', value: spec.label.resourceId }));
  if (spec.testOnly) app.push(android('testOnly', { type: 'bool', value: true }));

  const launcher = element(
    'activity',
    [
      android('name', { type: 'string', value: `${spec.packageName}.MainActivity` }),
      android('exported', { type: 'bool', value: true }),
    ],
    [
      element(
        'intent-filter',
        [],
        [
          element('action', [android('name', { type: 'string', value: 'android.intent.action.MAIN' })]),
          element('category', [
            android('name', { type: 'string', value: 'android.intent.category.LAUNCHER' }),
          ]),
        ],
      ),
    ],
  );

  return element('manifest', root, [
    element('uses-sdk', [
      android('minSdkVersion', { type: 'int', value: spec.minSdk ?? 21 }),
      android('targetSdkVersion', { type: 'int', value: spec.targetSdk ?? 34 }),
    ]),
    ...(spec.permissions ?? []).map((p) =>
      element('uses-permission', [android('name', { type: 'string', value: p })]),
    ),
    element('application', app, [launcher]),
  ]);
}

/** The binary AndroidManifest.xml for a spec. */
export function buildManifest(spec: TestApkSpec): Buffer {
  return encodeAxml(manifestTree(spec), { encoding: spec.stringEncoding ?? 'utf16' });
}

/** A dex file header: magic "dex\n035\0" then zeros (never executed). */
function dexPlaceholder(): Buffer {
  const dex = Buffer.alloc(112);
  dex.write('dex\n035\0', 0, 'latin1');
  dex.writeUInt32LE(112, 32); // file_size
  dex.writeUInt32LE(0x70, 36); // header_size
  dex.writeUInt32LE(0x12345678, 40); // endian_tag
  return dex;
}

/** An ELF header stub so the .so looks like a shared object. */
function nativeLib(abi: string): Buffer {
  const elf = Buffer.alloc(64);
  elf.write('\x7fELF', 0, 'latin1');
  elf.writeUInt8(abi.includes('64') ? 2 : 1, 4); // ELFCLASS
  elf.writeUInt8(1, 5); // little-endian
  elf.writeUInt16LE(3, 16); // ET_DYN
  return Buffer.concat([elf, Buffer.from(`pushlab native stub for ${abi}\n`)]);
}

/** Deterministic incompressible bytes: an AES-CTR keystream keyed by the spec. */
function padding(spec: TestApkSpec, size: number): Buffer {
  const key = createHash('sha256')
    .update(`${spec.packageName}\0${spec.versionCode}\0${spec.signer ?? DEFAULT_SIGNER}`)
    .digest()
    .subarray(0, 16);
  return createCipheriv('aes-128-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(size));
}

/** The zip entries of a test APK, in jarsigner order (META-INF first). */
export function testApkEntries(spec: TestApkSpec): ZipEntry[] {
  const signer = spec.signer ?? DEFAULT_SIGNER;
  const manifest = buildManifest(spec);
  const dex = dexPlaceholder();
  const digest = (b: Buffer): string => createHash('sha256').update(b).digest('base64');
  const mf = Buffer.from(
    'Manifest-Version: 1.0\r\nCreated-By: PushLab test APK builder\r\n\r\n' +
      `Name: AndroidManifest.xml\r\nSHA-256-Digest: ${digest(manifest)}\r\n\r\n` +
      `Name: classes.dex\r\nSHA-256-Digest: ${digest(dex)}\r\n\r\n`,
  );
  const sf = Buffer.from(
    `Signature-Version: 1.0\r\nCreated-By: PushLab test APK builder\r\nSHA-256-Digest-Manifest: ${digest(mf)}\r\n\r\n`,
  );
  const entries: ZipEntry[] = [
    { name: 'META-INF/MANIFEST.MF', data: mf, compress: true },
    { name: 'META-INF/CERT.SF', data: sf, compress: true },
    { name: 'META-INF/CERT.RSA', data: signerCertificate(signer), compress: true },
    { name: 'AndroidManifest.xml', data: manifest, compress: true },
    { name: 'classes.dex', data: dex, compress: true },
  ];
  for (const abi of spec.nativeAbis ?? []) {
    entries.push({ name: `lib/${abi}/libpushlab.so`, data: nativeLib(abi), compress: true });
  }
  const pad = spec.padBytes ?? 0;
  if (pad > 0) entries.push({ name: 'assets/pad.bin', data: padding(spec, pad), compress: false });
  return entries;
}

/** Builds a test APK in memory. Same spec -> same bytes. */
export function buildTestApk(spec: TestApkSpec): Promise<Buffer> {
  return zipBuffer(testApkEntries(spec));
}

/** Builds a test APK and writes it to `path` (creating folders); returns its size and sha256. */
export async function writeTestApk(
  path: string,
  spec: TestApkSpec,
): Promise<{ path: string; sizeBytes: number; sha256: string }> {
  const apk = await buildTestApk(spec);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, apk);
  return { path, sizeBytes: apk.length, sha256: createHash('sha256').update(apk).digest('hex') };
}
