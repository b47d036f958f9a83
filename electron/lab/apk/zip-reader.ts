/**
 * Just enough of the zip format to inspect an APK without loading it: find the central
 * directory from the end record (zip64 aware), list entries, and read one entry with a size
 * cap. Every offset comes from an untrusted file, so each one is bounds-checked.
 */
import { inflateRawSync } from 'node:zlib';
import { ApkFormatError } from './apk-format-error';

/** Positional reads; a fs FileHandle fits, and so does an in-memory adapter in tests. */
export interface RandomAccessFile {
  read(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
}

export interface ZipEntryInfo {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
/** Far above any real APK's directory (tens of thousands of entries), far below memory trouble. */
const MAX_DIRECTORY_BYTES = 64 * 1024 * 1024;

const corrupt = (what: string): ApkFormatError => new ApkFormatError('corrupt-zip', what);

async function readAt(file: RandomAccessFile, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  if (bytesRead !== length) throw corrupt('the file ends earlier than its zip records say');
  return buffer;
}

/** true when the file starts with a zip local file header (`PK\x03\x04`). */
export async function hasZipMagic(file: RandomAccessFile, fileSize: number): Promise<boolean> {
  if (fileSize < 4) return false;
  return (await readAt(file, 0, 4)).readUInt32LE(0) === LOCAL_SIG;
}

interface DirectoryLocation {
  readonly count: number;
  readonly offset: number;
  readonly size: number;
}

async function locateDirectory(file: RandomAccessFile, fileSize: number): Promise<DirectoryLocation> {
  if (fileSize < EOCD_SIZE) throw corrupt('the zip end record is missing');
  const tailLength = Math.min(fileSize, EOCD_SIZE + MAX_COMMENT);
  const tailStart = fileSize - tailLength;
  const tail = await readAt(file, tailStart, tailLength);
  let at = -1;
  for (let i = tail.length - EOCD_SIZE; i >= 0; i -= 1) {
    if (tail.readUInt32LE(i) === EOCD_SIG && i + EOCD_SIZE + tail.readUInt16LE(i + 20) <= tail.length) {
      at = i;
      break;
    }
  }
  if (at < 0) throw corrupt('the zip end record is missing (the file is probably incomplete)');
  let count = tail.readUInt16LE(at + 10);
  let size = tail.readUInt32LE(at + 12);
  let offset = tail.readUInt32LE(at + 16);
  const eocdPosition = tailStart + at;
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    if (eocdPosition < 20) throw corrupt('the zip64 locator is missing');
    const locator = await readAt(file, eocdPosition - 20, 20);
    if (locator.readUInt32LE(0) !== ZIP64_LOCATOR_SIG) throw corrupt('the zip64 locator is missing');
    const recordAt = Number(locator.readBigUInt64LE(8));
    if (recordAt + 56 > eocdPosition) throw corrupt('the zip64 end record points outside the file');
    const record = await readAt(file, recordAt, 56);
    if (record.readUInt32LE(0) !== ZIP64_EOCD_SIG) throw corrupt('the zip64 end record is damaged');
    count = Number(record.readBigUInt64LE(32));
    size = Number(record.readBigUInt64LE(40));
    offset = Number(record.readBigUInt64LE(48));
  }
  if (offset + size > eocdPosition) throw corrupt('the zip central directory points outside the file');
  if (size > MAX_DIRECTORY_BYTES) throw corrupt('the zip central directory is implausibly large');
  return { count, offset, size };
}

/** Sizes and offset may live in the zip64 extra field (id 0x0001) when the 32-bit ones are full. */
function applyZip64Extra(
  extra: Buffer,
  values: { uncompressed: number; compressed: number; offset: number },
): void {
  for (let i = 0; i + 4 <= extra.length;) {
    const id = extra.readUInt16LE(i);
    const length = extra.readUInt16LE(i + 2);
    const end = i + 4 + length;
    if (end > extra.length) break;
    if (id === 0x0001) {
      let at = i + 4;
      const next = (): number => {
        if (at + 8 > end) throw corrupt('a zip64 extra field is too short');
        const value = Number(extra.readBigUInt64LE(at));
        at += 8;
        return value;
      };
      if (values.uncompressed === 0xffffffff) values.uncompressed = next();
      if (values.compressed === 0xffffffff) values.compressed = next();
      if (values.offset === 0xffffffff) values.offset = next();
      return;
    }
    i = end;
  }
}

/** Lists the entries of the zip's central directory. */
export async function readZipDirectory(file: RandomAccessFile, fileSize: number): Promise<ZipEntryInfo[]> {
  const location = await locateDirectory(file, fileSize);
  const directory = await readAt(file, location.offset, location.size);
  const entries: ZipEntryInfo[] = [];
  let at = 0;
  for (let n = 0; n < location.count; n += 1) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIG) {
      throw corrupt('the zip central directory is damaged');
    }
    const flags = directory.readUInt16LE(at + 8);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > directory.length) throw corrupt('the zip central directory is damaged');
    const nameBytes = directory.subarray(at + 46, at + 46 + nameLength);
    const values = {
      compressed: directory.readUInt32LE(at + 20),
      uncompressed: directory.readUInt32LE(at + 24),
      offset: directory.readUInt32LE(at + 42),
    };
    applyZip64Extra(directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), values);
    entries.push({
      // Bit 11 = UTF-8 names; otherwise CP437, whose ASCII range is all an APK's paths use.
      name: nameBytes.toString((flags & 0x800) !== 0 ? 'utf8' : 'latin1'),
      flags,
      method: directory.readUInt16LE(at + 10),
      compressedSize: values.compressed,
      uncompressedSize: values.uncompressed,
      localHeaderOffset: values.offset,
    });
    at = end;
  }
  return entries;
}

/** Reads and inflates one entry; refuses entries larger than `maxBytes` (zip bombs included). */
export async function readZipEntry(
  file: RandomAccessFile,
  fileSize: number,
  entry: ZipEntryInfo,
  maxBytes: number,
): Promise<Buffer> {
  if ((entry.flags & 0x1) !== 0) throw corrupt(`${entry.name} is encrypted`);
  if (entry.compressedSize > maxBytes || entry.uncompressedSize > maxBytes) {
    throw corrupt(`${entry.name} is implausibly large`);
  }
  if (entry.localHeaderOffset + 30 > fileSize) throw corrupt(`${entry.name} points outside the file`);
  const local = await readAt(file, entry.localHeaderOffset, 30);
  if (local.readUInt32LE(0) !== LOCAL_SIG) throw corrupt(`the zip header of ${entry.name} is damaged`);
  const dataAt = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (dataAt + entry.compressedSize > fileSize) throw corrupt(`${entry.name} is cut short`);
  const data = await readAt(file, dataAt, entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw corrupt(`${entry.name} uses unsupported compression method ${entry.method}`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) });
  } catch {
    throw corrupt(`${entry.name} cannot be decompressed`);
  }
}
