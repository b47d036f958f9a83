/**
 * A tiny strict XML reader for the JUnit tests: throws on anything not well-formed (unbalanced
 * tags, raw < or & in text or attributes, "]]>" in text, duplicate attributes, characters XML
 * 1.0 forbids) and returns the element tree with entities decoded.
 */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

const INVALID = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: string): string {
  if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(raw))
    throw new Error(`bare & in ${where}: ${raw.slice(0, 60)}`);
  return raw.replace(
    ENTITY,
    (_, name: string | undefined, dec: string | undefined, hex: string | undefined) =>
      name !== undefined
        ? (NAMED[name] as string)
        : String.fromCodePoint(dec !== undefined ? Number(dec) : parseInt(hex as string, 16)),
  );
}

/** Parses a document; throws with the reason when it is not well-formed. */
export function parseXml(doc: string): XmlElement {
  if (INVALID.test(doc)) throw new Error('document contains a character XML 1.0 forbids');
  let i = 0;
  if (doc.startsWith('<?xml')) i = doc.indexOf('?>') + 2;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (i < doc.length) {
    const lt = doc.indexOf('<', i);
    const text = lt < 0 ? doc.slice(i) : doc.slice(i, lt);
    if (text.includes(']]>')) throw new Error('"]]>" in text');
    if (text.includes('>')) throw new Error(`raw > in text: ${text.slice(0, 60)}`);
    const parent = stack.at(-1);
    if (parent === undefined) {
      if (text.trim() !== '') throw new Error('text outside the root element');
    } else {
      parent.text += decode(text, 'text');
    }
    if (lt < 0) break;
    const gt = doc.indexOf('>', lt);
    if (gt < 0) throw new Error('unterminated tag');
    const tag = doc.slice(lt + 1, gt);
    if (tag.includes('<')) throw new Error(`raw < inside a tag: ${tag.slice(0, 60)}`);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const open = stack.pop();
      if (open === undefined || open.name !== tag.slice(1).trim())
        throw new Error(`mismatched </${tag.slice(1)}>`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const m = /^([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"]*")*)\s*$/.exec(body);
    if (m === null) throw new Error(`malformed tag <${tag.slice(0, 80)}>`);
    const attrs: Record<string, string> = {};
    for (const a of (m[2] as string).matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) {
      const name = a[1] as string;
      if (Object.hasOwn(attrs, name)) throw new Error(`duplicate attribute ${name}`);
      attrs[name] = decode(a[2] as string, `attribute ${name}`);
    }
    const element: XmlElement = { name: m[1] as string, attrs, children: [], text: '' };
    if (parent === undefined) {
      if (root !== null) throw new Error('two root elements');
      root = element;
    } else {
      parent.children.push(element);
    }
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.at(-1)?.name}>`);
  if (root === null) throw new Error('no root element');
  return root;
}

/** Every descendant element named `name`. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((c) => [...(c.name === name ? [c] : []), ...findAll(c, name)]);
}
