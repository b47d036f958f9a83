/**
 * A strict reader for the report's HTML: throws unless every tag is on an allow-list with only
 * allowed, double-quoted attributes, tags balance, text holds no raw < > or unknown entities, no
 * comment, no script, no event handler, no URL other than a PNG data: URL. Returns the decoded
 * text (what a reader sees) and the elements, so tests can prove hostile strings are only text.
 */
const ELEMENTS = new Set([
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'header',
  'main',
  'footer',
  'section',
  'article',
  'div',
  'h1',
  'h2',
  'h3',
  'p',
  'dl',
  'dt',
  'dd',
  'ul',
  'li',
  'table',
  'caption',
  'colgroup',
  'col',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'span',
  'bdi',
  'strong',
  'br',
  'figure',
  'img',
]);
const VOID = new Set(['meta', 'br', 'col', 'img']);
const ATTRIBUTES = new Set([
  'lang',
  'charset',
  'http-equiv',
  'name',
  'content',
  'class',
  'id',
  'title',
  'scope',
  'colspan',
  'aria-label',
  'aria-hidden',
  'src',
  'alt',
]);
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

export interface HtmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
}

export interface CheckedHtml {
  /** Every text node, decoded, joined with "\n". */
  readonly text: string;
  readonly elements: readonly HtmlElement[];
  readonly style: string;
}

function decode(raw: string, where: string): string {
  if (/[<>]/.test(raw)) throw new Error(`raw < or > in ${where}: ${raw.slice(0, 60)}`);
  return raw.replace(/&([^;\s]{0,10});?/g, (whole, name: string) => {
    const value = ENTITIES[name];
    if (value === undefined || !whole.endsWith(';'))
      throw new Error(`unknown or bare entity in ${where}: ${whole}`);
    return value;
  });
}

export function checkHtml(doc: string): CheckedHtml {
  if (/<script/i.test(doc)) throw new Error('contains <script');
  if (/<!--/.test(doc)) throw new Error('contains a comment');
  if (!doc.startsWith('<!DOCTYPE html>\n')) throw new Error('no doctype');
  let i = '<!DOCTYPE html>\n'.length;
  const stack: string[] = [];
  const texts: string[] = [];
  const elements: HtmlElement[] = [];
  let style = '';
  while (i < doc.length) {
    const lt = doc.indexOf('<', i);
    const raw = lt < 0 ? doc.slice(i) : doc.slice(i, lt);
    if (raw !== '') {
      if (stack.length === 0 && raw.trim() !== '')
        throw new Error(`text outside <html>: ${raw.slice(0, 40)}`);
      texts.push(decode(raw, 'text'));
    }
    if (lt < 0) break;
    const gt = doc.indexOf('>', lt);
    if (gt < 0) throw new Error('unterminated tag');
    const tag = doc.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1);
      if (stack.pop() !== name) throw new Error(`mismatched </${name}>`);
      continue;
    }
    const m = /^([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"<>]*")*)$/.exec(tag);
    if (m === null) throw new Error(`malformed tag <${tag.slice(0, 80)}>`);
    const name = m[1] as string;
    if (!ELEMENTS.has(name)) throw new Error(`element <${name}> is not allowed`);
    const attrs: Record<string, string> = {};
    for (const a of (m[2] as string).matchAll(/([a-z-]+)="([^"]*)"/g)) {
      const attr = a[1] as string;
      if (!ATTRIBUTES.has(attr)) throw new Error(`attribute ${attr} on <${name}> is not allowed`);
      if (Object.hasOwn(attrs, attr)) throw new Error(`duplicate attribute ${attr}`);
      attrs[attr] = decode(a[2] as string, `attribute ${attr}`);
    }
    if (attrs.src !== undefined && !/^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/.test(attrs.src))
      throw new Error(`src is not a PNG data URL: ${attrs.src.slice(0, 40)}`);
    elements.push({ name, attrs });
    if (name === 'style') {
      // Raw text up to </style>: the report's own CSS, which must not load anything.
      const end = doc.indexOf('</style>', i);
      if (end < 0) throw new Error('unterminated <style>');
      style = doc.slice(i, end);
      if (/url\(|@import|expression\(|<\//i.test(style)) throw new Error('the stylesheet loads something');
      i = end + '</style>'.length;
      continue;
    }
    if (!VOID.has(name)) stack.push(name);
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.at(-1)}>`);
  return { text: texts.join('\n'), elements, style };
}
