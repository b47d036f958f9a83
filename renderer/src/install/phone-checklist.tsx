/**
 * Which devices get the build. Only ready, identified phones and booted simulators can be ticked;
 * others are listed with the reason. A phone older than the APK's minSdk, or a simulator older
 * than the .app's minimum iOS, gets a warning, and a device no chosen build fits gets a note
 * (it would be refused).
 */
import type { DeviceView } from '../../../shared/domain/device';
import type { ApkInfo, SimulatorAppInfo } from '../../../shared/domain/install';
import { useI18n } from '../app/i18n-context';
import { StateChip, VendorBadge } from '../devices/badges';
import { deviceLabel, deviceNames, sortDevices } from '../devices/device-sort';
import { vendorOf } from '../devices/vendor';
import { hasBuildFor, tooOldFor } from '../platforms/build-fit';
import { ChecklistSystem, TooOldText } from '../platforms/device-facts';
import { NEEDS_BUILD_TEXT, TOO_OLD_MARK } from '../platforms/platform-text';
import { buildFor } from '../../../shared/platforms/install-builds';
import { installBlockReason } from './install-logic';

interface Props {
  readonly devices: readonly DeviceView[];
  readonly selected: ReadonlySet<string>;
  readonly apk: ApkInfo | null;
  readonly app?: SimulatorAppInfo | null;
  onToggle(serial: string, selected: boolean): void;
}

export function PhoneChecklist({ devices, selected, apk, app = null, onToggle }: Props) {
  const { t } = useI18n();
  const sorted = sortDevices(devices);
  const selectable = sorted.filter((d) => installBlockReason(d) === null);

  if (selectable.length === 0) return <p className="muted">{t('install.noReadyPhones')}</p>;

  return (
    <ul className="checklist">
      {sorted.map((device) => {
        const reason = installBlockReason(device);
        const build = buildFor(device.platform);
        const tooOld = tooOldFor(device, { apk, app });
        // Checked before selection: the build cannot install here, so the box cannot be ticked.
        const blockedByBuild = tooOld !== null;
        // A build is chosen, but none for this device's platform: the install would refuse it.
        const misfit = (apk !== null || app !== null) && !hasBuildFor(device, { apk, app });
        // Encoded: a serial may hold a blank (Rockchip) or a host prefix; aria-describedby splits on blanks.
        const id = `pick-${encodeURIComponent(device.serial)}`;
        const names = deviceNames(device);
        return (
          <li
            key={device.serial}
            className={reason ? 'checklist__item checklist__item--disabled' : 'checklist__item'}
            data-serial={device.serial}
          >
            <input
              id={id}
              type="checkbox"
              disabled={reason !== null || blockedByBuild}
              checked={reason === null && !blockedByBuild && selected.has(device.serial)}
              aria-describedby={blockedByBuild ? `${id}-too-old` : undefined}
              onChange={(event) => onToggle(device.serial, event.currentTarget.checked)}
            />
            <label htmlFor={id} className="checklist__label">
              <VendorBadge vendor={vendorOf(device.identity)} />
              <span className="checklist__name clamp">{deviceLabel(device)}</span>
              {names.secondary ? <span className="checklist__meta clamp">{names.secondary}</span> : null}
              {device.identity ? (
                <span className="checklist__meta">
                  <ChecklistSystem device={device} identity={device.identity} />
                </span>
              ) : null}
              <code className="checklist__serial clamp">{device.serial}</code>
            </label>
            {reason === 'state' ? <StateChip state={device.state} /> : null}
            {reason === 'identityPending' ? (
              <span className="muted">{t('device.identityPending')}</span>
            ) : null}
            {reason === 'identityFailed' ? <span className="muted">{t('device.identityFailed')}</span> : null}
            {tooOld && reason === null ? (
              <p
                id={`${id}-too-old`}
                className="warning checklist__warning"
                role="note"
                data-too-old={TOO_OLD_MARK[tooOld.build]}
              >
                <TooOldText tooOld={tooOld} />
              </p>
            ) : null}
            {misfit && reason === null && selected.has(device.serial) ? (
              <p className="muted checklist__warning" role="note" data-misfit={build}>
                {t(NEEDS_BUILD_TEXT[build])}
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
