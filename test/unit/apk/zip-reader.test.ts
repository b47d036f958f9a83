import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { ApkFormatError } from '../../../electron/lab/apk/apk-format-error';
import { nativeAbisOf } from '../../../electron/lab/apk/apk-contents';
import {
  hasZipMagic,
  readZipDirectory,
  readZipEntry,
  type ZipEntryInfo,
} from '../../../electron/lab/apk/zip-reader';
import { buildTestApk } from '../../virtual-lab/apk';
import { memoryFile } from './zip-listing';

function zip(
  files: Record<string, Buffer>,
  options: { zip64?: boolean; comment?: string } = {},
): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const [name, data] of Object.entries(files)) {
    z.addBuffer(data, name, { forceZip64Format: options.zip64 ?? false });
  }
  z.end({ forceZip64Format: options.zip64 ?? false, comment: options.comment ?? '' });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('error', reject);
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

async function rejection(promise: Promise<unknown>): Promise<ApkFormatError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApkFormatError);
  return error as ApkFormatError;
}

const entry = (over: Partial<ZipEntryInfo>): ZipEntryInfo => ({
  name: 'x',
  flags: 0,
  method: 0,
  compressedSize: 0,
  uncompressedSize: 0,
  localHeaderOffset: 0,
  ...over,
});

describe('zip reader', () => {
  const text = Buffer.from('hello '.repeat(1000));

  it.each([
    ['plain', {}],
    ['zip64 records', { zip64: true }],
    ['an archive comment', { comment: 'built by the PushLab tests '.repeat(40) }],
  ] as const)('lists and reads entries with %s', async (_label, options) => {
    const data = await zip({ 'a.txt': text, 'dir/b.bin': Buffer.from([1, 2, 3]) }, options);
    const file = memoryFile(data);
    expect(await hasZipMagic(file, data.length)).toBe(true);
    const entries = await readZipDirectory(file, data.length);
    expect(entries.map((e) => e.name)).toEqual(['a.txt', 'dir/b.bin']);
    const a = entries[0] as ZipEntryInfo;
    expect(a.method).toBe(8);
    expect((await readZipEntry(file, data.length, a, 1 << 20)).equals(text)).toBe(true);
  });

  it('refuses an entry that inflates past the cap (zip bomb)', async () => {
    const bomb = Buffer.alloc(10 * 1024 * 1024);
    const data = await zip({ 'AndroidManifest.xml': bomb });
    const file = memoryFile(data);
    const [manifest] = await readZipDirectory(file, data.length);
    // Lie about the size, as a hostile archive would: the inflate cap must still hold.
    const lying = entry({ ...(manifest as ZipEntryInfo), uncompressedSize: 100 });
    expect((await rejection(readZipEntry(file, data.length, lying, 1024 * 1024))).message).toMatch(
      /decompressed/,
    );
  });

  it('refuses encrypted entries and unknown compression methods', async () => {
    const data = await zip({ 'a.txt': text });
    const file = memoryFile(data);
    const [a] = (await readZipDirectory(file, data.length)) as [ZipEntryInfo];
    expect((await rejection(readZipEntry(file, data.length, { ...a, flags: 1 }, 1 << 20))).message).toMatch(
      /encrypted/,
    );
    expect((await rejection(readZipEntry(file, data.length, { ...a, method: 12 }, 1 << 20))).message).toMatch(
      /method 12/,
    );
  });

  it('refuses entries pointing outside the file', async () => {
    const data = await zip({ 'a.txt': text });
    const file = memoryFile(data);
    const error = await rejection(
      readZipEntry(file, data.length, entry({ localHeaderOffset: data.length - 4 }), 10),
    );
    expect(error.kind).toBe('corrupt-zip');
  });

  it('refuses a central directory that points past the end record', async () => {
    const data = Buffer.from(await zip({ 'a.txt': text }));
    const eocd = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    data.writeUInt32LE(data.length, eocd + 16);
    expect((await rejection(readZipDirectory(memoryFile(data), data.length))).kind).toBe('corrupt-zip');
  });

  it('refuses a damaged central directory record', async () => {
    const data = Buffer.from(await zip({ 'a.txt': text, 'b.txt': text }));
    const central = data.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    data.writeUInt32LE(0xdeadbeef, central);
    expect((await rejection(readZipDirectory(memoryFile(data), data.length))).message).toMatch(
      /central directory/,
    );
  });

  it('has no zip magic for text, tiny files and empty zips', async () => {
    expect(await hasZipMagic(memoryFile(Buffer.from('hello world')), 11)).toBe(false);
    expect(await hasZipMagic(memoryFile(Buffer.from('PK')), 2)).toBe(false);
    const empty = await zip({});
    expect(await hasZipMagic(memoryFile(empty), empty.length)).toBe(false);
  });
});

describe('nativeAbisOf', () => {
  it('lists ABIs with a file directly under lib/<abi>/, sorted and unique', async () => {
    const data = await buildTestApk({ packageName: 'a.b', versionCode: 1, nativeAbis: ['x86', 'arm64-v8a'] });
    const entries = await readZipDirectory(memoryFile(data), data.length);
    expect(nativeAbisOf(entries)).toEqual(['arm64-v8a', 'x86']);
  });

  it('ignores directories, nested paths and odd names', () => {
    const names = [
      'lib/arm64-v8a/',
      'lib/x86/sub/lib.so',
      'lib/bad name/a.so',
      'lib/x86_64/a.so',
      'lib/x86_64/b.so',
      'libs/mips/a.so',
    ];
    expect(nativeAbisOf(names.map((name) => entry({ name })))).toEqual(['x86_64']);
  });
});
