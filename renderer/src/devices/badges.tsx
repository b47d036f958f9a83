/**
 * Vendor badge and adb state chip: colour plus text (never colour alone). Vendor colours come
 * from shared/vendors/vendor-table.ts.
 */
import type { AdbState } from '../../../shared/domain/device';
import { useI18n } from '../app/i18n-context';
import { vendorColours, type VendorKey } from './vendor';

export function VendorBadge({ vendor }: { vendor: VendorKey }) {
  const { t } = useI18n();
  return (
    <span className="vendor-badge" data-vendor={vendor} style={vendorColours(vendor)}>
      {t(`vendor.${vendor}`)}
    </span>
  );
}

export function StateChip({ state }: { state: AdbState }) {
  const { t } = useI18n();
  return (
    <span className={`state-chip state-chip--${state === 'device' ? 'ok' : 'attention'}`} data-state={state}>
      {t(`adbState.${state}.label`)}
    </span>
  );
}
