import { describe, expect, it } from 'vitest';
import {
  ALL_HOSTS,
  effectiveHostFilter,
  filterByHost,
  groupByHost,
  hostAddress,
  hostNotices,
  hostOfDevice,
  isMultiHost,
  visibleHostGroups,
} from '../../../renderer/src/devices/host-groups';
import {
  HUAWEI,
  OLD_SAMSUNG,
  OPPO,
  UNAUTHORIZED,
  XIAOMI,
  hostStatus,
  onHost,
} from '../../support/sample-devices';

const LOCAL = hostStatus('local', { host: '127.0.0.1', port: 5037 });
const LAB_B = hostStatus('lab-b', { host: '10.0.0.7', port: 5037 });
const LAB_C = hostStatus('lab-c', { host: '10.0.0.8', port: 5038 });
const HOSTS = [LOCAL, LAB_B, LAB_C];

const SAMSUNG_B = onHost('lab-b', OLD_SAMSUNG);
// The same serial on two hosts is two phones.
const XIAOMI_B = onHost('lab-b', XIAOMI);
const DEVICES = [XIAOMI, SAMSUNG_B, HUAWEI, XIAOMI_B, UNAUTHORIZED];

describe('host groups', () => {
  it('only groups when the snapshot lists several hosts', () => {
    expect(isMultiHost(undefined)).toBe(false);
    expect(isMultiHost(null)).toBe(false);
    expect(isMultiHost([LOCAL])).toBe(false);
    expect(isMultiHost(HOSTS)).toBe(true);
    expect(filterByHost(DEVICES, [LOCAL], 'lab-b')).toEqual(DEVICES);
    expect(hostNotices([hostStatus('local', { state: 'unreachable' })], {})).toEqual([]);
  });

  it('names the primary host for phones without a host', () => {
    expect(hostOfDevice(XIAOMI, HOSTS)).toBe('local');
    expect(hostOfDevice(XIAOMI_B, HOSTS)).toBe('lab-b');
  });

  it('groups by host in the hosts order, empty hosts kept, each group sorted like the board', () => {
    const groups = groupByHost(DEVICES, HOSTS);
    expect(groups.map((g) => [g.name, g.primary, g.devices.map((d) => d.serial)])).toEqual([
      ['local', true, [XIAOMI.serial, HUAWEI.serial, UNAUTHORIZED.serial]],
      ['lab-b', false, ['lab-b/3c1a9f2e', 'lab-b/R58M1234567']],
      ['lab-c', false, []],
    ]);
    expect(groups[1]?.status).toBe(LAB_B);
  });

  it('puts phones of a host the list does not name in their own group, last', () => {
    const stray = onHost('lab-z', OPPO);
    const groups = groupByHost([stray, XIAOMI], [LOCAL, LAB_B]);
    expect(groups.map((g) => [g.name, g.status === null, g.devices.length])).toEqual([
      ['local', false, 1],
      ['lab-b', false, 0],
      ['lab-z', true, 1],
    ]);
  });

  it('filters by host; a host no longer listed falls back to every host', () => {
    expect(filterByHost(DEVICES, HOSTS, 'lab-b').map((d) => d.serial)).toEqual([
      SAMSUNG_B.serial,
      XIAOMI_B.serial,
    ]);
    expect(filterByHost(DEVICES, HOSTS, 'local')).toEqual([XIAOMI, HUAWEI, UNAUTHORIZED]);
    expect(filterByHost(DEVICES, HOSTS, null)).toEqual(DEVICES);
    expect(effectiveHostFilter('gone', HOSTS)).toBe(ALL_HOSTS);
    expect(effectiveHostFilter('lab-c', HOSTS)).toBe('lab-c');
    expect(visibleHostGroups(DEVICES, HOSTS, 'lab-c').map((g) => g.name)).toEqual(['lab-c']);
    expect(visibleHostGroups(DEVICES, HOSTS, 'gone').map((g) => g.name)).toEqual(['local', 'lab-b', 'lab-c']);
  });

  it('formats address:port, bracketing IPv6', () => {
    expect(hostAddress(LAB_B)).toBe('10.0.0.7:5037');
    expect(hostAddress({ host: 'fd00::7', port: 5037 })).toBe('[fd00::7]:5037');
    expect(hostAddress({ host: '[fd00::7]', port: 5037 })).toBe('[fd00::7]:5037');
  });

  it('gives banners to non-primary hosts that are down, reconnecting or recovered and not dismissed', () => {
    const outage = {
      startedAt: '2026-01-05T09:31:00.000Z',
      endedAt: '2026-01-05T09:32:00.000Z',
      reason: 'gone',
    };
    const hosts = [
      hostStatus('local', { state: 'unreachable' }),
      hostStatus('lab-b', { state: 'unreachable' }),
      hostStatus('lab-c', { state: 'reconnecting' }),
      hostStatus('lab-d', { lastOutage: outage }),
      hostStatus('lab-e'),
    ];
    expect(hostNotices(hosts, {}).map((n) => [n.host.name, n.kind])).toEqual([
      ['lab-b', 'down'],
      ['lab-c', 'connecting'],
      ['lab-d', 'recovered'],
    ]);
    expect(hostNotices(hosts, { 'lab-d': outage.endedAt }).map((n) => n.host.name)).toEqual([
      'lab-b',
      'lab-c',
    ]);
    // A later outage of the same host shows again.
    expect(hostNotices(hosts, { 'lab-d': '2026-01-05T08:00:00.000Z' }).map((n) => n.host.name)).toContain(
      'lab-d',
    );
  });
});
