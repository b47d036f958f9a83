/**
 * Text for the HTML report. Phone and plan strings are untrusted: they are cleaned (controls,
 * lone surrogates and bidi overrides removed), then escaped for the context they land in. Every
 * attribute the report writes is double-quoted, and `html` below escapes quotes too, so the one
 * function is safe in text and attribute contexts alike.
 */

/**
 * C0/C1 controls except tab and line breaks, lone surrogates, non-characters, and the bidi
 * embedding/override/isolate controls (U+202A–U+202E, U+2066–U+2069) that could reorder what a
 * reader sees ("Trojan Source"-style). Shown text is wrapped in <bdi> as well.
 */
const UNWANTED =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Removes what no report should carry; everything else (emoji, CJK, RTL letters) stays. */
export function cleanText(value: string): string {
  return value.replace(UNWANTED, '');
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Cleaned and escaped for HTML text or a double-quoted attribute value. */
export function html(value: string | number): string {
  return cleanText(String(value)).replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/** Untrusted text as an isolated run: its direction cannot leak into the text around it. */
export function bdi(value: string): string {
  return `<bdi>${html(value)}</bdi>`;
}

/** Only PNG data URLs made from base64 pass; anything else is dropped (no external or script URLs). */
export function safePngDataUrl(value: string): string | null {
  return /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/.test(value) ? value : null;
}

/** A placeholder value that marks where escaped markup goes into a translated sentence. */
export const SLOT = '\u0000';

/** The translated sentence (made with SLOT as a value) escaped, with `markup` where the slot was. */
export function fillSlot(sentence: string, markup: string): string {
  const at = sentence.indexOf(SLOT);
  return at < 0
    ? html(sentence)
    : `${html(sentence.slice(0, at))}${markup}${html(sentence.slice(at + SLOT.length))}`;
}
