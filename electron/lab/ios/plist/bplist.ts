/**
 * A bounded reader for Apple binary property lists ("bplist00", CFBinaryPList.c): the format of
 * simulator files such as DeliveredNotifications.plist, VersionedSectionInfo.plist and compiled
 * Info.plist. Input is hostile: the trailer and every offset are checked against the file, counts
 * must fit the bytes that remain, containers that reference their own ancestors are refused, and
 * depth and work are capped, so a bad file ends in a PlistFormatError, never a hang or a crash.
 */
import { PlistFormatError } from './plist-error';
import { PlistUid, dateFromAppleSeconds, newDict, type PlistValue } from './plist-value';

export interface BplistLimits {
  /** Largest file accepted. */
  readonly maxBytes: number;
  /** Largest object table accepted (the trailer's numObjects). */
  readonly maxObjects: number;
  /** Deepest container nesting accepted. */
  readonly maxDepth: number;
  /** Most objects decoded in one call (each object is decoded once; shared ones are reused). */
  readonly maxValues: number;
}

export const DEFAULT_BPLIST_LIMITS: BplistLimits = {
  maxBytes: 32 * 1024 * 1024,
  maxObjects: 2_000_000,
  maxDepth: 64,
  maxValues: 2_000_000,
};

const MAGIC = 'bplist00';
const TRAILER = 32;

export function isBinaryPlist(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && Buffer.from(bytes.buffer, bytes.byteOffset, 8).toString('latin1') === MAGIC;
}

interface Layout {
  readonly buf: Buffer;
  readonly offsetSize: number;
  readonly refSize: number;
  readonly count: number;
  readonly top: number;
  readonly tableAt: number;
}

const truncated = (what: string): PlistFormatError =>
  new PlistFormatError('truncated', `The binary plist is cut short or damaged: ${what}.`);
const malformed = (what: string): PlistFormatError =>
  new PlistFormatError('malformed', `The binary plist is malformed: ${what}.`);

function bigToNumber(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw malformed(`${what} is impossibly large`);
  return Number(value);
}

function readLayout(bytes: Uint8Array, limits: BplistLimits): Layout {
  if (bytes.length > limits.maxBytes)
    throw new PlistFormatError(
      'too-large',
      `The plist is ${bytes.length} bytes, over the ${limits.maxBytes}-byte limit.`,
    );
  if (!isBinaryPlist(bytes)) {
    const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(8, bytes.length)).toString('latin1');
    if (head.startsWith('bplist'))
      throw new PlistFormatError(
        'unsupported',
        `Binary plist version "${head}" is not supported (only bplist00).`,
      );
    throw new PlistFormatError('not-a-plist', 'The data is not a binary plist (no "bplist00" header).');
  }
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  // Header, at least one object byte, one offset entry and the trailer.
  if (buf.length < 8 + 1 + 1 + TRAILER) throw truncated(`only ${buf.length} bytes`);
  const t = buf.length - TRAILER;
  const offsetSize = buf[t + 6] ?? 0;
  const refSize = buf[t + 7] ?? 0;
  if (![1, 2, 4, 8].includes(offsetSize) || ![1, 2, 4, 8].includes(refSize))
    throw truncated('the trailer has impossible integer sizes');
  const count = buf.readBigUInt64BE(t + 8);
  const top = buf.readBigUInt64BE(t + 16);
  const tableAt = buf.readBigUInt64BE(t + 24);
  if (count === 0n) throw truncated('the trailer lists no objects');
  if (count > BigInt(limits.maxObjects))
    throw new PlistFormatError(
      'too-large',
      `The plist declares ${count} objects, over the ${limits.maxObjects} limit.`,
    );
  if (top >= count) throw truncated('the top object is outside the object table');
  if (tableAt < 9n || tableAt + count * BigInt(offsetSize) > BigInt(t))
    throw truncated('the offset table lies outside the file');
  return { buf, offsetSize, refSize, count: Number(count), top: Number(top), tableAt: Number(tableAt) };
}

function readUInt(buf: Buffer, at: number, size: number, what: string): number {
  if (size <= 6) return buf.readUIntBE(at, size);
  return bigToNumber(buf.readBigUInt64BE(at), what);
}

