/**
 * LabHosts changing its hosts while it runs (setOthers), without adb servers: trackers are not
 * started here, so membership, routing and the events the registry follows are what is tested.
 */
import { describe, expect, it } from 'vitest';
import type { HostStatus } from '../../../shared/domain/device';
import type { LabHost } from '../../../shared/domain/lab-host';
import { LabHosts } from '../../../electron/lab/adb/lab-hosts';
import { systemClock } from '../../../electron/lab/util/clock';
import { silentLogger } from '../../../electron/lab/util/logger';

const LOCAL: LabHost = { name: 'local', address: '127.0.0.1', port: 5037 };
const LAB_B: LabHost = { name: 'lab-b', address: '10.0.0.7', port: 5037 };
const LAB_C: LabHost = { name: 'lab-c', address: '10.0.0.8', port: 5037 };

const make = (hosts: LabHost[]) =>
  new LabHosts(hosts, { bin: 'adb', startServer: false }, systemClock, silentLogger);

describe('LabHosts.setOthers', () => {
  it('adds hosts after the primary, reaches their phones through their own server, and tells listeners', () => {
    const lab = make([LOCAL]);
    const events: Array<readonly HostStatus[]> = [];
    let lists = 0;
    lab.on('hosts', (hosts) => events.push(hosts));
    lab.on('devices', () => (lists += 1));
    lab.setOthers([LAB_B, LAB_C]);
    expect(lab.hostNames).toEqual(['local', 'lab-b', 'lab-c']);
    expect(events.at(-1)?.map((h) => [h.name, h.host, h.port])).toEqual([
      ['local', '127.0.0.1', 5037],
      ['lab-b', '10.0.0.7', 5037],
      ['lab-c', '10.0.0.8', 5037],
    ]);
    expect(lists).toBe(1);
    // A phone key on the new host routes to that host's gateway, through the primary's too.
    expect(lab.hostOf('lab-c/ABC123').gateway.config).toMatchObject({ host: '10.0.0.8', port: 5037 });
    expect(lab.primary.device('lab-c/ABC123').serial).toBe('lab-c/ABC123');
    expect(lab.entries().map((e) => [e.host.name, e.phones])).toEqual([
      ['local', 0],
      ['lab-b', 0],
      ['lab-c', 0],
    ]);
  });

  it('keeps an unchanged host, replaces a moved one, drops a removed one, and keeps the primary', () => {
    const lab = make([LOCAL, LAB_B, LAB_C]);
    const keptGateway = lab.hostOf('lab-c/X').gateway;
    const oldB = lab.hostOf('lab-b/X').gateway;
    lab.setOthers([LAB_C, { ...LAB_B, port: 15038 }]);
    expect(lab.hostNames).toEqual(['local', 'lab-c', 'lab-b']);
    expect(lab.hostOf('lab-c/X').gateway).toBe(keptGateway);
    expect(lab.hostOf('lab-b/X').gateway).not.toBe(oldB);
    expect(lab.hostOf('lab-b/X').gateway.config.port).toBe(15038);
    lab.setOthers([]);
    expect(lab.hostNames).toEqual(['local']);
    expect(() => lab.hostOf('lab-b/X')).toThrow(/No lab host is named "lab-b"/);
    expect(lab.hostOf('X').name).toBe('local');
  });
});
