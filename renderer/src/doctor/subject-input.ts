/**
 * What the user types into the doctor panel: the app's package name and the channel ids its
 * push configuration uses. Checked here with the same rules as packageNameSchema and
 * channelIdSchema in shared/ipc.ts (without bundling zod into the page); a unit test keeps the
 * two in step. Pure: no React, no DOM.
 */

/** Same pattern and bounds as packageNameSchema. */
const PACKAGE_PATTERN = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$/;
const PACKAGE_MIN = 3;
const PACKAGE_MAX = 255;
/** Same pattern and bounds as channelIdSchema and doctorSubjectSchema.channelIds. */
const CHANNEL_PATTERN = /^[\x21-\x7e]+$/;
const CHANNEL_MAX = 200;
export const MAX_CHANNEL_IDS = 50;

export type PackageCheck =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly reason: 'empty' | 'tooLong' | 'format' };

export type ChannelCheck =
  | { readonly ok: true; readonly value: readonly string[] }
  | { readonly ok: false; readonly reason: 'invalid' | 'tooLong'; readonly id: string }
  | { readonly ok: false; readonly reason: 'tooMany'; readonly count: number };

/** Validates a package name as typed (surrounding spaces are forgiven, inner ones are not). */
export function checkPackageName(text: string): PackageCheck {
  const value = text.trim();
  if (value === '') return { ok: false, reason: 'empty' };
  if (value.length > PACKAGE_MAX) return { ok: false, reason: 'tooLong' };
  if (value.length < PACKAGE_MIN || !PACKAGE_PATTERN.test(value)) return { ok: false, reason: 'format' };
  return { ok: true, value };
}

/**
 * Splits a comma-separated list of channel ids (ASCII or full-width commas, or new lines, as
 * people paste them), drops blanks and repeats, and validates each id. Empty input is valid.
 */
export function parseChannelIds(text: string): ChannelCheck {
  const ids: string[] = [];
  for (const part of text.split(/[,，\n]/)) {
    const id = part.trim();
    if (id === '' || ids.includes(id)) continue;
    if (id.length > CHANNEL_MAX) return { ok: false, reason: 'tooLong', id };
    if (!CHANNEL_PATTERN.test(id)) return { ok: false, reason: 'invalid', id };
    ids.push(id);
  }
  if (ids.length > MAX_CHANNEL_IDS) return { ok: false, reason: 'tooMany', count: ids.length };
  return { ok: true, value: ids };
}

/** The text form of a channel id list, as the input shows it. */
export function formatChannelIds(ids: readonly string[]): string {
  return ids.join(', ');
}
