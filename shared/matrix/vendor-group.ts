/**
 * Which row group a phone belongs to. Public API: vendorGroupOf(phone): VendorGroup.
 *
 * The rule itself is shared/vendors/vendor-group.ts (README "Vendor groups"), the same one the
 * board, `devices --json` and the reports use; this adapter only maps a run's phone fields to it.
 */
import type { TargetChannel } from '../scenarios/types';
import { vendorGroupOf as vendorGroupOfPhone } from '../vendors/vendor-group';
import type { VendorGroup } from './types';

export interface GroupablePhone {
  /** Manufacturer as the phone reports it (ro.product.manufacturer). */
  readonly vendor: string;
  readonly brand?: string | null;
  readonly model?: string | null;
  readonly romName?: string | null;
  readonly channel: TargetChannel | null;
}

export function vendorGroupOf(phone: GroupablePhone): VendorGroup {
  return vendorGroupOfPhone({
    manufacturer: phone.vendor,
    brand: phone.brand ?? null,
    model: phone.model ?? null,
    romName: phone.romName ?? null,
    channel: phone.channel,
  });
}
