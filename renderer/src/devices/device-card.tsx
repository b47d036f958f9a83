/**
 * One phone on the board. Every string that came from the phone (model, serial, ROM, errors)
 * is rendered as plain text and may be long: CSS wraps or ellipsizes it.
 */
import { useStore } from 'zustand';
import type { DeviceView } from '../../../shared/domain/device';
import { useI18n } from '../app/i18n-context';
import { useStores } from '../app/stores-context';
import { DOCTOR_HEADING_ID } from '../doctor/doctor-panel';
import { platformFacts } from '../../../shared/platforms/platform-facts';
import { NotReadyHelp, SystemRows } from '../platforms/device-facts';
import { ErrorNotice } from '../shared-ui/error-notice';
import { StateChip, VendorBadge } from './badges';
import { deviceLabel, deviceNames, romText } from './device-sort';
import { hostOfDevice, isMultiHost } from './host-groups';
import { PushDetails } from './push-details';
import { PushTokens } from './push-tokens';
import { ScreenshotDialog } from './screenshot-dialog';
import { vendorColours, vendorOf } from './vendor';

export function DeviceCard({ device }: { device: DeviceView }) {
  const { t } = useI18n();
  const { devices, doctor, nav } = useStores();
  const shot = useStore(devices, (s) => s.screenshots[device.serial]);
  const refreshing = useStore(devices, (s) => s.refreshing[device.serial]);
  const takeScreenshot = useStore(devices, (s) => s.takeScreenshot);
  const refreshIdentity = useStore(devices, (s) => s.refreshIdentity);
  const hosts = useStore(devices, (s) => s.hosts);
  // The host only matters (and is only shown) when the lab spans several hosts.
  const host = isMultiHost(hosts) ? hostOfDevice(device, hosts) : null;

  const vendor = vendorOf(device.identity);
  const names = deviceNames(device);
  const identity = device.identity;
  const label = deviceLabel(device);
  const ready = device.state === 'device';
  const actions = platformFacts(device.platform).cardActions;

  const openDoctor = () => {
    doctor.getState().select(device.serial);
    nav.getState().show('doctor');
    // After React shows the doctor tab: move focus to the panel so keyboard users land there.
    requestAnimationFrame(() => document.getElementById(DOCTOR_HEADING_ID)?.focus());
  };

  return (
    <article
      className="device-card"
      data-vendor={vendor}
      style={vendorColours(vendor)}
      data-serial={device.serial}
      data-host={host ?? undefined}
      aria-label={t('device.cardLabel', {
        name: names.primary ?? t('device.unnamed'),
        serial: device.serial,
      })}
    >
      <header className="device-card__header">
        <VendorBadge vendor={vendor} />
        <StateChip state={device.state} />
        <span className="device-card__transport">{t(`device.transport.${device.transport}`)}</span>
      </header>
      <h3 className="device-card__name clamp" title={names.primary ?? undefined}>
        {names.primary ?? t('device.unnamed')}
      </h3>
      {names.secondary ? (
        <p className="device-card__model clamp" title={names.secondary}>
          {names.secondary}
        </p>
      ) : null}

      {!ready ? (
        <div className="device-card__help" role="note">
          <p>
            <NotReadyHelp device={device} />
          </p>
        </div>
      ) : null}

      {identity ? (
        <dl className="facts">
          <dt>{t('device.rom')}</dt>
          <dd className="break">{romText(identity.rom)}</dd>
          <SystemRows device={device} identity={identity} />
          <PushDetails identity={identity} />
          <dt>{t('device.codename')}</dt>
          <dd className="break">{identity.device}</dd>
        </dl>
      ) : ready && device.identityStatus === 'pending' ? (
        <p className="device-card__pending" role="status">
          {t('device.identityPending')}
        </p>
      ) : null}

      {device.identityStatus === 'failed' ? (
        <div className="device-card__failed">
          <p className="device-card__failed-title">{t('device.identityFailed')}</p>
          {device.identityError ? (
            <ErrorNotice error={device.identityError} role="none" className="error-notice--plain" />
          ) : null}
        </div>
      ) : null}
      {refreshing && refreshing !== true ? <ErrorNotice error={refreshing} /> : null}

      <dl className="facts facts--serial">
        <dt>{t('device.serial')}</dt>
        <dd>
          <code className="serial">{device.serial}</code>
        </dd>
        {host !== null ? (
          <>
            <dt>{t('device.host')}</dt>
            <dd className="break">{host}</dd>
          </>
        ) : null}
      </dl>

      {actions.pushToken ? <PushTokens device={device} /> : null}

      <footer className="device-card__actions">
        {ready && actions.screenshot ? (
          <button
            type="button"
            className="button button--small"
            disabled={shot?.status === 'taking'}
            onClick={() => void takeScreenshot(device.serial)}
          >
            {shot?.status === 'taking' ? t('device.screenshotTaking') : t('device.screenshot')}
          </button>
        ) : null}
        {ready && actions.doctor ? (
          <button type="button" className="button button--small" onClick={openDoctor}>
            {t('doctor.openFromCard')}
          </button>
        ) : null}
        {ready && device.identityStatus === 'failed' ? (
          <button
            type="button"
            className="button button--small"
            disabled={refreshing === true}
            onClick={() => void refreshIdentity(device.serial)}
          >
            {t('device.refreshIdentity')}
          </button>
        ) : null}
      </footer>
      {shot && shot.status !== 'taking' ? (
        <ScreenshotDialog serial={device.serial} name={label} shot={shot} />
      ) : null}
    </article>
  );
}
