/**
 * Which phones get the build. Only ready, identified phones can be ticked; others are listed
 * with the reason, and a phone older than the build's minSdk gets a warning.
 */
import type { DeviceView } from '../../../shared/domain/device';
import type { ApkInfo } from '../../../shared/domain/install';
import { useI18n } from '../app/i18n-context';
import { StateChip, VendorBadge } from '../devices/badges';
import { deviceLabel, deviceNames, notSelectableReason, romText, sortDevices } from '../devices/device-sort';
import { vendorOf } from '../devices/vendor';
import { sdkConflict } from './install-logic';

interface Props {
  readonly devices: readonly DeviceView[];
  readonly selected: ReadonlySet<string>;
  readonly apk: ApkInfo | null;
  onToggle(serial: string, selected: boolean): void;
}

export function PhoneChecklist({ devices, selected, apk, onToggle }: Props) {
  const { t } = useI18n();
  const sorted = sortDevices(devices);
  const selectable = sorted.filter((d) => notSelectableReason(d) === null);

  if (selectable.length === 0) return <p className="muted">{t('install.noReadyPhones')}</p>;

  return (
    <ul className="checklist">
      {sorted.map((device) => {
        const reason = notSelectableReason(device);
        const conflict = apk ? sdkConflict(apk, device) : null;
        const id = `pick-${device.serial}`;
        const names = deviceNames(device);
        return (
          <li key={device.serial} className={reason ? 'checklist__item checklist__item--disabled' : 'checklist__item'} data-serial={device.serial}>
            <input id={id} type="checkbox" disabled={reason !== null} checked={reason === null && selected.has(device.serial)} onChange={(event) => onToggle(device.serial, event.currentTarget.checked)} />
            <label htmlFor={id} className="checklist__label">
              <VendorBadge vendor={vendorOf(device.identity)} />
              <span className="checklist__name clamp">{deviceLabel(device)}</span>
              {names.secondary ? <span className="checklist__meta clamp">{names.secondary}</span> : null}
              {device.identity ? (
                <span className="checklist__meta">
                  {romText(device.identity.rom)} · SDK {device.identity.sdk ?? '?'}
                </span>
              ) : null}
              <code className="checklist__serial clamp">{device.serial}</code>
            </label>
            {reason === 'state' ? <StateChip state={device.state} /> : null}
            {reason === 'identityPending' ? <span className="muted">{t('device.identityPending')}</span> : null}
            {reason === 'identityFailed' ? <span className="muted">{t('device.identityFailed')}</span> : null}
            {conflict && reason === null ? (
              <p className="warning checklist__warning" role="note">
                {t('install.sdkTooLow', { sdk: conflict.sdk, minSdk: conflict.minSdk })}
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
