/**
 * Pure rules for a lab across several hosts (adb servers): which host serves a phone, the board's
 * groups by host, the host filter, and which hosts need a banner. No React, no DOM: unit-tested in
 * Node. With one host (no `hosts` in the snapshot) none of this changes the board.
 */
import type { DeviceView, HostStatus } from '../../../shared/domain/device';
import { sortDevices } from './device-sort';

/** The filter value showing every host. */
export const ALL_HOSTS = '*';

export interface HostGroup {
  /** The host's name (`local` or the name given in the hosts list). */
  readonly name: string;
  /** The host's adb server; null for phones naming a host the snapshot does not list. */
  readonly status: HostStatus | null;
  readonly primary: boolean;
  readonly devices: readonly DeviceView[];
}

/** A per-host banner: a host that is not connected, or whose recovery the user has not dismissed. */
export interface HostNotice {
  readonly host: HostStatus;
  readonly kind: 'down' | 'connecting' | 'recovered';
}

/** True when the lab spans several hosts: only then does the board group and filter by host. */
export function isMultiHost(hosts: readonly HostStatus[] | null | undefined): hosts is readonly HostStatus[] {
  return hosts !== null && hosts !== undefined && hosts.length > 1;
}

/** The primary host's name: the first listed (it keeps bare serials, so its phones carry no `host`). */
export function primaryHostName(hosts: readonly HostStatus[]): string | null {
  return hosts[0]?.name ?? null;
}

/** The host serving a phone: its `host`, or the primary host's name when absent. */
export function hostOfDevice(device: DeviceView, hosts: readonly HostStatus[]): string | null {
  return device.host ?? primaryHostName(hosts);
}

/** `address:port`, with brackets around an IPv6 address so the port stays readable. */
export function hostAddress(host: { readonly host: string; readonly port: number }): string {
  const address = host.host.includes(':') && !host.host.startsWith('[') ? `[${host.host}]` : host.host;
  return `${address}:${host.port}`;
}

/** The filter actually applied: a host no longer listed falls back to every host. */
export function effectiveHostFilter(filter: string | null, hosts: readonly HostStatus[]): string {
  if (filter === null || filter === ALL_HOSTS) return ALL_HOSTS;
  return hosts.some((h) => h.name === filter) ? filter : ALL_HOSTS;
}

/**
 * Phones grouped by host, in the hosts list's order (primary first), each group sorted like the
 * board. Every listed host gets a group, even without phones, so a dead host still shows its
 * header; phones naming an unlisted host come last, one group per such host.
 */
export function groupByHost(devices: readonly DeviceView[], hosts: readonly HostStatus[]): HostGroup[] {
  const byHost = new Map<string, DeviceView[]>();
  for (const device of sortDevices(devices)) {
    const name = hostOfDevice(device, hosts) ?? '';
    const list = byHost.get(name) ?? [];
    list.push(device);
    byHost.set(name, list);
  }
  const primary = primaryHostName(hosts);
  const listed: HostGroup[] = hosts.map((status) => ({
    name: status.name,
    status,
    primary: status.name === primary,
    devices: byHost.get(status.name) ?? [],
  }));
  const known = new Set(hosts.map((h) => h.name));
  const unlisted: HostGroup[] = [...byHost.entries()]
    .filter(([name]) => !known.has(name))
    .sort(([a], [b]) => a.localeCompare(b, 'en'))
    .map(([name, list]) => ({ name, status: null, primary: false, devices: list }));
  return [...listed, ...unlisted];
}

/** The groups the board shows under a host filter (every group for ALL_HOSTS or a stale filter). */
export function visibleHostGroups(
  devices: readonly DeviceView[],
  hosts: readonly HostStatus[],
  filter: string | null,
): HostGroup[] {
  const applied = effectiveHostFilter(filter, hosts);
  const groups = groupByHost(devices, hosts);
  return applied === ALL_HOSTS ? groups : groups.filter((g) => g.name === applied);
}

/** The phones a host filter keeps (all of them with one host or ALL_HOSTS). */
export function filterByHost(
  devices: readonly DeviceView[],
  hosts: readonly HostStatus[] | null | undefined,
  filter: string | null,
): DeviceView[] {
  if (!isMultiHost(hosts)) return [...devices];
  const applied = effectiveHostFilter(filter, hosts);
  if (applied === ALL_HOSTS) return [...devices];
  return devices.filter((d) => hostOfDevice(d, hosts) === applied);
}

/**
 * Banners for the hosts other than the primary (the primary keeps the adb banner): a dead or
 * reconnecting host, and a recovered one until its recovery is dismissed (by the outage's endedAt).
 */
export function hostNotices(
  hosts: readonly HostStatus[] | null | undefined,
  dismissed: Readonly<Record<string, string>>,
): HostNotice[] {
  if (!isMultiHost(hosts)) return [];
  const notices: HostNotice[] = [];
  for (const host of hosts.slice(1)) {
    if (host.state === 'unreachable') notices.push({ host, kind: 'down' });
    else if (host.state !== 'connected') notices.push({ host, kind: 'connecting' });
    else if (host.lastOutage !== null && dismissed[host.name] !== host.lastOutage.endedAt) {
      notices.push({ host, kind: 'recovered' });
    }
  }
  return notices;
}
