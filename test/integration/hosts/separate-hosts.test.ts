/**
 * Two lab hosts as two computers: each its own network namespace with its own adb server and a
 * virtual phone on the same loopback address and port, so both phones have the same serial.
 * PushLab must list them as two phones, reach each on its own host, and lose only one when its
 * host goes down.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LabHosts } from '../../../electron/lab/adb/lab-hosts';
import { waitForDevices } from '../../support/wait-for-devices';
import type { TrackedDevice } from '../../../electron/lab/adb/device-tracker';
import { systemClock } from '../../../electron/lab/util/clock';
import { createLogger } from '../../../electron/lab/util/logger';
import { netnsAvailable, startNetnsHost, type NetnsHost } from '../../virtual-lab/harness/netns-host';

const available = netnsAvailable();
const hosts: NetnsHost[] = [];
let labHosts: LabHosts;

const waitFor = (predicate: (list: readonly TrackedDevice[]) => boolean, timeoutMs?: number) =>
  waitForDevices(labHosts, predicate, timeoutMs);

// Skipped (and reported so) where namespaces cannot be made: the same-port hosts elsewhere cover the rest.
describe.skipIf(!available)('lab hosts in separate network namespaces', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    const [a, b] = await Promise.all([
      startNetnsHost(1, 15037, [[40001, 'xiaomi-hyperos2-android14-2']]),
      startNetnsHost(2, 15037, [[40001, 'vivo-originos5-android15-1']]),
    ]);
    hosts.push(a, b);
    labHosts = new LabHosts(
      [
        { name: 'lab-a', address: a.address, port: a.adbPort },
        { name: 'lab-b', address: b.address, port: b.adbPort },
      ],
      { bin: '/usr/bin/adb', startServer: false },
      systemClock,
      createLogger({ scope: 'test', level: 'error' }),
    );
    labHosts.start();
    await waitFor((list) => list.filter((d) => d.rawState === 'device').length === 2);
  }, 90_000);

  afterAll(async () => {
    labHosts?.stop();
    await Promise.all(hosts.map((h) => h.stop()));
  });

  it('lists the same serial on two hosts as two phones, each reached on its own host', async () => {
    const [a, b] = hosts;
    expect(a?.serials).toEqual(['127.0.0.1:40001']);
    expect(b?.serials).toEqual(a?.serials);
    const keys = labHosts.list().map((d) => d.serial);
    expect(keys.sort()).toEqual(['127.0.0.1:40001', 'lab-b/127.0.0.1:40001']);
    const brand = async (key: string): Promise<string> =>
      (await labHosts.device(key).shell('getprop ro.product.manufacturer')).trim().toLowerCase();
    expect(await brand('127.0.0.1:40001')).toBe('xiaomi');
    expect(await brand('lab-b/127.0.0.1:40001')).toBe('vivo');
  });

  it('a host going down takes only its phone away', async () => {
    hosts[1]?.killAdb();
    await waitFor((list) => list.length === 1);
    expect(labHosts.list().map((d) => d.serial)).toEqual(['127.0.0.1:40001']);
    expect(labHosts.hosts().map((h) => [h.name, h.state === 'connected'])).toEqual([
      ['lab-a', true],
      ['lab-b', false],
    ]);
  });
});
