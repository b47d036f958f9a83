/**
 * Vendor groups on the board: the one rule of shared/vendors (README "Vendor groups"), so a card's
 * badge, the board's grouping and the matrix row agree. Plus 'unknown' while a phone's identity
 * is not read yet.
 */
import type { DeviceIdentity } from '../../../shared/domain/device';
import { vendorOfIdentity } from '../../../shared/vendors/vendor-group';
import { VENDOR_IDS, VENDOR_TABLE, type VendorId } from '../../../shared/vendors/vendor-table';

export const VENDOR_KEYS = [...VENDOR_IDS, 'unknown'] as const;
export type VendorKey = VendorId | 'unknown';

/** The vendor group of a phone, or 'unknown' while its identity is not read. */
export function vendorOf(
  identity: Pick<DeviceIdentity, 'brand' | 'manufacturer' | 'model' | 'rom' | 'pushChannel'> | null,
): VendorKey {
  return vendorOfIdentity(identity) ?? 'unknown';
}

/** Order of vendor groups on the board: the table's order, unknown last. */
export function vendorRank(vendor: VendorKey): number {
  return VENDOR_KEYS.indexOf(vendor);
}

/** Badge colours (CSS custom properties read by .vendor-badge and .device-card). */
export function vendorColours(vendor: VendorKey): Record<string, string> {
  const badge = VENDOR_TABLE[vendor === 'unknown' ? 'other-android' : vendor].badge;
  return { '--vendor-text': badge.text, '--vendor-bg': badge.background, '--vendor-line': badge.line };
}