/** Decodes a whole binary plist; throws PlistFormatError on anything it cannot trust. */
export function parseBinaryPlist(bytes: Uint8Array, overrides: Partial<BplistLimits> = {}): PlistValue {
  const limits = { ...DEFAULT_BPLIST_LIMITS, ...overrides };
  const L = readLayout(bytes, limits);
  const { buf } = L;
  const decoded = new Map<number, PlistValue>();
  const open = new Set<number>();
  let work = 0;

  const offsetOf = (ref: number): number => {
    const at = L.tableAt + ref * L.offsetSize;
    const offset = readUInt(buf, at, L.offsetSize, 'an object offset');
    if (offset < 8 || offset >= L.tableAt) throw malformed(`object ${ref} starts outside the object area`);
    return offset;
  };
  /** Throws unless [at, at+size) lies inside the object area. */
  const need = (at: number, size: number, what: string): void => {
    if (size < 0 || at + size > L.tableAt) throw truncated(`${what} runs past the end of the object area`);
  };
  const readRef = (at: number): number => {
    const ref = readUInt(buf, at, L.refSize, 'an object reference');
    if (ref >= L.count) throw malformed(`reference ${ref} points outside the object table`);
    return ref;
  };
  /** The length of a string/data/container: the marker's low nibble, or an int object after it. */
  const lengthAt = (at: number, low: number): { length: number; start: number } => {
    if (low !== 0xf) return { length: low, start: at + 1 };
    need(at + 1, 1, 'a length');
    const marker = buf[at + 1] ?? 0;
    if (marker >> 4 !== 0x1) throw malformed('a length is not an integer');
    const size = 1 << (marker & 0xf);
    if (size > 8) throw malformed('a length is wider than 64 bits');
    need(at + 2, size, 'a length');
    return { length: readUInt(buf, at + 2, size, 'a length'), start: at + 2 + size };
  };

  const decode = (ref: number, depth: number): PlistValue => {
    const known = decoded.get(ref);
    if (known !== undefined) return known;
    if (open.has(ref))
      throw new PlistFormatError('cyclic', `The binary plist is cyclic: object ${ref} contains itself.`);
    if (depth > limits.maxDepth)
      throw new PlistFormatError('too-large', `The plist nests deeper than ${limits.maxDepth} levels.`);
    if (++work > limits.maxValues)
      throw new PlistFormatError('too-large', `The plist has more than ${limits.maxValues} values.`);
    const at = offsetOf(ref);
    const marker = buf[at] ?? 0;
    const high = marker >> 4;
    const low = marker & 0xf;
    open.add(ref);
    let value: PlistValue;
    switch (high) {
      case 0x0:
        if (marker === 0x00 || marker === 0x0f) value = null;
        else if (marker === 0x08) value = false;
        else if (marker === 0x09) value = true;
        else throw malformed(`unknown marker 0x${marker.toString(16)}`);
        break;
      case 0x1:
        value = readInt(at, low);
        break;
      case 0x2: {
        const size = 1 << low;
        if (size !== 4 && size !== 8) throw malformed(`a real of ${size} bytes`);
        need(at + 1, size, 'a real');
        value = size === 4 ? buf.readFloatBE(at + 1) : buf.readDoubleBE(at + 1);
        break;
      }
      case 0x3: {
        if (marker !== 0x33) throw malformed(`unknown date marker 0x${marker.toString(16)}`);
        need(at + 1, 8, 'a date');
        const seconds = buf.readDoubleBE(at + 1);
        if (!Number.isFinite(seconds) || Math.abs(seconds) > 1e13)
          throw malformed('a date is not a finite time');
        value = dateFromAppleSeconds(seconds);
        break;
      }
      case 0x4: {
        const { length, start } = lengthAt(at, low);
        need(start, length, 'a data object');
        value = new Uint8Array(buf.subarray(start, start + length));
        break;
      }
      case 0x5: {
        const { length, start } = lengthAt(at, low);
        need(start, length, 'an ASCII string');
        value = buf.toString('latin1', start, start + length);
        break;
      }
      case 0x6: {
        const { length, start } = lengthAt(at, low);
        need(start, length * 2, 'a UTF-16 string');
        value = Buffer.from(buf.subarray(start, start + length * 2))
          .swap16()
          .toString('utf16le');
        break;
      }
      case 0x7: {
        const { length, start } = lengthAt(at, low);
        need(start, length, 'a UTF-8 string');
        value = buf.toString('utf8', start, start + length);
        break;
      }
      case 0x8: {
        need(at + 1, low + 1, 'a UID');
        if (low + 1 > 8) throw malformed('a UID is wider than 64 bits');
        value = new PlistUid(readUInt(buf, at + 1, low + 1, 'a UID'));
        break;
      }
      case 0xa:
      case 0xb:
      case 0xc: {
        const { length, start } = lengthAt(at, low);
        need(start, length * L.refSize, 'an array');
        const items: PlistValue[] = [];
        for (let i = 0; i < length; i++) items.push(decode(readRef(start + i * L.refSize), depth + 1));
        value = items;
        break;
      }
      case 0xd: {
        const { length, start } = lengthAt(at, low);
        need(start, length * 2 * L.refSize, 'a dictionary');
        const dict = newDict();
        for (let i = 0; i < length; i++) {
          const key = decode(readRef(start + i * L.refSize), depth + 1);
          if (typeof key !== 'string') throw malformed('a dictionary key is not a string');
          dict[key] = decode(readRef(start + (length + i) * L.refSize), depth + 1);
        }
        value = dict;
        break;
      }
      default:
        throw malformed(`unknown marker 0x${marker.toString(16)}`);
    }
    open.delete(ref);
    decoded.set(ref, value);
    return value;
  };

  const readInt = (at: number, low: number): number | bigint => {
    const size = 1 << low;
    if (size > 16) throw malformed(`an integer of ${size} bytes`);
    need(at + 1, size, 'an integer');
    if (size <= 4) return buf.readUIntBE(at + 1, size);
    // 8 bytes are signed; 16 bytes hold an unsigned 64-bit value in the low half.
    const big = size === 8 ? buf.readBigInt64BE(at + 1) : buf.readBigUInt64BE(at + 9);
    return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(big)
      : big;
  };

  return decode(L.top, 0);
}
