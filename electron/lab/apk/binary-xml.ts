/**
 * A defensive reader for Android binary XML (AXML, frameworks/base ResourceTypes.h): walks the
 * chunks of a compiled AndroidManifest.xml and reports elements with their typed attributes.
 * Input is hostile: every offset is checked, strings are decoded lazily, and every loop step
 * consumes bytes, so malformed input ends in an ApkFormatError, never a hang.
 */
import { ApkFormatError } from './apk-format-error';

export const RES_TYPE = {
  NULL: 0x00,
  REFERENCE: 0x01,
  STRING: 0x03,
  FIRST_INT: 0x10,
  INT_BOOLEAN: 0x12,
  LAST_INT: 0x1f,
} as const;

export interface AxmlAttribute {
  /** Namespace URI, or null for plain attributes such as `package`. */
  readonly ns: string | null;
  readonly name: string;
  /** The android attr id from the resource map, or null when the name has none. */
  readonly resourceId: number | null;
  /** The raw string value (set for strings), or null. */
  readonly raw: string | null;
  readonly dataType: number;
  readonly data: number;
  /** Resolves a string-pool index (for TYPE_STRING data). */
  readonly string: (index: number) => string;
}

export interface AxmlStartElement {
  /** 1 for the root element. */
  readonly depth: number;
  readonly name: string;
  readonly attributes: readonly AxmlAttribute[];
}

const RES_XML = 0x0003;
const RES_STRING_POOL = 0x0001;
const RES_XML_START_ELEMENT = 0x0102;
const RES_XML_END_ELEMENT = 0x0103;
const RES_XML_RESOURCE_MAP = 0x0180;
const NO_INDEX = 0xffffffff;

const bad = (what: string): ApkFormatError => new ApkFormatError('bad-manifest', what);

interface StringPool {
  readonly count: number;
  get(index: number): string;
}

function readStringPool(buf: Buffer, start: number, headerSize: number, size: number): StringPool {
  const end = start + size;
  if (headerSize < 28) throw bad('the string pool header is too short');
  const count = buf.readUInt32LE(start + 8);
  const flags = buf.readUInt32LE(start + 16);
  const stringsStart = start + buf.readUInt32LE(start + 20);
  if (count > (size - headerSize) / 4) throw bad('the string pool count does not fit its chunk');
  if (count > 0 && (stringsStart < start + headerSize + 4 * count || stringsStart > end)) {
    throw bad('the string pool data offset is out of range');
  }
  const utf8 = (flags & 0x100) !== 0;
  const cache = new Map<number, string>();
  const need = (at: number, n: number): void => {
    if (at + n > end) throw bad('a string runs past the string pool');
  };
  const decode = (index: number): string => {
    let at = stringsStart + buf.readUInt32LE(start + headerSize + 4 * index);
    if (utf8) {
      const skipLength = (): number => {
        need(at, 1);
        const first = buf.readUInt8(at);
        if ((first & 0x80) === 0) return ((at += 1), first);
        need(at, 2);
        const value = ((first & 0x7f) << 8) | buf.readUInt8(at + 1);
        at += 2;
        return value;
      };
      skipLength(); // length in UTF-16 units
      const bytes = skipLength();
      need(at, bytes);
      return buf.toString('utf8', at, at + bytes);
    }
    need(at, 2);
    let units = buf.readUInt16LE(at);
    at += 2;
    if ((units & 0x8000) !== 0) {
      need(at, 2);
      units = ((units & 0x7fff) << 16) | buf.readUInt16LE(at);
      at += 2;
    }
    need(at, units * 2);
    return buf.toString('utf16le', at, at + units * 2);
  };
  return {
    count,
    get(index) {
      if (index >= count) throw bad(`string index ${index} is out of range`);
      let value = cache.get(index);
      if (value === undefined) {
        value = decode(index);
        cache.set(index, value);
      }
      return value;
    },
  };
}

/** Calls `onStart` for every element, in document order; throws ApkFormatError on bad input. */
export function walkAxml(buf: Buffer, onStart: (element: AxmlStartElement) => void): void {
  if (buf.length < 8 || buf.readUInt16LE(0) !== RES_XML) throw bad('it is not compiled binary XML');
  const headerSize = buf.readUInt16LE(2);
  // Some packers write a wrong total size; the data we were given is the real bound.
  const end = Math.min(buf.length, Math.max(buf.readUInt32LE(4), 8));
  if (headerSize < 8 || headerSize > end) throw bad('the XML header is damaged');
  let pool: StringPool | null = null;
  let resourceIds: number[] = [];
  let depth = 0;
  let sawElement = false;
  for (let at = headerSize; at < end;) {
    if (at + 8 > end) throw bad('a chunk header is cut short');
    const type = buf.readUInt16LE(at);
    const chunkHeader = buf.readUInt16LE(at + 2);
    const size = buf.readUInt32LE(at + 4);
    if (size < 8 || chunkHeader < 8 || chunkHeader > size || at + size > end) {
      throw bad('a chunk is damaged or cut short');
    }
    if (type === RES_STRING_POOL && pool === null) pool = readStringPool(buf, at, chunkHeader, size);
    else if (type === RES_XML_RESOURCE_MAP) {
      resourceIds = [];
      for (let i = at + chunkHeader; i + 4 <= at + size; i += 4) resourceIds.push(buf.readUInt32LE(i));
    } else if (type === RES_XML_START_ELEMENT) {
      if (pool === null) throw bad('an element comes before the string pool');
      depth += 1;
      sawElement = true;
      onStart(readStartElement(buf, at, chunkHeader, size, depth, pool, resourceIds));
    } else if (type === RES_XML_END_ELEMENT) {
      depth -= 1;
    }
    at += size;
  }
  if (!sawElement) throw bad('it contains no elements');
}

function readStartElement(
  buf: Buffer,
  start: number,
  headerSize: number,
  size: number,
  depth: number,
  pool: StringPool,
  resourceIds: readonly number[],
): AxmlStartElement {
  const ext = start + headerSize;
  const end = start + size;
  if (ext + 20 > end) throw bad('an element chunk is cut short');
  const name = pool.get(buf.readUInt32LE(ext + 4));
  const attributeStart = buf.readUInt16LE(ext + 8);
  const attributeSize = buf.readUInt16LE(ext + 10);
  const count = buf.readUInt16LE(ext + 12);
  if (count > 0 && attributeSize < 20) throw bad('attribute records are too short');
  if (ext + attributeStart + count * attributeSize > end) throw bad('attributes run past their element');
  const optional = (index: number): string | null => (index === NO_INDEX ? null : pool.get(index));
  const string = (index: number): string => pool.get(index);
  const attributes: AxmlAttribute[] = [];
  for (let i = 0; i < count; i += 1) {
    const at = ext + attributeStart + i * attributeSize;
    const nameIndex = buf.readUInt32LE(at + 4);
    const id = nameIndex < resourceIds.length ? resourceIds[nameIndex] : undefined;
    attributes.push({
      ns: optional(buf.readUInt32LE(at)),
      name: pool.get(nameIndex),
      resourceId: id === undefined || id === 0 ? null : id,
      raw: optional(buf.readUInt32LE(at + 8)),
      dataType: buf.readUInt8(at + 15),
      data: buf.readUInt32LE(at + 16),
      string,
    });
  }
  return { depth, name, attributes };
}
