/**
 * Vendor badge and adb state chip: colour plus text (never colour alone).
 */
import type { AdbState } from '../../../shared/domain/device';
import { useI18n } from '../app/i18n-context';
import type { VendorKey } from './vendor';

export function VendorBadge({ vendor }: { vendor: VendorKey }) {
  const { t } = useI18n();
  return (
    <span className={`vendor-badge vendor-badge--${vendor}`} data-vendor={vendor}>
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
