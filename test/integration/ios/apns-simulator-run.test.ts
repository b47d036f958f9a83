/**
 * A run plan with the apns sender on a fake simulator: PushLab signs and sends each push over
 * HTTP/2 to the local APNs server, which checks it like Apple and hands it to the simulator the
 * token belongs to (apns-bridge.ts) as Apple's sandbox does on a Mac; iOS's rules decide what shows
 * and the capture reads DeliveredNotifications.plist. A token from the other environment (a
 * Release build's token sent to sandbox) ends blocked with the seeds' "bad devicetoken" reason.
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
import { makeApnsKey } from '../../virtual-lab/apns/credentials';
import { startApnsServer, type ApnsServer } from '../../virtual-lab/apns/server';
import { connectApnsToSimulators, type ApnsSimulatorBridge } from '../../virtual-lab/ios/apns-bridge';
import {
  simulatorDeviceToken,
  startFakeXcrun,
  XCODE16,
  type FakeXcrun,
} from '../../virtual-lab/ios/fake-xcrun';

// A bundle ID Android would refuse ("-"): plans that name simulators take it.
const BUNDLE = 'com.pushlab.demo-ios';
const TEAM = 'TEAM123456';
const KEY_ID = 'KEY1234567';
const IPAD = XCODE16.bootedIpad;
/** Its app is a Release build: its token belongs to production. */
const IPHONE = XCODE16.iphone15;
const key = makeApnsKey();

let dir: string;
let fake: FakeXcrun;
let server: ApnsServer;
let bridge: ApnsSimulatorBridge;
let core: LocalLabCore;

function plan(udid: string, token: string, scenarios: string[]): Record<string, unknown> {
  return {
    name: 'APNs to a simulator',
    app: {
      package: BUNDLE,
      accounts: { serials: { [udid]: { account: 'qa_ios' } } },
      login: { kind: 'deeplink', uri: 'pushlabdemo://login?account={account}' },
      tokens: { serials: { [udid]: token } },
    },
    phones: { serials: [udid] },
    scenarios,
    repeats: 1,
    sender: {
      kind: 'apns',
      teamId: TEAM,
      keyId: KEY_ID,
      key: { env: 'PUSHLAB_TEST_APNS_KEY' },
      topic: BUNDLE,
      environment: 'sandbox',
      baseUrl: server.url,
    },
    timeouts: { pushMs: 2000, stepMs: 15_000 },
  };
}

