/**
 * The core's simulators:* handlers against the fake xcrun (Xcode 16 capture): the list has shut-down
 * and unusable simulators, boot and shutdown change the state simctl reports, the registry emits a
 * devices:changed for it, and a bad, unknown or unusable UDID is a typed error that names the fix.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLabCore, type LocalLabCore } from '../../../electron/lab/compose';
import { silentLogger } from '../../../electron/lab/util/logger';
import { eventually } from '../../support/core-lab';
import { freePort } from '../../virtual-lab';
import { startFakeXcrun, XCODE16, type FakeXcrun } from '../../virtual-lab/ios/fake-xcrun';

const UNUSABLE = 'E1A75B48-12AA-42A0-AD58-5AAEF4DBAEA5';
let dir: string;
let fake: FakeXcrun;
let core: LocalLabCore;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pushlab-sim-channels-'));
  fake = await startFakeXcrun();
  core = await createLabCore({
    dataDir: join(dir, 'data'),
    adb: { host: '127.0.0.1', port: await freePort(), bin: 'adb', startServer: false },
    shell: 'test',
    logger: silentLogger,
    env: { ...fake.env, PUSHLAB_SIMCTL_POLL_MS: '100' },
  });
  await core.services.simulatorTracker.settled();
}, 60_000);

afterAll(async () => {
  await core?.close();
  await fake?.close();
  await rm(dir, { recursive: true, force: true });
});

async function list() {
  const result = await core.invoke('simulators:list', []);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('simulators:* handlers', () => {
  it('lists booted, shut-down and unusable iOS simulators', async () => {
    await eventually(async () => expect((await list()).length).toBeGreaterThan(0));
    const all = await list();
    expect(all.find((s) => s.udid === XCODE16.bootedIpad)).toMatchObject({ state: 'Booted', usable: true });
    expect(all.find((s) => s.udid === XCODE16.iphone16Pro)).toMatchObject({
      state: 'Shutdown',
      usable: true,
      unusableReason: null,
    });
    expect(all.find((s) => s.udid === UNUSABLE)).toMatchObject({
      usable: false,
      unusableReason: expect.stringContaining('runtime profile not found'),
    });
    expect(all.every((s) => s.platform === 'iOS')).toBe(true);
  });

  it('boots and shuts down by UDID, and the board hears of it', async () => {
    const events: string[] = [];
    const off = core.subscribe((event) => {
      if (event === 'devices:changed') events.push(event);
    });
    try {
      const booted = await core.invoke('simulators:boot', [XCODE16.iphone16Pro]);
      expect(booted).toMatchObject({ ok: true, value: { udid: XCODE16.iphone16Pro, state: 'Booted' } });
      await eventually(async () => expect(events.length).toBeGreaterThan(0));
      expect((await list()).find((s) => s.udid === XCODE16.iphone16Pro)?.state).toBe('Booted');
      const down = await core.invoke('simulators:shutdown', [XCODE16.iphone16Pro.toLowerCase()]);
      expect(down).toMatchObject({ ok: true, value: { udid: XCODE16.iphone16Pro, state: 'Shutdown' } });
      await eventually(async () =>
        expect((await list()).find((s) => s.udid === XCODE16.iphone16Pro)?.state).toBe('Shutdown'),
      );
      expect(
        (await fake.log()).filter((e) => e.op === 'boot' || e.op === 'shutdown').map((e) => e.op),
      ).toEqual(['boot', 'shutdown']);
    } finally {
      off();
    }
  });

  it("takes the board's screenshot of a booted simulator through its platform, leaving no temporary file", async () => {
    const temporary = async () => (await readdir(tmpdir())).filter((n) => n.startsWith('pushlab-screen-'));
    const before = await temporary();
    await eventually(async () =>
      expect(
        (await core.invoke('devices:snapshot', [])).ok &&
          core.services.registry.get(XCODE16.bootedIpad)?.state,
      ).toBe('device'),
    );
    const shot = await core.invoke('devices:screenshot', [XCODE16.bootedIpad]);
    if (!shot.ok) throw new Error(shot.error.message);
    const png = await readFile(shot.value.path);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(shot.value.sizeBytes).toBe(png.length);
    expect(await temporary()).toEqual(before);
  });

  it('refuses a bad, unknown or unusable UDID with a typed error in en and zh', async () => {
    const bad = await core.invoke('simulators:boot', ['-help']);
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    const unknown = await core.invoke('simulators:boot', ['00000000-0000-0000-0000-000000000000']);
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'DEVICE_NOT_FOUND', hint: expect.stringContaining('pushlab simulators') },
    });
    const unusable = await core.invoke('simulators:boot', [UNUSABLE]);
    expect(unusable).toMatchObject({
      ok: false,
      error: { code: 'DEVICE_NOT_READY', message: expect.stringContaining('runtime profile not found') },
    });
    if (unusable.ok) return;
    expect(unusable.error.zh?.message).toContain('无法启动');
    expect((await fake.log()).filter((e) => e.op === 'boot').length).toBe(1);
  });
});
