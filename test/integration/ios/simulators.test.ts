/**
 * iOS simulators beside virtual Android phones, through the fake xcrun replaying a real Xcode 16
 * `simctl list -j`: they appear in the registry snapshot and `pushlab devices --json`, boot and
 * shutdown show up live like plug and unplug, and without xcrun (or without simctl) the status
 * line says what is missing while the Android phones work on.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceSnapshot } from '../../../shared/domain/device';
import { createLabCore, type LocalLabCore } from '../../../electron/lab/compose';
import { silentLogger } from '../../../electron/lab/util/logger';
import { eventually } from '../../support/core-lab';
import { startAdbServer, VirtualLab, type AdbServerHandle } from '../../virtual-lab';
import { startFakeXcrun, XCODE16, type FakeXcrun } from '../../virtual-lab/ios/fake-xcrun';

const run = promisify(execFile);
const CLI = join(process.cwd(), 'electron/cli/pushlab.mjs');
const IPHONE_16_PRO = XCODE16.iphone16Pro;

let dir: string;
let server: AdbServerHandle;
let lab: VirtualLab;
let fake: FakeXcrun;

async function openCore(env: NodeJS.ProcessEnv, name: string): Promise<LocalLabCore> {
  const core = await createLabCore({
    dataDir: join(dir, name),
    adb: { host: '127.0.0.1', port: server.port, bin: server.bin, startServer: false },
    shell: 'test',
    logger: silentLogger,
    env: { ...env, PUSHLAB_SIMCTL_POLL_MS: '100' },
  });
  await core.services.tracker.waitUntilConnected(10_000);
  return core;
}

async function cli(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { env, maxBuffer: 8 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pushlab-ios-it-'));
  server = await startAdbServer();
  lab = await VirtualLab.start({ adbPort: server.port });
  await lab.addPhones([{ profile: 'google-pixel-android15-1' }]);
  fake = await startFakeXcrun();
}, 60_000);

afterAll(async () => {
  await lab?.close();
  await server?.stop();
  await fake?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('simulators beside Android phones', () => {
  it('shows the booted simulator next to the phone, and boot / shutdown live like plug / unplug', async () => {
    const core = await openCore(fake.env, 'live');
    try {
      const both = await eventually(
        () => {
          const s = core.services.registry.snapshot();
          return s.devices.some((d) => d.platform === 'ios') &&
            s.devices.some((d) => d.platform === 'android' && d.identityStatus === 'ready')
            ? s
            : undefined;
        },
        20_000,
        'a simulator and a phone',
      );
      const ipad = both.devices.find((d) => d.platform === 'ios');
      expect(ipad).toMatchObject({
        serial: XCODE16.bootedIpad,
        state: 'device',
        transport: 'simulator',
        identity: {
          model: 'iPad Pro 11-inch (M4)',
          rom: { name: 'iOS', version: '18.0' },
          pushChannel: 'apns',
        },
      });
      expect(both.ios).toMatchObject({ available: true, reason: null });
      expect(both.ios?.shutdown).toBeGreaterThan(10);
      expect(core.services.registry.get(XCODE16.bootedIpad)?.platform).toBe('ios');

      const events: DeviceSnapshot[] = [];
      const off = core.subscribe(
        (event, payload) => event === 'devices:changed' && events.push(payload as DeviceSnapshot),
      );
      expect((await fake.simctl(['boot', IPHONE_16_PRO])).code).toBe(0);
      await eventually(
        () => events.some((e) => e.devices.some((d) => d.serial === IPHONE_16_PRO && d.state === 'device')),
        10_000,
        'the booted iPhone in an event',
      );
      expect((await fake.simctl(['shutdown', IPHONE_16_PRO])).code).toBe(0);
      await eventually(
        () => !core.services.registry.snapshot().devices.some((d) => d.serial === IPHONE_16_PRO),
        10_000,
        'the iPhone gone after shutdown',
      );
      off();
      // The simulator is remembered like a phone.
      expect(core.services.registry.snapshot().devices.filter((d) => d.platform === 'android')).toHaveLength(
        1,
      );
    } finally {
      await core.close();
    }
  }, 60_000);

  it('`pushlab devices --json` lists the simulator with platform "ios" beside the phone', async () => {
    const env = { ...fake.env, ANDROID_ADB_SERVER_PORT: String(server.port) };
    const { code, stdout, stderr } = await cli(
      ['devices', '--json', '--adb-port', String(server.port), '--db', join(dir, 'cli.db')],
      env,
    );
    expect(code, stderr).toBe(0);
    const devices = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(devices.map((d) => d.platform).sort()).toEqual(['android', 'ios']);
    const ios = devices.find((d) => d.platform === 'ios');
    expect(ios).toMatchObject({
      serial: XCODE16.bootedIpad,
      state: 'device',
      transport: 'simulator',
      manufacturer: 'Apple',
      vendor: 'ios',
      model: 'iPad Pro 11-inch (M4)',
      iosVersion: '18.0',
      androidVersion: null,
      pushChannel: 'apns',
      rom: { name: 'iOS', version: '18.0' },
      simulator: { state: 'Booted' },
    });
    expect(stderr).toContain('iOS: 1 simulator booted');
  }, 60_000);

  it('without xcrun: one line says what is missing, and the phone works on', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: '/usr/bin:/bin' };
    const core = await openCore(env, 'no-xcrun');
    try {
      await core.services.simulatorTracker.settled();
      const snapshot = await eventually(
        () => {
          const s = core.services.registry.snapshot();
          return s.devices.some((d) => d.identityStatus === 'ready') ? s : undefined;
        },
        20_000,
        'the phone identified',
      );
      expect(snapshot.devices.map((d) => d.platform)).toEqual(['android']);
      expect(snapshot.ios).toEqual({
        available: false,
        reason: process.platform === 'darwin' ? 'no-xcrun' : 'not-macos',
        detail: null,
        shutdown: 0,
      });
      // A simctl plan is refused before anything is stored, with the same reason.
      const before = core.services.runs.list().length;
      const plan = {
        name: 'ios',
        app: {
          package: 'com.pushlab.demo',
          accounts: { serials: { [XCODE16.bootedIpad]: { account: 'qa' } } },
          login: { kind: 'operator', prompt: 'log in' },
        },
        phones: { serials: [XCODE16.bootedIpad] },
        scenarios: ['background-c2c-text'],
        repeats: 1,
        sender: { kind: 'simctl' },
      };
      await expect(core.services.runs.start(plan)).rejects.toMatchObject({
        code: 'PLAN_INVALID',
        message: expect.stringMatching(/simctl sender cannot run here: iOS simulators need/),
      });
      expect(core.services.runs.list()).toHaveLength(before);
    } finally {
      await core.close();
    }
    const { code, stdout } = await cli(
      ['devices', '--adb-port', String(server.port), '--db', join(dir, 'cli2.db')],
      env,
    );
    expect(code).toBe(0);
    expect(stdout).toContain('Android 15');
    expect(stdout).toMatch(
      process.platform === 'darwin' ? /`xcrun` was not found/ : /iOS simulators need a Mac with Xcode/,
    );
  }, 60_000);

  it('xcrun without simctl (Command Line Tools only) is named as such', async () => {
    const core = await openCore({ ...fake.env, FAKE_XCRUN_NO_SIMCTL: '1' }, 'no-simctl');
    try {
      await core.services.simulatorTracker.settled();
      expect(core.services.registry.snapshot().ios).toMatchObject({
        available: false,
        reason: 'no-simctl',
        detail: expect.stringContaining('unable to find utility "simctl"'),
      });
    } finally {
      await core.close();
    }
  }, 30_000);
});
