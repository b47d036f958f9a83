/**
 * The board of a lab across several hosts: a host filter, then one group per host with a header
 * (name, address:port, the adb server's state, phone count) over that host's cards. Host names,
 * addresses and serials are rendered as text. Only shown when the snapshot lists several hosts.
 */
import { useStore } from 'zustand';
import type { DeviceView, HostStatus } from '../../../shared/domain/device';
import { useI18n } from '../app/i18n-context';
import { useStores } from '../app/stores-context';
import { DeviceCard } from './device-card';
import {
  ALL_HOSTS,
  effectiveHostFilter,
  groupByHost,
  hostAddress,
  visibleHostGroups,
  type HostGroup,
} from './host-groups';
import './host-board.css';

function HostFilter({ groups, total }: { groups: readonly HostGroup[]; total: number }) {
  const { t, number } = useI18n();
  const { devices } = useStores();
  const hosts = useStore(devices, (s) => s.hosts) ?? [];
  const filter = useStore(devices, (s) => s.hostFilter);
  const setHostFilter = useStore(devices, (s) => s.setHostFilter);
  const applied = effectiveHostFilter(filter, hosts);
  const up = hosts.filter((h) => h.state === 'connected').length;

  return (
    <div className="host-filter">
      <label htmlFor="host-filter">{t('hosts.filter.label')}</label>
      <select
        id="host-filter"
        value={applied}
        onChange={(e) => setHostFilter(e.currentTarget.value === ALL_HOSTS ? null : e.currentTarget.value)}
      >
        <option value={ALL_HOSTS}>{t('hosts.filter.all', { count: number(total) })}</option>
        {groups
          .filter((g) => g.status !== null)
          .map((g) => (
            <option key={g.name} value={g.name}>
              {t('hosts.filter.option', { name: g.name, count: number(g.devices.length) })}
            </option>
          ))}
      </select>
      <span className="muted host-filter__summary">
        {t('hosts.summary', { up: number(up), total: number(hosts.length) })}
      </span>
    </div>
  );
}

function HostState({ status }: { status: HostStatus }) {
  const { t } = useI18n();
  const tone = status.state === 'connected' ? 'ok' : status.state === 'unreachable' ? 'bad' : 'attention';
  return (
    <span className={`state-chip state-chip--${tone}`} data-host-state={status.state}>
      {t(`hosts.state.${status.state}`)}
    </span>
  );
}

function HostSection({ group }: { group: HostGroup }) {
  const { t, plural } = useI18n();
  const headingId = `host-group-${encodeURIComponent(group.name)}`;
  return (
    <section className="host-group" data-host={group.name} aria-labelledby={headingId}>
      <header className="host-group__header">
        <h3 id={headingId} className="host-group__name">
          {group.name}
        </h3>
        {group.status ? <code className="host-group__address">{hostAddress(group.status)}</code> : null}
        {group.status ? (
          <HostState status={group.status} />
        ) : (
          <span className="muted">{t('hosts.group.unlisted')}</span>
        )}
        {group.primary ? <span className="muted">{t('hosts.group.primary')}</span> : null}
        <span className="host-group__count">{plural('devices.count', group.devices.length)}</span>
      </header>
      {group.devices.length === 0 ? (
        <p className="muted host-group__empty">
          {group.status?.state === 'unreachable' ? t('hosts.group.emptyDown') : t('hosts.group.empty')}
        </p>
      ) : (
        <ul className="device-grid" aria-label={t('hosts.group.label', { name: group.name })}>
          {group.devices.map((device) => (
            <li key={device.serial}>
              <DeviceCard device={device} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The phones grouped by host, under the host filter. */
export function HostBoard({ list, hosts }: { list: readonly DeviceView[]; hosts: readonly HostStatus[] }) {
  const { devices } = useStores();
  const filter = useStore(devices, (s) => s.hostFilter);
  const groups = groupByHost(list, hosts);
  const shown = visibleHostGroups(list, hosts, filter);
  return (
    <>
      <HostFilter groups={groups} total={list.length} />
      {shown.map((group) => (
        <HostSection key={group.name} group={group} />
      ))}
    </>
  );
}
