/**
 * `pushlab simulators` against the fake xcrun: every iOS simulator with its state (shut-down ones
 * too), unusable ones with the reason, and boot / shutdown by UDID, live; bad input is refused.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../virtual-lab';
import { SIMCTL_CAPTURES, startFakeXcrun, XCODE16, type FakeXcrun } from '../../virtual-lab/ios/fake-xcrun';

const run = promisify(execFile);
const CLI = join(process.cwd(), 'electron/cli/pushlab.mjs');
let dir: string;
let fake: FakeXcrun;
let noAdbPort: number;

async function cli(
  args: string[],
  env: NodeJS.ProcessEnv = fake.env,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const all = [
    CLI,
    ...args,
    '--data-dir',
    dir,
    '--db',
    join(dir, 'cli.db'),
    '--adb-port',
    String(noAdbPort),
    '--no-start-server',
  ];
  try {
    const { stdout, stderr } = await run(process.execPath, all, { env, maxBuffer: 8 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
const stateOf = async (udid: string): Promise<unknown> => {
  const list = JSON.parse((await cli(['simulators', '--json'])).stdout) as Array<Record<string, unknown>>;
  return list.find((s) => s.udid === udid)?.state;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pushlab-sim-cli-'));
  fake = await startFakeXcrun();
  noAdbPort = await freePort();
}, 60_000);

afterAll(async () => {
  await fake?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('pushlab simulators', () => {
  it('lists booted and shut-down simulators with their state', async () => {
    const out = await cli(['simulators', '--json']);
    expect(out.code, out.stderr).toBe(0);
    const list = JSON.parse(out.stdout) as Array<Record<string, unknown>>;
    expect(list.find((s) => s.udid === XCODE16.bootedIpad)).toMatchObject({
      state: 'Booted',
      usable: true,
      unusableReason: null,
    });
    expect(list.find((s) => s.udid === XCODE16.iphone16Pro)).toMatchObject({
      state: 'Shutdown',
      usable: true,
    });
    const text = await cli(['simulators']);
    expect(text.stdout).toMatch(new RegExp(`${XCODE16.iphone16Pro}\\s+.+\\s+Shutdown`));
  }, 60_000);

  it('boots and shuts down a simulator by UDID', async () => {
    const booted = await cli(['simulators', 'boot', XCODE16.iphone16Pro]);
    expect(booted.code, booted.stderr).toBe(0);
    expect(booted.stdout).toMatch(/Booted/);
    expect(await stateOf(XCODE16.iphone16Pro)).toBe('Booted');
    const down = await cli(['simulators', 'shutdown', XCODE16.iphone16Pro]);
    expect(down.code, down.stderr).toBe(0);
    expect(await stateOf(XCODE16.iphone16Pro)).toBe('Shutdown');
  }, 60_000);

  it('refuses a bad UDID, an unknown one and a wrong action with exit 2 and what to do', async () => {
    const bad = await cli(['simulators', 'boot', 'not-a-udid;rm -rf /']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not a simulator UDID/);
    const unknown = await cli(['simulators', 'boot', '00000000-0000-0000-0000-000000000000']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/No simulator has UDID/);
    const wrong = await cli(['simulators', 'reboot', XCODE16.bootedIpad]);
    expect(wrong.code).toBe(2);
  }, 60_000);

  it('marks simulators of an unavailable runtime unusable, with the reason, and will not boot them', async () => {
    const old = await startFakeXcrun({ capture: SIMCTL_CAPTURES.xcode10 });
    try {
      const list = JSON.parse((await cli(['simulators', '--json'], old.env)).stdout) as Array<
        Record<string, unknown>
      >;
      const unusable = list.filter((s) => s.usable === false);
      expect(unusable.length).toBeGreaterThan(0);
      for (const s of unusable) expect(typeof s.unusableReason).toBe('string');
      const refused = await cli(['simulators', 'boot', String(unusable[0]?.udid)], old.env);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/cannot be booted/);
    } finally {
      await old.close();
    }
  }, 60_000);
});
