/**
 * "Start virtual lab" from a core that talks to the user's adb server (5037 in real life; a
 * private stand-in here): the virtual phones are announced only to the lab's own server, the core
 * follows the lab there while it runs (the board shows the phones), and comes back when it stops.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoLabController } from '../../../electron/demo/virtual-lab-controller';
import { createLabCore, type LocalLabCore } from '../../../electron/lab/compose';
import { silentLogger } from '../../../electron/lab/util/logger';
import { eventually } from '../../support/core-lab';
import { startAdbServer, type AdbServerHandle } from '../../virtual-lab';

const PROFILES = ['xiaomi-hyperos2-android14-2', 'google-pixel-android15-1'];

let users: AdbServerHandle;
let labServer: AdbServerHandle;
let dir: string;
let core: LocalLabCore;

beforeAll(async () => {
  [users, labServer] = await Promise.all([startAdbServer(), startAdbServer()]);
  dir = await mkdtemp(join(tmpdir(), 'pushlab-lab-adb-'));
  const lab = createDemoLabController({
    adbHost: '127.0.0.1',
    adbPort: labServer.port,
    profiles: PROFILES,
    realisticTiming: false,
  });
  core = await createLabCore({
    dataDir: dir,
    adb: { host: '127.0.0.1', port: users.port, bin: users.bin, startServer: false },
    shell: 'test',
    logger: silentLogger,
    virtualLab: lab,
  });
  await core.services.tracker.waitUntilConnected(10_000);
}, 60_000);

afterAll(async () => {
  await core?.invoke('lab:stop', []);
  await core?.close();
  await Promise.all([users?.stop(), labServer?.stop()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

const devicesOn = async (server: AdbServerHandle): Promise<string> => (await server.adb(['devices'])).stdout;

describe('the virtual lab keeps to its own adb server', () => {
  it('announces phones only there, and the core shows them while the lab runs', async () => {
    const started = await core.invoke('lab:start', [{}]);
    if (!started.ok) throw new Error(started.error.message);
    const serials = started.value.phones.map((p) => p.serial);
    expect(serials).toHaveLength(2);
    expect(core.services.tracker.status().port).toBe(labServer.port);
    for (const serial of serials) await core.services.registry.waitForIdentity(serial, 20_000);
    const onLab = await devicesOn(labServer);
    const onUsers = await devicesOn(users);
    for (const serial of serials) {
      expect(onLab).toContain(serial);
      expect(onUsers).not.toContain(serial);
    }
  }, 90_000);

  it("goes back to the user's server when the lab stops", async () => {
    const stopped = await core.invoke('lab:stop', []);
    expect(stopped.ok && stopped.value.phones).toEqual([]);
    expect(core.services.tracker.status().port).toBe(users.port);
    await core.services.tracker.waitUntilConnected(10_000);
    await eventually(
      () => core.services.registry.snapshot().devices.length === 0,
      10_000,
      'the virtual phones to leave the board',
    );
    // A second start follows the lab again.
    const again = await core.invoke('lab:start', [{}]);
    expect(again.ok).toBe(true);
    expect(core.services.tracker.status().port).toBe(labServer.port);
  }, 90_000);
});
