/**
 * LabHosts against real adb 29 servers, each with its own virtual phones: phones are listed by
 * host and serial, reached through their own host, and a host that dies takes only its own
 * phones away and brings them back when it returns.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LabHosts } from '../../../electron/lab/adb/lab-hosts';
import { waitForDevices } from '../../support/wait-for-devices';
import type { TrackedDevice } from '../../../electron/lab/adb/device-tracker';
import { systemClock } from '../../../electron/lab/util/clock';
import { createLogger } from '../../../electron/lab/util/logger';
import { startAdbServer, VirtualLab, type AdbServerHandle } from '../../virtual-lab';

interface Host {
  server: AdbServerHandle;
  lab: VirtualLab;
}

const hosts: Host[] = [];
let labHosts: LabHosts;

async function startHost(profiles: string[], port?: number): Promise<Host> {
  const server = await startAdbServer(port === undefined ? {} : { port });
  const lab = await VirtualLab.start({ adbPort: server.port });
  await lab.addPhones(profiles.map((profile) => ({ profile })));
  return { server, lab };
}

const waitFor = (predicate: (list: readonly TrackedDevice[]) => boolean, timeoutMs?: number) =>
  waitForDevices(labHosts, predicate, timeoutMs);

const logger = createLogger({ scope: 'test', level: 'error' });

beforeAll(async () => {
  hosts.push(await startHost(['xiaomi-hyperos2-android14-2']));
  hosts.push(await startHost(['huawei-emui10-android10-1', 'oppo-coloros15-android15-1']));
  hosts.push(await startHost(['vivo-originos5-android15-1']));
  labHosts = new LabHosts(
    hosts.map((h, i) => ({
      name: i === 0 ? 'local' : `lab-${i}`,
      address: '127.0.0.1',
      port: h.server.port,
    })),
    { bin: '/usr/bin/adb', startServer: false },
    systemClock,
    logger,
  );
  labHosts.start();
  await waitFor((list) => list.filter((d) => d.rawState === 'device').length === 4);
}, 60_000);

afterAll(async () => {
  labHosts?.stop();
  for (const h of hosts) {
    await h.lab.close().catch(() => {});
    await h.server.stop().catch(() => {});
  }
});

describe('LabHosts', { timeout: 60_000 }, () => {
  it('lists every host’s phones, bare serials on the primary and host/serial elsewhere', () => {
    const keys = labHosts.list().map((d) => d.serial);
    const primary = hosts[0]!.lab.phones().map((p) => p.serial);
    const second = hosts[1]!.lab.phones().map((p) => `lab-1/${p.serial}`);
    expect(keys).toEqual(expect.arrayContaining([...primary, ...second]));
    expect(labHosts.hosts().map((h) => [h.name, h.state])).toEqual([
      ['local', 'connected'],
      ['lab-1', 'connected'],
      ['lab-2', 'connected'],
    ]);
  });

  it('reaches each phone through its own host, and names it by its key', async () => {
    const key = `lab-2/${hosts[2]!.lab.phones()[0]!.serial}`;
    const io = labHosts.device(key);
    expect(io.serial).toBe(key);
    expect((await io.shell('getprop ro.product.manufacturer')).trim()).toMatch(/vivo/i);
    expect(() => labHosts.device('nowhere/ABC')).toThrow(/No lab host is named "nowhere"/);
  });

  it('a phone unplugged on one host leaves only that host, and comes back when plugged in', async () => {
    const lab = hosts[2]!.lab;
    const phone = lab.phones()[0]!;
    const key = `lab-2/${phone.serial}`;
    await lab.unplug(phone.id);
    await waitFor((list) => !list.some((d) => d.serial === key));
    expect(labHosts.list().filter((d) => d.rawState === 'device')).toHaveLength(3);
    await lab.plug(phone.id);
    await waitFor((list) => list.some((d) => d.serial === key && d.rawState === 'device'));
  });

  it('a dead host takes only its phones away; the others stay; it comes back on its own', async () => {
    const dead = hosts[1]!;
    const deadKeys = dead.lab.phones().map((p) => `lab-1/${p.serial}`);
    await dead.server.adb(['kill-server']).catch(() => {});
    await waitFor((list) => !list.some((d) => deadKeys.includes(d.serial)));
    expect(labHosts.hosts().find((h) => h.name === 'lab-1')?.state).not.toBe('connected');
    expect(labHosts.status().state).toBe('connected');
    const alive = labHosts.list().filter((d) => d.rawState === 'device');
    expect(alive).toHaveLength(2);
    // The lab host's own adb server comes back (as a lab host's service would). It forgot its
    // `adb connect` phones; PushLab connects them again through that host, as it does for the primary.
    dead.server = await startAdbServer({ port: dead.server.port });
    await waitFor((list) =>
      deadKeys.every((k) => list.some((d) => d.serial === k && d.rawState === 'device')),
    );
    expect(labHosts.hosts().find((h) => h.name === 'lab-1')?.state).toBe('connected');
  });
});
