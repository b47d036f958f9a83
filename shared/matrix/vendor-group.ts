/**
 * Which row group a phone belongs to. Public API: vendorGroupOf(phone): VendorGroup.
 *
 * Rows are grouped by who made the phone, because that is how a release lead reads the matrix
 * ("are Xiaomi phones fine?"):
 * - APNs is always iOS.
 * - A recognised maker (manufacturer, else brand) gives its group, whatever channel the phone uses
 *   (a global Xiaomi on FCM stays with Xiaomi; the row shows its channel). Sister brands that ship
 *   the maker's ROM and push service go with it: Redmi/POCO -> Xiaomi, realme/OnePlus -> OPPO
 *   (ColorOS), iQOO -> vivo.
 * - Samsung -> samsung; Google (Pixel) -> google.
 * - Otherwise a vendor push channel names the group; FCM or unknown -> other-android.
 * The words are matched case-insensitively as whole words; the phone's own text is never changed.
 */
import type { PushChannel } from '../domain/device';
import type { TargetChannel } from '../scenarios/types';
import type { VendorGroup } from './types';

const MAKERS: readonly (readonly [RegExp, VendorGroup])[] = [
  [/\b(xiaomi|redmi|poco)\b/i, 'xiaomi'],
  [/\bhuawei\b/i, 'huawei'],
  [/\bhonor\b/i, 'honor'],
  [/\b(oppo|realme|oneplus)\b/i, 'oppo'],
  [/\b(vivo|iqoo)\b/i, 'vivo'],
  [/\bmeizu\b/i, 'meizu'],
  [/\bsamsung\b/i, 'samsung'],
  [/\b(google|pixel)\b/i, 'google'],
  [/\bapple\b/i, 'ios'],
];

const VENDOR_CHANNEL_GROUPS: Readonly<Partial<Record<PushChannel, VendorGroup>>> = {
  xiaomi: 'xiaomi',
  huawei: 'huawei',
  honor: 'honor',
  oppo: 'oppo',
  vivo: 'vivo',
  meizu: 'meizu',
};

export interface GroupablePhone {
  /** Manufacturer as the phone reports it (ro.product.manufacturer). */
  readonly vendor: string;
  readonly brand?: string | null;
  readonly model?: string | null;
  readonly channel: TargetChannel | null;
}

function makerOf(text: string | null | undefined): VendorGroup | null {
  if (!text) return null;
  for (const [pattern, group] of MAKERS) if (pattern.test(text)) return group;
  return null;
}

export function vendorGroupOf(phone: GroupablePhone): VendorGroup {
  if (phone.channel === 'apns') return 'ios';
  // Manufacturer first: a brand name can be a sub-brand; the model only to spot a Pixel.
  const maker =
    makerOf(phone.vendor) ?? makerOf(phone.brand) ?? (/\bpixel\b/i.test(phone.model ?? '') ? 'google' : null);
  if (maker !== null && maker !== 'ios') return maker;
  if (phone.channel !== null && phone.channel !== 'fcm')
    return VENDOR_CHANNEL_GROUPS[phone.channel] ?? 'other-android';
  return 'other-android';
}
