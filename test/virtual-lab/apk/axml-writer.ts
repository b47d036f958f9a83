/**
 * Writes Android binary XML (AXML), the format aapt2 gives AndroidManifest.xml inside an APK:
 * an XML chunk holding a string pool, a resource map (attribute name -> android attr id) and
 * namespace / element chunks. Little-endian throughout (frameworks/base ResourceTypes.h).
 */

export const ANDROID_NS = 'http://schemas.android.com/apk/res/android';

/** Typed attribute values (Res_value data types we need). */
export type AxmlValue =
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'int'; readonly value: number }
  | { readonly type: 'hex'; readonly value: number }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'reference'; readonly value: number };

export interface AxmlAttribute {
  /** true: android: namespace; false: no namespace (e.g. `package`). */
  readonly android: boolean;
  readonly name: string;
  /** android attr resource id (goes into the resource map); omit for plain attributes. */
  readonly resourceId?: number;
  readonly value: AxmlValue;
}

export interface AxmlElement {
  readonly name: string;
  readonly attributes: readonly AxmlAttribute[];
  readonly children: readonly AxmlElement[];
}

export interface AxmlOptions {
  /** aapt2 writes manifests as UTF-16; UTF-8 pools appear in other tools' output. */
  readonly encoding?: 'utf16' | 'utf8';
}

const RES_STRING_POOL = 0x0001;
const RES_XML = 0x0003;
const RES_XML_START_NAMESPACE = 0x0100;
const RES_XML_END_NAMESPACE = 0x0101;
const RES_XML_START_ELEMENT = 0x0102;
const RES_XML_END_ELEMENT = 0x0103;
const RES_XML_RESOURCE_MAP = 0x0180;
const UTF8_FLAG = 1 << 8;
const NO_INDEX = 0xffffffff;

const TYPE_REFERENCE = 0x01;
const TYPE_STRING = 0x03;
const TYPE_INT_DEC = 0x10;
const TYPE_INT_HEX = 0x11;
const TYPE_INT_BOOLEAN = 0x12;

/** Encodes an element tree (root = <manifest>) as AXML with the android namespace declared. */
export function encodeAxml(root: AxmlElement, options: AxmlOptions = {}): Buffer {
  const pool = buildPool(root);
  const chunks: Buffer[] = [
    stringPoolChunk(pool.strings, options.encoding ?? 'utf16'),
    resourceMapChunk(pool.resourceIds),
  ];
  let line = 1;
  const prefix = pool.index('android');
  const uri = pool.index(ANDROID_NS);
  chunks.push(namespaceChunk(RES_XML_START_NAMESPACE, line, prefix, uri));
  const writeElement = (element: AxmlElement): void => {
    line += 1;
    chunks.push(startElementChunk(element, line, pool.index, uri));
    for (const child of element.children) writeElement(child);
    chunks.push(endElementChunk(line, pool.index(element.name)));
  };
  writeElement(root);
  chunks.push(namespaceChunk(RES_XML_END_NAMESPACE, line, prefix, uri));
  const body = Buffer.concat(chunks);
  return Buffer.concat([chunkHeader(RES_XML, 8, 8 + body.length), body]);
}

interface Pool {
  readonly strings: readonly string[];
  readonly resourceIds: readonly number[];
  readonly index: (s: string) => number;
}

/** Attribute names with resource ids come first, in resource-map order, as aapt2 lays them out. */
function buildPool(root: AxmlElement): Pool {
  const withId = new Map<string, number>();
  const others: string[] = ['android', ANDROID_NS];
  const visit = (element: AxmlElement): void => {
    others.push(element.name);
    for (const attr of element.attributes) {
      if (attr.resourceId !== undefined) withId.set(attr.name, attr.resourceId);
      else others.push(attr.name);
      if (attr.value.type === 'string') others.push(attr.value.value);
    }
    element.children.forEach(visit);
  };
  visit(root);
  const idEntries = [...withId.entries()].sort((a, b) => a[1] - b[1]);
  const strings: string[] = idEntries.map(([name]) => name);
  for (const s of others) if (!strings.includes(s)) strings.push(s);
  const positions = new Map(strings.map((s, i) => [s, i]));
  return {
    strings,
    resourceIds: idEntries.map(([, id]) => id),
    index: (s) => {
      const i = positions.get(s);
      if (i === undefined) throw new Error(`string not pooled: ${s}`);
      return i;
    },
  };
}

function chunkHeader(type: number, headerSize: number, size: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeUInt16LE(type, 0);
  b.writeUInt16LE(headerSize, 2);
  b.writeUInt32LE(size, 4);
  return b;
}

function encodeString(s: string, encoding: 'utf16' | 'utf8'): Buffer {
  if (encoding === 'utf16') {
    const units = s.length;
    const len = Buffer.alloc(units > 0x7fff ? 4 : 2);
    if (units > 0x7fff) {
      len.writeUInt16LE(0x8000 | (units >>> 16), 0);
      len.writeUInt16LE(units & 0xffff, 2);
    } else len.writeUInt16LE(units, 0);
    return Buffer.concat([len, Buffer.from(s, 'utf16le'), Buffer.alloc(2)]);
  }
  const bytes = Buffer.from(s, 'utf8');
  return Buffer.concat([length8(s.length), length8(bytes.length), bytes, Buffer.alloc(1)]);
}

