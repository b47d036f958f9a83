/**
 * A run across two lab hosts (two adb servers) in which one host dies: its phones' remaining
 * attempts become device-lost, the other host's phones finish with verdicts of their own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLabCore, type LocalLabCore } from '../../../electron/lab/compose';
import { silentLogger } from '../../../electron/lab/util/logger';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '../../support/core-lab';
import { startAdbServer, type AdbServerHandle } from '../../virtual-lab';
import { PUSH_LAB_SECRET_ENV, startPushLab, type PushLab } from '../../virtual-lab/push-lab';

let hostA: AdbServerHandle;
let hostB: AdbServerHandle;
let world: PushLab;
let core: LocalLabCore;
let dir: string;
/** Phone id -> the key PushLab knows it by. */
const keys = new Map<string, string>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pushlab-hosts-run-'));
  hostA = await startAdbServer();
  hostB = await startAdbServer();
  world = await startPushLab({
    adbPort: hostA.port,
    realisticTiming: false,
    phones: [
      { profile: 'xiaomi-hyperos2-android14-2', id: 'mi', account: 'qa_xiaomi' },
      { profile: 'google-pixel-android15-1', id: 'pixel', account: 'qa_pixel' },
      { profile: 'vivo-originos5-android15-1', id: 'vivo', account: 'qa_vivo' },
      { profile: 'oppo-coloros15-android15-1', id: 'oppo', account: 'qa_oppo' },
    ],
  });
  // vivo and oppo move to the second host: plugged into its computer, no longer into the first.
  for (const phone of world.phones) {
    if (phone.id === 'vivo' || phone.id === 'oppo') {
      await hostB.adb(['connect', phone.serial]);
      await hostA.adb(['disconnect', phone.serial]);
      keys.set(phone.id, `lab-b/${phone.serial}`);
    } else keys.set(phone.id, phone.serial);
  }
  core = await createLabCore({
    dataDir: dir,
    adb: { host: '127.0.0.1', port: hostA.port, bin: hostA.bin, startServer: false },
    hosts: [
      { name: 'local', address: '127.0.0.1', port: hostA.port },
      { name: 'lab-b', address: '127.0.0.1', port: hostB.port },
    ],
    shell: 'test',
    logger: silentLogger,
    env: { ...process.env, ...hostA.env, [PUSH_LAB_SECRET_ENV]: world.tencent.secretKey },
  });
  await core.services.tracker.waitUntilConnected(10_000);
  await Promise.all([...keys.values()].map((key) => core.services.registry.waitForIdentity(key, 20_000)));
}, 90_000);

afterAll(async () => {
  await core?.close();
  await world?.close();
  await hostA?.stop();
  await hostB?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('a run across lab hosts', () => {
  it('shows each phone with its host on the board', () => {
    const snapshot = core.services.registry.snapshot();
    const byKey = new Map(snapshot.devices.map((d) => [d.serial, d]));
    expect(byKey.get(keys.get('vivo')!)?.host).toBe('lab-b');
    expect(byKey.get(keys.get('mi')!)?.host).toBeUndefined();
    expect(byKey.get(keys.get('vivo')!)?.identity?.manufacturer.toLowerCase()).toBe('vivo');
    expect(snapshot.hosts?.map((h) => [h.name, h.state])).toEqual([
      ['local', 'connected'],
      ['lab-b', 'connected'],
    ]);
  });

  it("survives one host dying: its phones' attempts are device-lost, the others finish", async () => {
    const runs = core.services.runs;
    const base = world.plan();
    const accounts = Object.fromEntries(world.phones.map((p) => [keys.get(p.id)!, { account: p.account }]));
    const plan = world.plan({
      phones: { serials: [...keys.values()] },
      app: { ...base.app, accounts: { serials: accounts } },
      scenarios: ['background-c2c-text', 'background-image', 'swiped-away-text'],
      repeats: 2,
      timeouts: { pushMs: 3000, stepMs: 10_000 },
    });
    const onB = new Set([keys.get('vivo'), keys.get('oppo')]);
    let judgedOnB = 0;
    let killed: Promise<unknown> | null = null;
    const { runId } = await runs.start(plan, {
      onProgress: (e) => {
        if (!e.attempt || !onB.has(e.attempt.serial) || e.attempt.status !== 'done' || killed) return;
        if (++judgedOnB === 2) killed = hostB.adb(['kill-server']).catch(() => undefined);
      },
    });
    await eventually(() => killed !== null, 90_000, 'two attempts judged on lab-b');
    await killed;
    const summary = await runs.settled(runId);
    expect(summary.status).toBe('completed');
    const attempts = runs.get(runId).attempts;
    const verdicts = (key: string | undefined) =>
      attempts.filter((a) => a.serial === key).map((a) => a.verdict?.kind);
    for (const id of ['mi', 'pixel']) {
      const v = verdicts(keys.get(id));
      expect(v).toHaveLength(6);
      expect(v.every((k) => k === 'pass')).toBe(true);
    }
    const lost = [...verdicts(keys.get('vivo')), ...verdicts(keys.get('oppo'))];
    expect(lost).toHaveLength(12);
    expect(lost.filter((k) => k === 'device-lost').length).toBeGreaterThanOrEqual(6);
    expect(lost).not.toContain('fail');
    expect(core.services.registry.snapshot().hosts?.find((h) => h.name === 'lab-b')?.state).not.toBe(
      'connected',
    );
  }, 180_000);
});
