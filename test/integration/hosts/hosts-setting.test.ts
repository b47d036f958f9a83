/**
 * The hosts list as an app setting, live, against two real adb 29 servers with a virtual phone each:
 * the core starts on one server (no hosts file yet); a second host saved through invoke joins the
 * board with its phone, without a restart; a bad list is refused and nothing stored is lost; the
 * host removed again takes its phone off the board. A check reaches a server, or says what to do.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceSnapshot } from '../../../shared/domain/device';
import type { LabHost, LabHostEntry } from '../../../shared/domain/lab-host';
import { createLabCore, type LocalLabCore } from '../../../electron/lab/compose';
import { silentLogger } from '../../../electron/lab/util/logger';
import { eventually } from '../../support/core-lab';
import { startAdbServer, VirtualLab, type AdbServerHandle } from '../../virtual-lab';

let hostA: AdbServerHandle;
let hostB: AdbServerHandle;
let labA: VirtualLab;
let labB: VirtualLab;
let core: LocalLabCore;
let dir: string;
let file: string;
let local: LabHost;
let second: LabHost;
const snapshots: DeviceSnapshot[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pushlab-hosts-setting-'));
  file = join(dir, 'hosts.json');
  hostA = await startAdbServer();
  hostB = await startAdbServer();
  labA = await VirtualLab.start({ adbPort: hostA.port });
  labB = await VirtualLab.start({ adbPort: hostB.port });
  await labA.addPhones([{ profile: 'xiaomi-hyperos2-android14-2' }]);
  await labB.addPhones([{ profile: 'vivo-originos5-android15-1' }]);
  local = { name: 'local', address: '127.0.0.1', port: hostA.port };
  second = { name: 'lab-b', address: '127.0.0.1', port: hostB.port };
  // As the app starts without a hosts.json: one adb server, and the file it may write.
  core = await createLabCore({
    dataDir: dir,
    adb: { host: '127.0.0.1', port: hostA.port, bin: hostA.bin, startServer: false },
    hostsFile: file,
    shell: 'test',
    logger: silentLogger,
  });
  core.subscribe((event, payload) => {
    if (event === 'devices:changed') snapshots.push(payload as DeviceSnapshot);
  });
  await core.services.tracker.waitUntilConnected(10_000);
  await core.services.registry.waitForIdentity(labA.phones()[0]!.serial, 20_000);
}, 90_000);

afterAll(async () => {
  await core?.close();
  await labA?.close().catch(() => {});
  await labB?.close().catch(() => {});
  await hostA?.stop().catch(() => {});
  await hostB?.stop().catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

const keyOnB = () => `lab-b/${labB.phones()[0]!.serial}`;
const onBoard = (key: string) => core.services.registry.snapshot().devices.find((d) => d.serial === key);

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the hosts list as an app setting', { timeout: 60_000 }, () => {
  it('lists the one server it started with as the editable primary', async () => {
    const listed = await core.invoke('hosts:list', []);
    expect(listed.ok && listed.value).toMatchObject({
      editable: true,
      file,
      hosts: [{ ...local, primary: true, state: 'connected', phones: 1, error: null }],
    });
  });

  it('checks a host before it is added, and says what to do when nothing answers', async () => {
    const checked = await core.invoke('hosts:check', [{ address: '127.0.0.1', port: hostB.port }]);
    expect(checked.ok && checked.value).toMatchObject({ address: '127.0.0.1', port: hostB.port, phones: 1 });
    expect(checked.ok && checked.value.serverVersion).toBeGreaterThan(30);
    const port = await closedPort();
    const refused = await core.invoke('hosts:check', [{ address: '127.0.0.1', port }]);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('ADB_UNREACHABLE');
    expect(refused.error.message).toBe(`No adb server answers at 127.0.0.1:${port}.`);
    expect(refused.error.hint).toContain(`adb -a -P ${port} server nodaemon`);
    expect(refused.error.zh?.hint).toContain('SSH 隧道');
  });

  it('adds a second host live: its phone joins the board with its host, and the file is written', async () => {
    const saved = await core.invoke('hosts:save', [[local, second]]);
    expect(saved.ok).toBe(true);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual([local, second]);
    const phone = await eventually(() => onBoard(keyOnB()), 20_000, 'the lab-b phone on the board');
    expect(phone.host).toBe('lab-b');
    await core.services.registry.waitForIdentity(keyOnB(), 20_000);
    expect(onBoard(keyOnB())?.identity?.manufacturer.toLowerCase()).toBe('vivo');
    expect(onBoard(labA.phones()[0]!.serial)?.state).toBe('device');
    // The board heard it: a devices:changed snapshot lists both hosts.
    expect(snapshots.at(-1)?.hosts?.map((h) => [h.name, h.state])).toEqual([
      ['local', 'connected'],
      ['lab-b', 'connected'],
    ]);
    const listed = await core.invoke('hosts:list', []);
    expect(listed.ok && listed.value.hosts.map((h) => [h.name, h.state, h.phones])).toEqual([
      ['local', 'connected', 1],
      ['lab-b', 'connected', 1],
    ]);
  });

  it('adds a host nothing answers on without holding up the others, and says how to expose it', async () => {
    const dead: LabHost = { name: 'lab-dead', address: '127.0.0.1', port: await closedPort() };
    const saved = await core.invoke('hosts:save', [[local, second, dead]]);
    expect(saved.ok).toBe(true);
    let down: LabHostEntry | undefined;
    for (const until = Date.now() + 10_000; !down?.error && Date.now() < until;) {
      await new Promise((r) => setTimeout(r, 50));
      const listed = await core.invoke('hosts:list', []);
      down = listed.ok ? listed.value.hosts.find((h) => h.name === 'lab-dead') : undefined;
    }
    expect(down).toMatchObject({ state: expect.stringMatching(/reconnecting|unreachable/), phones: 0 });
    expect(down?.error?.hint).toContain(`adb -a -P ${dead.port} server nodaemon`);
    expect(onBoard(keyOnB())?.state).toBe('device');
    expect(core.services.registry.snapshot().adb.state).toBe('connected');
    const back = await core.invoke('hosts:save', [[local, second]]);
    expect(back.ok && back.value.hosts.map((h) => h.name)).toEqual(['local', 'lab-b']);
  });

  it('refuses a bad list and loses nothing stored or tracked', async () => {
    for (const bad of [
      [local, { ...second, port: 0 }],
      [local, second, { ...second, port: hostA.port }],
      [{ ...local, port: hostB.port }, second],
    ]) {
      const refused = await core.invoke('hosts:save', [bad]);
      expect(refused.ok).toBe(false);
      expect(!refused.ok && refused.error.code).toBe('INVALID_ARGUMENT');
      expect(!refused.ok && refused.error.zh?.message).toBeTruthy();
    }
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual([local, second]);
    expect(onBoard(keyOnB())?.state).toBe('device');
  });

  it('removes the host live: its phone leaves the board, the primary’s stays', async () => {
    const saved = await core.invoke('hosts:save', [[local]]);
    expect(saved.ok && saved.value.hosts.map((h) => h.name)).toEqual(['local']);
    await eventually(() => onBoard(keyOnB()) === undefined, 10_000, 'the lab-b phone to leave');
    expect(core.services.registry.snapshot().hosts?.map((h) => h.name)).toEqual(['local']);
    expect(onBoard(labA.phones()[0]!.serial)?.state).toBe('device');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual([local]);
  });
});