function length8(n: number): Buffer {
  if (n > 0x7fff) throw new Error('UTF-8 pool string too long');
  return n > 0x7f ? Buffer.from([0x80 | (n >>> 8), n & 0xff]) : Buffer.from([n]);
}

function pad4(b: Buffer): Buffer {
  const extra = (4 - (b.length % 4)) % 4;
  return extra === 0 ? b : Buffer.concat([b, Buffer.alloc(extra)]);
}

function stringPoolChunk(strings: readonly string[], encoding: 'utf16' | 'utf8'): Buffer {
  const encoded = strings.map((s) => encodeString(s, encoding));
  const offsets = Buffer.alloc(4 * strings.length);
  let at = 0;
  encoded.forEach((e, i) => {
    offsets.writeUInt32LE(at, 4 * i);
    at += e.length;
  });
  const data = pad4(Buffer.concat(encoded));
  const headerSize = 28;
  const head = Buffer.alloc(20);
  head.writeUInt32LE(strings.length, 0);
  head.writeUInt32LE(0, 4); // styleCount
  head.writeUInt32LE(encoding === 'utf8' ? UTF8_FLAG : 0, 8);
  head.writeUInt32LE(headerSize + offsets.length, 12); // stringsStart
  head.writeUInt32LE(0, 16); // stylesStart
  const size = headerSize + offsets.length + data.length;
  return Buffer.concat([chunkHeader(RES_STRING_POOL, headerSize, size), head, offsets, data]);
}

function resourceMapChunk(ids: readonly number[]): Buffer {
  const body = Buffer.alloc(4 * ids.length);
  ids.forEach((id, i) => body.writeUInt32LE(id, 4 * i));
  return Buffer.concat([chunkHeader(RES_XML_RESOURCE_MAP, 8, 8 + body.length), body]);
}

/** ResXMLTree_node: chunk header + lineNumber + comment (none). */
function nodeHeader(type: number, size: number, line: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeUInt32LE(line, 0);
  b.writeUInt32LE(NO_INDEX, 4);
  return Buffer.concat([chunkHeader(type, 16, size), b]);
}

function namespaceChunk(type: number, line: number, prefix: number, uri: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeUInt32LE(prefix, 0);
  b.writeUInt32LE(uri, 4);
  return Buffer.concat([nodeHeader(type, 24, line), b]);
}

function endElementChunk(line: number, name: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeUInt32LE(NO_INDEX, 0);
  b.writeUInt32LE(name, 4);
  return Buffer.concat([nodeHeader(RES_XML_END_ELEMENT, 24, line), b]);
}

function startElementChunk(
  element: AxmlElement,
  line: number,
  index: (s: string) => number,
  nsUri: number,
): Buffer {
  // The framework binary-searches attributes by resource id, so they must be sorted by it.
  const attrs = [...element.attributes].sort(
    (a, b) => (a.resourceId ?? 0xffffffff) - (b.resourceId ?? 0xffffffff),
  );
  const ext = Buffer.alloc(20);
  ext.writeUInt32LE(NO_INDEX, 0); // element namespace
  ext.writeUInt32LE(index(element.name), 4);
  ext.writeUInt16LE(20, 8); // attributeStart
  ext.writeUInt16LE(20, 10); // attributeSize
  ext.writeUInt16LE(attrs.length, 12);
  // idIndex, classIndex, styleIndex stay 0
  const body = Buffer.alloc(20 * attrs.length);
  attrs.forEach((attr, i) => {
    const at = 20 * i;
    const [dataType, data] = typedValue(attr.value, index);
    body.writeUInt32LE(attr.android ? nsUri : NO_INDEX, at);
    body.writeUInt32LE(index(attr.name), at + 4);
    body.writeUInt32LE(attr.value.type === 'string' ? index(attr.value.value) : NO_INDEX, at + 8);
    body.writeUInt16LE(8, at + 12); // Res_value.size
    body.writeUInt8(0, at + 14);
    body.writeUInt8(dataType, at + 15);
    body.writeUInt32LE(data >>> 0, at + 16);
  });
  return Buffer.concat([nodeHeader(RES_XML_START_ELEMENT, 16 + 20 + body.length, line), ext, body]);
}

function typedValue(value: AxmlValue, index: (s: string) => number): [number, number] {
  switch (value.type) {
    case 'string':
      return [TYPE_STRING, index(value.value)];
    case 'int':
      return [TYPE_INT_DEC, value.value];
    case 'hex':
      return [TYPE_INT_HEX, value.value];
    case 'bool':
      return [TYPE_INT_BOOLEAN, value.value ? 0xffffffff : 0];
    case 'reference':
      return [TYPE_REFERENCE, value.value];
  }
}
