/**
 * The adb server's health under the header: connected / reconnecting / unreachable (with the
 * error and what to do), a dismissible note after a recovery, and the web bridge's own link.
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { hasConnectionStatus } from '../bridge/get-bridge';
import { ErrorNotice } from '../shared-ui/error-notice';
import { HostBanners } from './host-banners';
import { useI18n } from './i18n-context';
import { useStores } from './stores-context';

function useBridgeConnected(): boolean {
  const { bridge } = useStores();
  const [connected, setConnected] = useState(true);
  useEffect(() => (hasConnectionStatus(bridge) ? bridge.onConnection(setConnected) : undefined), [bridge]);
  return connected;
}

export function AdbBanner() {
  const { t, dateTime } = useI18n();
  const { devices } = useStores();
  const adb = useStore(devices, (s) => s.adb);
  const loadError = useStore(devices, (s) => s.loadError);
  const dismissed = useStore(devices, (s) => s.dismissedOutage);
  const dismissOutage = useStore(devices, (s) => s.dismissOutage);
  const bridgeConnected = useBridgeConnected();

  if (loadError || !bridgeConnected) {
    return (
      <div className="banner banner--bad" role="alert">
        <p className="banner__title">{t('bridge.lost')}</p>
        <p>{t('bridge.lostHint')}</p>
      </div>
    );
  }
  if (!adb) {
    return (
      <div className="banner banner--neutral" role="status">
        <p className="banner__title">{t('adb.waiting')}</p>
      </div>
    );
  }

  const address = `${adb.host}:${adb.port}`;
  const outage = adb.lastOutage;
  const showOutage = adb.state === 'connected' && outage !== null && dismissed !== outage.endedAt;

  return (
    <div className="banner-stack">
      {adb.state === 'connected' ? (
        <div className="banner banner--ok" role="status" data-adb-state="connected">
          <p className="banner__title">
            {adb.serverVersion === null
              ? t('adb.connected', { address })
              : t('adb.connectedVersion', { address, version: adb.serverVersion })}
          </p>
        </div>
      ) : adb.state === 'connecting' || adb.state === 'reconnecting' ? (
        <div className="banner banner--warn" role="status" data-adb-state={adb.state}>
          <p className="banner__title">
            {t(adb.state === 'connecting' ? 'adb.connecting' : 'adb.reconnecting', { address })}
          </p>
          {adb.error ? <p>{adb.error.message}</p> : null}
        </div>
      ) : (
        <div className="banner banner--bad" role="alert" data-adb-state="unreachable">
          <p className="banner__title">{t('adb.unreachable', { address })}</p>
          {adb.error ? <ErrorNotice error={adb.error} role="none" className="error-notice--plain" /> : null}
        </div>
      )}
      {showOutage && outage ? (
        <div className="banner banner--note" role="status">
          <p className="banner__title">{t('adb.recovered', { time: dateTime(outage.endedAt, 'time') })}</p>
          <button type="button" className="button button--small" onClick={dismissOutage}>
            {t('common.dismiss')}
          </button>
        </div>
      ) : null}
      <HostBanners />
    </div>
  );
}
