/**
 * A small reader for XML property lists (the DTD's dict, array, key, string, integer, real, true,
 * false, date, data): what Xcode writes for source Info.plist files and what `plutil -convert
 * xml1` prints. Not a general XML parser: comments, the declaration and DOCTYPE are skipped,
 * entities are decoded, and depth and size are bounded so odd input ends in PlistFormatError.
 */
import { PlistFormatError } from './plist-error';
import { newDict, type PlistValue } from './plist-value';

const MAX_XML_BYTES = 32 * 1024 * 1024;
const MAX_DEPTH = 64;

const malformed = (what: string): PlistFormatError =>
  new PlistFormatError('malformed', `The XML plist is malformed: ${what}.`);

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9A-Fa-f]{1,6}|#[0-9]{1,7}|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

interface Tag {
  readonly name: string;
  readonly closing: boolean;
  readonly selfClosing: boolean;
  /** Index just past the tag. */
  readonly end: number;
}

class Cursor {
  public pos = 0;
  public constructor(public readonly text: string) {}

  /** Skips text, comments, processing instructions and DOCTYPE up to the next element tag. */
  public nextTag(): Tag | null {
    for (;;) {
      const lt = this.text.indexOf('<', this.pos);
      if (lt < 0) return null;
      if (this.text.startsWith('<!--', lt)) {
        const end = this.text.indexOf('-->', lt + 4);
        if (end < 0) throw malformed('a comment is not closed');
        this.pos = end + 3;
        continue;
      }
      if (this.text.startsWith('<?', lt) || this.text.startsWith('<!', lt)) {
        const end = this.text.indexOf('>', lt);
        if (end < 0) throw malformed('a declaration is not closed');
        this.pos = end + 1;
        continue;
      }
      const end = this.text.indexOf('>', lt);
      if (end < 0) throw malformed('a tag is not closed');
      const inner = this.text.slice(lt + 1, end).trim();
      const closing = inner.startsWith('/');
      const selfClosing = inner.endsWith('/');
      const name = inner.replace(/^\//, '').replace(/\/$/, '').split(/\s/)[0] ?? '';
      if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw malformed(`bad tag <${inner.slice(0, 40)}>`);
      this.pos = end + 1;
      return { name, closing, selfClosing, end: end + 1 };
    }
  }

  /** The raw text up to `</name>`, with the cursor moved past it. */
  public textUntilClose(name: string): string {
    const close = `</${name}>`;
    const end = this.text.indexOf(close, this.pos);
    if (end < 0) throw malformed(`<${name}> is not closed`);
    let raw = this.text.slice(this.pos, end);
    if (raw.includes('<')) {
      // CDATA is the only markup allowed inside a scalar.
      raw = raw.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, body: string) =>
        body.replace(/&/g, '&amp;').replace(/</g, '&lt;'),
      );
      if (raw.includes('<')) throw malformed(`<${name}> holds markup`);
    }
    this.pos = end + close.length;
    return raw;
  }
}

function scalar(name: string, raw: string): PlistValue {
  const text = decodeEntities(raw);
  switch (name) {
    case 'string':
    case 'key':
      return text;
    case 'integer': {
      const t = text.trim();
      if (!/^[+-]?(0x[0-9A-Fa-f]+|\d+)$/.test(t)) throw malformed(`"${t.slice(0, 40)}" is not an integer`);
      const negative = t.startsWith('-');
      const big = BigInt(t.replace(/^[+-]/, '')) * (negative ? -1n : 1n);
      return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER)
        ? Number(big)
        : big;
    }
    case 'real': {
      const n = Number(text.trim());
      if (text.trim() === '' || Number.isNaN(n))
        throw malformed(`"${text.trim().slice(0, 40)}" is not a number`);
      return n;
    }
    case 'date': {
      const d = new Date(text.trim());
      if (Number.isNaN(d.getTime())) throw malformed(`"${text.trim().slice(0, 40)}" is not a date`);
      return d;
    }
    case 'data': {
      const b64 = text.replace(/\s+/g, '');
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) throw malformed('<data> is not base64');
      return new Uint8Array(Buffer.from(b64, 'base64'));
    }
    default:
      throw malformed(`unknown element <${name}>`);
  }
}

function readValue(cur: Cursor, tag: Tag, depth: number): PlistValue {
  if (depth > MAX_DEPTH)
    throw new PlistFormatError('too-large', `The plist nests deeper than ${MAX_DEPTH} levels.`);
  if (tag.closing) throw malformed(`unexpected </${tag.name}>`);
  switch (tag.name) {
    case 'true':
    case 'false':
      if (!tag.selfClosing) {
        const close = cur.nextTag();
        if (!close || !close.closing || close.name !== tag.name)
          throw malformed(`<${tag.name}> is not closed`);
      }
      return tag.name === 'true';
    case 'array': {
      const items: PlistValue[] = [];
      if (tag.selfClosing) return items;
      for (;;) {
        const next = cur.nextTag();
        if (!next) throw malformed('<array> is not closed');
        if (next.closing && next.name === 'array') return items;
        items.push(readValue(cur, next, depth + 1));
      }
    }
    case 'dict': {
      const dict = newDict();
      if (tag.selfClosing) return dict;
      for (;;) {
        const next = cur.nextTag();
        if (!next) throw malformed('<dict> is not closed');
        if (next.closing && next.name === 'dict') return dict;
        if (next.name !== 'key' || next.closing)
          throw malformed(`<dict> holds <${next.name}> where a <key> belongs`);
        const key = next.selfClosing ? '' : decodeEntities(cur.textUntilClose('key'));
        const valueTag = cur.nextTag();
        if (!valueTag || valueTag.closing) throw malformed(`key "${key.slice(0, 40)}" has no value`);
        dict[key] = readValue(cur, valueTag, depth + 1);
      }
    }
    default:
      return tag.selfClosing ? scalar(tag.name, '') : scalar(tag.name, cur.textUntilClose(tag.name));
  }
}

export function isXmlPlist(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 512))
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return head.startsWith('<?xml') || head.startsWith('<!DOCTYPE plist') || head.startsWith('<plist');
}

/** Decodes an XML plist document (the value inside <plist>). */
export function parseXmlPlist(input: string | Uint8Array): PlistValue {
  const size = typeof input === 'string' ? input.length : input.length;
  if (size > MAX_XML_BYTES)
    throw new PlistFormatError(
      'too-large',
      `The plist is ${size} bytes, over the ${MAX_XML_BYTES}-byte limit.`,
    );
  const text = (
    typeof input === 'string'
      ? input
      : Buffer.from(input.buffer, input.byteOffset, input.length).toString('utf8')
  ).replace(/^\uFEFF/, '');
  const cur = new Cursor(text);
  const root = cur.nextTag();
  if (!root || root.name !== 'plist' || root.closing)
    throw new PlistFormatError('not-a-plist', 'The text is not an XML plist (no <plist> element).');
  const first = cur.nextTag();
  if (!first) throw new PlistFormatError('truncated', 'The XML plist ends before its value.');
  if (first.closing && first.name === 'plist') return null;
  const value = readValue(cur, first, 1);
  const close = cur.nextTag();
  if (!close || !close.closing || close.name !== 'plist')
    throw malformed('</plist> is missing or more than one value follows');
  return value;
}
