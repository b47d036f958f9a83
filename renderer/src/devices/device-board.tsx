/**
 * The live board: one card per phone, sorted (ready first, then vendor), with a per-vendor
 * summary. It has no refresh button: `devices:changed` keeps it current.
 */
import { useStore } from 'zustand';
import { useI18n } from '../app/i18n-context';
import { useStores } from '../app/stores-context';
import { VendorBadge } from './badges';
import { DeviceCard } from './device-card';
import { groupByVendor, sortDevices } from './device-sort';
import { HostBoard } from './host-board';
import { isMultiHost } from './host-groups';

export function DeviceBoard() {
  const { t, plural, number } = useI18n();
  const { devices } = useStores();
  const list = useStore(devices, (s) => s.devices);
  const hosts = useStore(devices, (s) => s.hosts);
  const groups = groupByVendor(list);

  return (
    <section className="device-board" aria-labelledby="device-board-heading">
      <header className="section-header">
        <h2 id="device-board-heading">{t('devices.heading')}</h2>
        <p className="section-header__meta" aria-live="polite">
          {plural('devices.count', list.length)}
        </p>
        <ul className="vendor-summary">
          {groups.map((group) => (
            <li key={group.vendor}>
              <VendorBadge vendor={group.vendor} />{' '}
              <span className="vendor-summary__count">{number(group.devices.length)}</span>
            </li>
          ))}
        </ul>
      </header>
      <p className="muted">{t('devices.live')}</p>
      {isMultiHost(hosts) ? (
        <HostBoard list={list} hosts={hosts} />
      ) : (
        <ul className="device-grid" aria-label={t('device.listLabel')}>
          {sortDevices(list).map((device) => (
            <li key={device.serial}>
              <DeviceCard device={device} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
