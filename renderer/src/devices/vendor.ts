/**
 * Vendor families for badges and grouping. Brand wins over manufacturer: early Honor phones
 * report manufacturer HUAWEI but brand HONOR, and Redmi/POCO phones are made by Xiaomi.
 */
import type { DeviceIdentity } from '../../../shared/domain/device';

export const VENDOR_KEYS = [
  'xiaomi',
  'huawei',
  'honor',
  'oppo',
  'oneplus',
  'realme',
  'vivo',
  'meizu',
  'samsung',
  'google',
  'apple',
  'other',
  'unknown',
] as const;
export type VendorKey = (typeof VENDOR_KEYS)[number];

const ALIASES: ReadonlyArray<readonly [VendorKey, readonly string[]]> = [
  ['xiaomi', ['xiaomi', 'redmi', 'poco', 'blackshark']],
  ['honor', ['honor', 'hihonor']],
  ['huawei', ['huawei']],
  ['oneplus', ['oneplus']],
  ['realme', ['realme']],
  ['oppo', ['oppo']],
  ['vivo', ['vivo', 'iqoo']],
  ['meizu', ['meizu']],
  ['samsung', ['samsung']],
  ['google', ['google']],
  ['apple', ['apple']],
];

function match(value: string): VendorKey | null {
  const lower = value.trim().toLowerCase();
  if (lower === '') return null;
  for (const [key, names] of ALIASES) if (names.includes(lower)) return key;
  return null;
}

/** The vendor family of a phone, or 'unknown' while its identity is not read. */
export function vendorOf(identity: Pick<DeviceIdentity, 'brand' | 'manufacturer'> | null): VendorKey {
  if (!identity) return 'unknown';
  return match(identity.brand) ?? match(identity.manufacturer) ?? 'other';
}

/** Order of vendor groups on the board: vendor channels first, then FCM-only brands. */
export function vendorRank(vendor: VendorKey): number {
  return VENDOR_KEYS.indexOf(vendor);
}
