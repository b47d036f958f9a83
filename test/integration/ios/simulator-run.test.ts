/**
 * A run plan on a simulator with the simctl sender, through the fake xcrun: the app goes to the
 * foreground, background, terminated (swiped away) and through a reboot with simctl, each push is
 * read back from DeliveredNotifications.plist, and the verdicts follow the iOS expectations
 * (shown passes; foreground is "not shown", proven by the positive control). What a simulator
 * cannot answer is blocked with the reason, and an app that never asked for permission blocks
 * the whole simulator with what to do.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunDetail } from '../../../shared/domain/run';
import { createLabCore, type LocalLabCore } from '../../../electron/lab/compose';
import { silentLogger } from '../../../electron/lab/util/logger';
import { eventually } from '../../support/core-lab';
import { freePort } from '../../virtual-lab';
import { startFakeXcrun, XCODE16, type FakeXcrun } from '../../virtual-lab/ios/fake-xcrun';

const BUNDLE = 'com.pushlab.demo';
const IPAD = XCODE16.bootedIpad;
const IPHONE = XCODE16.iphone15;

let dir: string;
let fake: FakeXcrun;
let core: LocalLabCore;

function plan(udid: string, scenarios: string[]): Record<string, unknown> {
  return {
    name: 'iOS simulator run',
    app: {
      package: BUNDLE,
      accounts: { serials: { [udid]: { account: 'qa_ios' } } },
      login: { kind: 'deeplink', uri: 'pushlabdemo://login?account={account}' },
    },
    phones: { serials: [udid] },
    scenarios,
    repeats: 1,
    sender: { kind: 'simctl' },
    timeouts: { pushMs: 1500, stepMs: 15_000 },
  };
}

const byScenario = (detail: RunDetail) => new Map(detail.attempts.map((a) => [a.scenarioId, a]));
const lines = (detail: RunDetail) =>
  detail.attempts
    .map(
      (a) =>
        `${a.scenarioId}: ${a.verdict?.kind} ${a.verdict?.reason.key} ${JSON.stringify(a.verdict?.reason.values ?? {})}`,
    )
    .join('\n');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pushlab-ios-run-'));
  fake = await startFakeXcrun({ boot: [IPHONE] });
  await fake.installApp(IPAD, {
    bundleId: BUNDLE,
    name: 'PushLabDemo',
    urlSchemes: ['pushlabdemo'],
    prompt: 'allow',
  });
  // On the iPhone the app is installed but nobody has answered its permission prompt.
  await fake.installApp(IPHONE, { bundleId: BUNDLE, name: 'PushLabDemo', urlSchemes: ['pushlabdemo'] });
  core = await createLabCore({
    dataDir: dir,
    // No adb server in this test: the simulator needs none.
    adb: { host: '127.0.0.1', port: await freePort(), bin: 'adb', startServer: false },
    shell: 'test',
    logger: silentLogger,
    env: { ...fake.env, PUSHLAB_SIMCTL_POLL_MS: '100' },
    capturePollMs: 50,
  });
  await eventually(
    () =>
      core.services.registry.get(IPAD)?.state === 'device' &&
      core.services.registry.get(IPHONE)?.state === 'device',
    20_000,
    'both simulators listed',
  );
}, 60_000);

afterAll(async () => {
  await core?.close();
  await fake?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('runs on a simulator (simctl sender)', () => {
  it('judges foreground, background, terminated and after-reboot text pushes from what iOS delivered', async () => {
    const runs = core.services.runs;
    const { runId } = await runs.start(
      plan(IPAD, [
        'foreground-text',
        'background-c2c-text',
        'swiped-away-text',
        'after-reboot-text',
        'background-title-desc',
        'background-ext-redirect',
        'logged-out-text',
        'notifications-blocked',
        'doze-text',
      ]),
    );
    const summary = await runs.settled(runId);
    const detail = runs.get(runId);
    expect(summary.status, lines(detail)).toBe('completed');
    const v = byScenario(detail);
    const kind = (id: string) => `${v.get(id)?.verdict?.kind} ${v.get(id)?.verdict?.reason.key}`;
    expect(kind('background-c2c-text'), lines(detail)).toBe('pass pass.shown');
    expect(kind('swiped-away-text'), lines(detail)).toBe('pass pass.shown');
    expect(kind('after-reboot-text'), lines(detail)).toBe('pass pass.shown');
    expect(kind('background-title-desc'), lines(detail)).toBe('pass pass.shown');
    // In the foreground iOS hands the push to the app and shows nothing; the background push proved the channel.
    expect(kind('foreground-text'), lines(detail)).toBe('pass pass.not-shown');
    // The ext arrived, but no tap driver proves the redirect on a simulator.
    expect(kind('background-ext-redirect'), lines(detail)).toBe('inconclusive inconclusive.tap-unverified');
    expect(kind('logged-out-text'), lines(detail)).toBe('blocked blocked.setup-failed');
    expect(String(v.get('logged-out-text')?.verdict?.reason.values.message)).toContain(
      'without the IM backend',
    );
    expect(kind('notifications-blocked'), lines(detail)).toBe('blocked blocked.setup-failed');
    expect(kind('doze-text'), lines(detail)).toBe('not-run not-run.not-applicable');

    // The pass holds the record iOS stored: body per the iOS display rules, latency from its date.
    const shown = runs.attempt(v.get('background-c2c-text')!.id);
    const record = shown.evidence.find((e) => e.kind === 'record')?.data as {
      records: Array<{ body: string; deliveredAt: number; userInfo: Record<string, unknown> }>;
    };
    expect(record.records[0]?.body).toBe('Denny:PushLab offline check');
    expect(shown.attempt.verdict?.details.latencyMs).toEqual(expect.any(Number));
    expect(shown.evidence.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['state', 'send', 'record', 'screenshot']),
    );
    const send = shown.evidence.find((e) => e.kind === 'send')?.data as { payload: Record<string, unknown> };
    expect(send.payload['Simulator Target Bundle']).toBe(BUNDLE);

    // What the fake saw: the foreground push reached the app without being shown.
    const pushes = (await fake.log()).filter((e) => e.op === 'push');
    expect(pushes.map((p) => p.outcome)).toContain('delivered to the app in the foreground (not shown)');
    expect(
      (await fake.log()).some(
        (e) => e.op === 'openurl' && String(e.url).startsWith('pushlabdemo://login?account=qa_ios'),
      ),
    ).toBe(true);
  }, 120_000);

  it('an app that never got an answer to its permission prompt blocks the simulator, saying what to do', async () => {
    const runs = core.services.runs;
    const { runId } = await runs.start(plan(IPHONE, ['background-c2c-text']));
    await runs.settled(runId);
    const attempt = runs.get(runId).attempts[0];
    expect(attempt?.verdict?.kind).toBe('blocked');
    expect(attempt?.verdict?.details.error).toMatchObject({
      code: 'DEVICE_NOT_READY',
      hint: expect.stringContaining('tap Allow'),
    });
  }, 60_000);

  it('refuses a simctl plan that names an Android phone or an unknown device', async () => {
    await expect(
      core.services.runs.start({
        ...plan(IPAD, ['background-c2c-text']),
        phones: { serials: ['emulator-5556'] },
      }),
    ).rejects.toMatchObject({ code: 'DEVICE_NOT_FOUND' });
  });
});
