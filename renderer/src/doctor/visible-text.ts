/**
 * Untrusted phone text (dumpsys lines, exception messages) shown as evidence. React already
 * escapes markup; this also makes invisible characters visible, so a bidi override (U+202E)
 * or a zero-width space cannot reorder or hide what the phone said. Pure.
 */

// C0/C1 controls except tab and newline, bidi marks, embeddings, overrides and isolates, zero-width characters, BOM.
const INVISIBLE_CLASS =
  '[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2069\\ufeff]';
const INVISIBLE = new RegExp(INVISIBLE_CLASS, 'g');
const HAS_INVISIBLE = new RegExp(INVISIBLE_CLASS);

/** `text` with every invisible character replaced by a visible ⟨U+XXXX⟩ marker; CRLF becomes LF. */
export function revealInvisible(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .replace(
      INVISIBLE,
      (ch) => `⟨U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}⟩`,
    );
}

/** True when `text` had anything to reveal (the panel then says so next to the evidence). */
export function hasInvisible(text: string): boolean {
  return HAS_INVISIBLE.test(text.replace(/\r\n/g, '\n'));
}
