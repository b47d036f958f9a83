/**
 * `uiautomator dump` output (AccessibilityNodeInfoDumper): `<hierarchy rotation="N">` holding
 * nested `<node index text resource-id class package content-desc ... bounds="[l,t][r,b]">`.
 * Read tolerantly: the "UI hierchary dumped to: ..." line and shell noise around the XML, values in
 * single or double quotes, entities, a file cut short (complete: false, the nodes read so far kept).
 * Nothing here becomes shell text: callers tap at integer centres of parsed bounds.
 */

export interface UiBounds {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export interface UiNode {
  readonly text: string;
  readonly resourceId: string;
  readonly className: string;
  readonly packageName: string;
  readonly contentDesc: string;
  readonly clickable: boolean;
  readonly enabled: boolean;
  readonly bounds: UiBounds | null;
  readonly depth: number;
  /** Index of the parent in `nodes`, null for a top-level node. */
  readonly parent: number | null;
}

export interface UiHierarchy {
  readonly nodes: UiNode[];
  /** The closing </hierarchy> was seen. */
  readonly complete: boolean;
  /** A <hierarchy> element was seen at all. */
  readonly found: boolean;
}

const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/g;
// Values stop at "<" (XML escapes it inside attributes): with a stray quote, a value that could run
// past "<" made every later tag rescan the rest of the dump (quadratic; found by the fuzzer).
const TAG = /<(\/?)(node|hierarchy)\b((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/g;
const BOUNDS = /^\[(-?\d+),(-?\d+)\]\[(-?\d+),(-?\d+)\]$/;

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML entities in an attribute value (named, decimal, hex; unknown ones left as they are). */
export function decodeXmlEntities(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith('#x')) return safeCodePoint(Number.parseInt(body.slice(2), 16)) ?? whole;
    if (body.startsWith('#')) return safeCodePoint(Number.parseInt(body.slice(1), 10)) ?? whole;
    return ENTITIES[body] ?? whole;
  });
}

function safeCodePoint(n: number): string | null {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : null;
}

export function parseBounds(value: string): UiBounds | null {
  const m = BOUNDS.exec(value.trim());
  if (!m) return null;
  const [left, top, right, bottom] = m.slice(1).map(Number) as [number, number, number, number];
  if (right < left || bottom < top) return null;
  return { left, top, right, bottom };
}

/** Integer centre of bounds (what a finger pressing the middle hits). */
export function boundsCenter(b: UiBounds): { x: number; y: number } {
  return { x: Math.floor((b.left + b.right) / 2), y: Math.floor((b.top + b.bottom) / 2) };
}

function attributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(ATTR)) out.set(m[1] as string, decodeXmlEntities(m[2] ?? m[3] ?? ''));
  return out;
}

export function parseUiHierarchy(input: string): UiHierarchy {
  const nodes: UiNode[] = [];
  const stack: number[] = [];
  let found = false;
  let complete = false;
  for (const m of input.matchAll(TAG)) {
    const [, closing, name, attrText, selfClosing] = m;
    if (name === 'hierarchy') {
      if (closing) complete = found;
      else found = true;
      continue;
    }
    if (closing) {
      stack.pop();
      continue;
    }
    const a = attributes(attrText ?? '');
    const parent = stack.length > 0 ? (stack[stack.length - 1] as number) : null;
    nodes.push({
      text: a.get('text') ?? '',
      resourceId: a.get('resource-id') ?? '',
      className: a.get('class') ?? '',
      packageName: a.get('package') ?? '',
      contentDesc: a.get('content-desc') ?? '',
      clickable: a.get('clickable') === 'true',
      enabled: a.get('enabled') !== 'false',
      bounds: parseBounds(a.get('bounds') ?? ''),
      depth: stack.length,
      parent,
    });
    if (!selfClosing) stack.push(nodes.length - 1);
  }
  return { nodes, complete, found };
}

export interface NotificationMatch {
  readonly node: UiNode;
  readonly matched: 'title' | 'text';
  readonly point: { x: number; y: number };
}

function normalise(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * The shade node showing the notification: text equal to the title (preferred) or else the text,
 * whitespace-normalised, with usable bounds; the topmost match (the newest row) wins.
 */
export function findNotificationNode(
  hierarchy: UiHierarchy,
  wanted: { title: string | null; text: string | null },
): NotificationMatch | null {
  const candidates = hierarchy.nodes.filter(
    (n) => n.bounds !== null && n.bounds.right > n.bounds.left && n.bounds.bottom > n.bounds.top,
  );
  const byTop = (a: UiNode, b: UiNode): number => (a.bounds as UiBounds).top - (b.bounds as UiBounds).top;
  for (const [field, value] of [
    ['title', wanted.title],
    ['text', wanted.text],
  ] as const) {
    if (value === null || normalise(value) === '') continue;
    const hit = candidates.filter((n) => normalise(n.text) === normalise(value)).sort(byTop)[0];
    if (hit) return { node: hit, matched: field, point: boundsCenter(hit.bounds as UiBounds) };
  }
  return null;
}
