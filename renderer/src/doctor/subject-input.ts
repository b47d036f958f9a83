/**
 * What the user types into the doctor panel: the app's package name (a bundle ID on an iOS
 * simulator) and the channel ids its push configuration uses. Checked here with the same rules as
 * packageNameSchema, bundleIdSchema and channelIdSchema in shared/ipc.ts (without bundling zod
 * into the page; the app id patterns are the platform table's); a unit test keeps them in step.
 * Pure: no React, no DOM.
 */
import type { Platform } from '../../../shared/domain/device';
import { platformFacts, platformOfSerial } from '../../../shared/platforms/platform-facts';
import type { DoctorSubject } from '../../../shared/domain/doctor';

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
 * Validates an app id as typed (surrounding spaces are forgiven, inner ones are not): a package
 * name, or what the platform names its apps by (a simulator: a bundle ID).
 */
export function checkPackageName(text: string, platform: Platform = 'android'): PackageCheck {
  const value = text.trim();
  if (value === '') return { ok: false, reason: 'empty' };
  if (value.length > PACKAGE_MAX) return { ok: false, reason: 'tooLong' };
  if (value.length < PACKAGE_MIN || !platformFacts(platform).app.pattern.test(value))
    return { ok: false, reason: 'format' };
  return { ok: true, value };
}

/** The inputs checked for this device: its platform names the app and says if it has channels. */
export function checkSubject(
  serial: string,
  draft: { readonly packageText: string; readonly channelText: string },
): { readonly package: PackageCheck; readonly channels: ChannelCheck } {
  const platform = platformOfSerial(serial);
  return {
    package: checkPackageName(draft.packageText, platform),
    // A platform without notification channels (iOS) has none to check.
    channels: platformFacts(platform).channels ? parseChannelIds(draft.channelText) : { ok: true, value: [] },
  };
}

/** The draft as a subject, or null when it does not validate. */
export function subjectOf(
  serial: string,
  draft: { readonly packageText: string; readonly channelText: string },
): DoctorSubject | null {
  const { package: pkg, channels } = checkSubject(serial, draft);
  return pkg.ok && channels.ok ? { serial, package: pkg.value, channelIds: channels.value } : null;
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
