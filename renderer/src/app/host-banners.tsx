/**
 * Banners for the lab hosts other than the primary (the primary keeps the adb banner above): a
 * dead host says its phones are not shown and the other hosts work; a reconnecting one says so;
 * a recovered one shows a dismissible note, like the adb banner. Host text is rendered as text.
 */
import { useStore } from 'zustand';
import { hostAddress, hostNotices } from '../devices/host-groups';
import { ErrorNotice } from '../shared-ui/error-notice';
import { useI18n } from './i18n-context';
import { useStores } from './stores-context';

export function HostBanners() {
  const { t, dateTime } = useI18n();
  const { devices } = useStores();
  const hosts = useStore(devices, (s) => s.hosts);
  const dismissed = useStore(devices, (s) => s.dismissedHostOutages);
  const dismiss = useStore(devices, (s) => s.dismissHostOutage);

  return (
    <>
      {hostNotices(hosts, dismissed).map(({ host, kind }) => {
        const values = { name: host.name, address: hostAddress(host) };
        if (kind === 'down') {
          return (
            <div key={host.name} className="banner banner--bad" role="alert" data-host-banner={host.name}>
              <p className="banner__title">{t('hosts.down', values)}</p>
              {host.error ? (
                <ErrorNotice error={host.error} role="none" className="error-notice--plain" />
              ) : null}
            </div>
          );
        }
        if (kind === 'connecting') {
          return (
            <div key={host.name} className="banner banner--warn" role="status" data-host-banner={host.name}>
              <p className="banner__title">
                {t(host.state === 'reconnecting' ? 'hosts.reconnecting' : 'hosts.connecting', values)}
              </p>
              {host.error ? <p>{host.error.message}</p> : null}
            </div>
          );
        }
        const endedAt = host.lastOutage?.endedAt ?? host.since;
        return (
          <div key={host.name} className="banner banner--note" role="status" data-host-banner={host.name}>
            <p className="banner__title">
              {t('hosts.recovered', { ...values, time: dateTime(endedAt, 'time') })}
            </p>
            <button type="button" className="button button--small" onClick={() => dismiss(host.name)}>
              {t('common.dismiss')}
            </button>
          </div>
        );
      })}
    </>
  );
}
