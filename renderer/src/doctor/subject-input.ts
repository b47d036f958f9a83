/**
 * What the user types into the doctor panel: the app's package name (a bundle ID on an iOS
 * simulator) and the channel ids its push configuration uses. Checked here with the same rules as
 * packageNameSchema, bundleIdSchema and channelIdSchema in shared/ipc.ts (without bundling zod
 * into the page); a unit test keeps them in step. Pure: no React, no DOM.
 */

/** Same pattern and bounds as packageNameSchema. */
const PACKAGE_PATTERN = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$/;
/** Same pattern as bundleIdSchema (Apple: letters, digits, hyphens and periods). */
const BUNDLE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]*(\.[A-Za-z0-9-]+)+$/;
/** Simulators are named by UDID (a UUID); adb serials never have that shape. */
const SIMULATOR_UDID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;

/** True for an iOS simulator's serial (its UDID): its app is named by bundle ID and has no channels. */
export function isSimulatorSerial(serial: string): boolean {
  return SIMULATOR_UDID.test(serial);
}
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

/**
 * Validates a package name as typed (surrounding spaces are forgiven, inner ones are not); on a
 * simulator (`platform` 'ios') a bundle ID.
 */
export function checkPackageName(text: string, platform: 'android' | 'ios' = 'android'): PackageCheck {
  const value = text.trim();
  if (value === '') return { ok: false, reason: 'empty' };
  if (value.length > PACKAGE_MAX) return { ok: false, reason: 'tooLong' };
  if (value.length < PACKAGE_MIN || !(platform === 'ios' ? BUNDLE_ID_PATTERN : PACKAGE_PATTERN).test(value))
    return { ok: false, reason: 'format' };
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