const lines = (detail: RunDetail) =>
  detail.attempts
    .map(
      (a) =>
        `${a.scenarioId}: ${a.verdict?.kind} ${a.verdict?.reason.key} ${JSON.stringify(a.verdict?.reason.values ?? {})}`,
    )
    .join('\n');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pushlab-apns-sim-'));
  fake = await startFakeXcrun({ boot: [IPHONE] });
  for (const udid of [IPAD, IPHONE])
    await fake.installApp(udid, {
      bundleId: BUNDLE,
      name: 'PushLabDemo',
      urlSchemes: ['pushlabdemo'],
      prompt: 'allow',
    });
  server = await startApnsServer({
    environment: 'sandbox',
    keys: [{ teamId: TEAM, keyId: KEY_ID, publicKey: key.publicKey, topics: [BUNDLE] }],
  });
  bridge = connectApnsToSimulators(server, fake, [
    { udid: IPAD, bundleId: BUNDLE },
    { udid: IPHONE, bundleId: BUNDLE, environment: 'production' },
  ]);
  core = await createLabCore({
    dataDir: dir,
    adb: { host: '127.0.0.1', port: await freePort(), bin: 'adb', startServer: false },
    shell: 'test',
    logger: silentLogger,
    env: { ...fake.env, PUSHLAB_SIMCTL_POLL_MS: '100', PUSHLAB_TEST_APNS_KEY: key.p8 },
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
  bridge?.close();
  await server?.close();
  await fake?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('runs on a simulator through the local APNs server (apns sender)', () => {
  it('sends background, swiped-away and foreground texts through APNs and judges what the simulator delivered', async () => {
    const token = simulatorDeviceToken(IPAD, BUNDLE);
    const runs = core.services.runs;
    const { runId } = await runs.start(
      plan(IPAD, token, [
        'background-c2c-text',
        'swiped-away-text',
        'foreground-text',
        'background-custom-no-desc',
      ]),
    );
    const summary = await runs.settled(runId);
    const detail = runs.get(runId);
    expect(summary.status, lines(detail)).toBe('completed');
    const v = new Map(detail.attempts.map((a) => [a.scenarioId, a]));
    const kind = (id: string) => `${v.get(id)?.verdict?.kind} ${v.get(id)?.verdict?.reason.key}`;
    expect(kind('background-c2c-text'), lines(detail)).toBe('pass pass.shown');
    expect(kind('swiped-away-text'), lines(detail)).toBe('pass pass.shown');
    // iOS gives a push to an app in the foreground without showing it; the background pass is the control.
    expect(kind('foreground-text'), lines(detail)).toBe('pass pass.not-shown');
    // Tencent would not push a custom message without desc: it goes silent, and nothing shows.
    expect(kind('background-custom-no-desc'), lines(detail)).toBe('pass pass.not-shown');

    // Every push went through APNs (none straight through simctl push), signed, to this simulator's token.
    await bridge.idle();
    const pushes = (await fake.log()).filter((e) => e.op === 'push');
    expect(pushes.length).toBe(server.accepted.length);
    expect(pushes.every((p) => p.via === 'apns' && p.udid === IPAD)).toBe(true);
    expect(pushes.map((p) => p.outcome)).toEqual(
      expect.arrayContaining([
        'shown',
        'delivered to the app in the foreground (not shown)',
        'delivered to the app (no alert)',
      ]),
    );
    expect(
      server.accepted.every((n) => n.deviceToken === token && n.topic === BUNDLE && n.teamId === TEAM),
    ).toBe(true);
    expect(server.accepted.find((n) => n.pushType === 'background')).toMatchObject({
      priority: 5,
      payload: { aps: { 'content-available': 1 } },
    });

    // The pass holds what iOS stored and the APNs receipt: apns-id as request id, the token masked.
    const shown = runs.attempt(v.get('background-c2c-text')!.id);
    const record = shown.evidence.find((e) => e.kind === 'record')?.data as {
      records: Array<{ body: string }>;
    };
    expect(record.records[0]?.body).toBe('Denny:PushLab offline check');
    const send = shown.evidence.find((e) => e.kind === 'send')?.data as {
      kind: string;
      requestId: string;
      deviceToken: string;
      answer: { status: number };
    };
    expect(send).toMatchObject({
      kind: 'apns',
      deviceToken: `${token.slice(0, 8)}…`,
      answer: { status: 200 },
    });
    expect(server.accepted.map((n) => n.apnsId)).toContain(send.requestId);
    expect(shown.steps.filter((s) => s.name === 'send').map((s) => s.detail)).toContain(
      'sent by the apns sender',
    );
    expect(JSON.stringify(detail) + JSON.stringify(shown)).not.toContain(token);
  }, 90_000);

  it("a Release build's token sent to sandbox ends blocked, explained as the Debug/Release vs sandbox/production mismatch", async () => {
    const runs = core.services.runs;
    const { runId } = await runs.start(
      plan(IPHONE, simulatorDeviceToken(IPHONE, BUNDLE, 'production'), ['background-c2c-text']),
    );
    await runs.settled(runId);
    const attempt = runs.get(runId).attempts[0];
    expect(attempt?.verdict?.kind, lines(runs.get(runId))).toBe('blocked');
    expect(attempt?.verdict?.details.error?.message).toMatch(
      /^APNs refused the push \(400 BadDeviceToken\): .*Debug build's token \(sandbox\) was sent to production, or a Release\/TestFlight\/App Store build's token \(production\) was sent to sandbox \("bad devicetoken"\)/,
    );
    expect(attempt?.verdict?.details.error?.hint).toMatch(
      /^This plan sends to sandbox, which only accepts tokens from a Debug \(development-signed\) build\./,
    );
    expect(server.requests.at(-1)).toMatchObject({ status: 400, reason: 'BadDeviceToken' });
    // Nothing reached the simulator.
    expect((await fake.log()).some((e) => e.op === 'push' && e.udid === IPHONE)).toBe(false);
  }, 60_000);
});
