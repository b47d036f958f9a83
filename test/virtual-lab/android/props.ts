/**
 * Loads a virtual phone's identity from a real `adb shell getprop` capture in
 * test/fixtures/getprop/<profile>.txt and normalises it to what adb would really print.
 *
 * Real getprop prints one `[key]: [value]` per property, sorted, LF-terminated, with the raw value
 * between the brackets (a value holding a newline spans lines). The captures carry artefacts that
 * are not the phone's: CRLF from Windows editors, a UTF-16 BOM, a value ending in CR echoed by a
 * terminal as `]key]: [value`, terminal hard-wraps of long comma lists, a missing final newline and
 * a truncated tail. Each .source.md next to a capture lists its quirks.
 * Sources: AOSP system/core toolbox/getprop.cpp (`[%s]: [%s]\n` per property, sorted).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const GETPROP_FIXTURE_DIR = fileURLToPath(new URL('../../fixtures/getprop/', import.meta.url));

/** Decodes capture bytes: UTF-8 (optionally with BOM) or UTF-16 LE/BE with BOM. */
export function decodeCapture(bytes: Buffer): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return bytes.subarray(3).toString('utf8');
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    const body = bytes.subarray(2);
    return body.subarray(0, body.length - (body.length % 2)).toString('utf16le');
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const body = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
    body.swap16();
    return body.toString('utf16le');
  }
  return bytes.toString('utf8');
}

const PROP_START = /^\[([^\][]+)\]: \[(.*)$/;
/** A value ending in CR, echoed by a terminal: the closing `]` overwrote the opening `[`. */
const CR_ARTEFACT = /^\]([^\][]+)\]: \[(.*)$/;

/**
 * Parses a capture into ordered entries (first occurrence of a key wins). Values keep real
 * embedded newlines; editor and terminal artefacts are undone.
 */
export function parseCapture(text: string): Array<[string, string]> {
  const out = new Map<string, string>();
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let open: { key: string; parts: string[] } | null = null;
  const set = (key: string, value: string): void => {
    if (!out.has(key)) out.set(key, value);
  };
  const closeOpen = (): void => {
    // Cut off before its closing bracket (hard truncation): keep what was captured.
    if (open) set(open.key, open.parts.join('\n'));
    open = null;
  };
  for (const raw of lines) {
    // A stray CR inside a line is the value's own trailing CR seen through a terminal: drop it.
    const line = raw.replace(/\r/g, '');
    const start = PROP_START.exec(line);
    const artefact = start ? null : CR_ARTEFACT.exec(line);
    if (start || artefact) {
      closeOpen();
      const key = (start ?? artefact)?.[1] ?? '';
      const rest = (start ?? artefact)?.[2] ?? '';
      if (artefact) set(key, rest.endsWith(']') ? rest.slice(0, -1) : rest);
      else if (rest.endsWith(']')) set(key, rest.slice(0, -1));
      else open = { key, parts: [rest] };
      continue;
    }
    if (!open) continue; // prompts, blank lines, editor noise
    const current: { key: string; parts: string[] } = open;
    if (line.startsWith(',') && current.parts.length > 0) {
      // Terminal hard-wrap of a comma list: the break is not part of the value.
      current.parts[current.parts.length - 1] += line;
    } else {
      current.parts.push(line);
    }
    const last = current.parts[current.parts.length - 1] ?? '';
    if (last.endsWith(']')) {
      current.parts[current.parts.length - 1] = last.slice(0, -1);
      set(current.key, current.parts.join('\n'));
      open = null;
    }
  }
  closeOpen();
  return [...out.entries()];
}

/** Sets a property; a new key goes where getprop's sorted listing would put it. */
export function setProp(props: Map<string, string>, key: string, value: string): void {
  if (props.has(key)) {
    props.set(key, value);
    return;
  }
  const entries = [...props.entries()];
  const at = entries.findIndex(([k]) => k > key);
  entries.splice(at < 0 ? entries.length : at, 0, [key, value]);
  props.clear();
  for (const [k, v] of entries) props.set(k, v);
}

/** Renders properties exactly as `getprop` prints them. */
export function renderGetprop(props: ReadonlyMap<string, string>): string {
  let text = '';
  for (const [key, value] of props) text += `[${key}]: [${value}]\n`;
  return text;
}

/** Names of every getprop capture usable as a profile. */
export function listProfiles(): string[] {
  return readdirSync(GETPROP_FIXTURE_DIR)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4))
    .sort();
}

/** Reads a profile's properties (ordered as captured). Throws with the known names on a typo. */
export function loadProfileProps(profile: string): Map<string, string> {
  if (!/^[A-Za-z0-9._-]+$/.test(profile) || !listProfiles().includes(profile)) {
    throw new Error(`Unknown virtual phone profile "${profile}". Known: ${listProfiles().join(', ')}`);
  }
  const bytes = readFileSync(`${GETPROP_FIXTURE_DIR}${profile}.txt`);
  return new Map(parseCapture(decodeCapture(bytes)));
}
