import { describe, expect, it } from 'vitest';
import { LabError } from '../../../../electron/lab/errors';
import { createApnsSender } from '../../../../electron/lab/push/apns/apns-sender';
import { SendError } from '../../../../electron/lab/push/send-error';
import type { SendRequest, SenderDeps } from '../../../../electron/lab/push/sender-types';
import { createLogger } from '../../../../electron/lab/util/logger';
import type { ApnsPlanSender } from '../../../../shared/runs/plan';
import { SCENARIOS } from '../../../../shared/scenarios';

// Port 9 on loopback: nothing listens, so any request that leaves fails fast.
const CONFIG: ApnsPlanSender = {
  kind: 'apns',
  teamId: 'TEAM123456',
  keyId: 'KEY1234567',
  key: { env: 'APNS_KEY' },
  topic: 'com.pushlab.demo',
  environment: 'sandbox',
  pushType: 'alert',
  baseUrl: 'http://127.0.0.1:9',
};
const TOKEN = 'f00dfeed'.repeat(8);

function deps(lines: string[], resolve: SenderDeps['resolveSecret']): SenderDeps {
  return {
    clock: { now: () => 1_760_000_000_000, iso: () => '' },
    logger: createLogger({ level: 'debug', sink: (l) => lines.push(l) }),
    resolveSecret: resolve,
    operator: { ask: () => Promise.resolve() },
  };
}
const request = (extra: Partial<SendRequest> = {}): SendRequest => ({
  serial: 'SIM-1',
  package: 'com.pushlab.demo',
  recipient: { account: 'qa_ios' },
  scenarioId: 'background-c2c-text',
  message: SCENARIOS.find((s) => s.id === 'background-c2c-text')!.message,
  expected: { title: null, text: null, channelId: null },
  channel: 'apns',
  deviceToken: TOKEN,
  timeoutMs: 3000,
  ...extra,
});
const failure = async (promise: Promise<unknown>): Promise<SendError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SendError);
  return error as SendError;
};

describe('APNs sender (no server)', () => {
  it('a phone without a token is PLAN_INVALID naming where to add it, before the key is read', async () => {
    let reads = 0;
    const sender = createApnsSender(
      CONFIG,
      deps([], () => ((reads += 1), Promise.resolve('key'))),
    );
    const error = await failure(sender.send(request({ deviceToken: undefined })));
    expect(error.code).toBe('PLAN_INVALID');
    expect(error.hint).toBe(
      'Add the token the app reported on this phone under app.tokens.serials["SIM-1"].',
    );
    expect(error.sentAt).toBeNull();
    expect(reads).toBe(0);
    await sender.close();
  });

  it('an FCM token is not an APNs token; the error shows only its first 8 characters', async () => {
    const fcm = 'cXyZ1234abcdefghijkl:APA91bHelloWorld_tokenTail';
    const lines: string[] = [];
    const sender = createApnsSender(
      CONFIG,
      deps(lines, () => Promise.resolve('key')),
    );
    const error = await failure(sender.send(request({ deviceToken: fcm })));
    expect(error.code).toBe('PLAN_INVALID');
    expect(error.message).toBe('The token for SIM-1 (cXyZ1234…) is not an APNs device token: those are hex.');
    expect(JSON.stringify([error.toInfo(), error.evidence, lines])).not.toContain(fcm);
    await sender.close();
  });

  it('a missing key is SECRET_UNAVAILABLE and is looked up again on the next send', async () => {
    let reads = 0;
    const sender = createApnsSender(
      CONFIG,
      deps([], () => {
        reads += 1;
        return Promise.reject(
          new LabError('SECRET_UNAVAILABLE', 'The secret from environment variable APNS_KEY is not set.', {
            hint: 'Set it.',
          }),
        );
      }),
    );
    expect((await failure(sender.send(request()))).code).toBe('SECRET_UNAVAILABLE');
    expect((await failure(sender.send(request()))).code).toBe('SECRET_UNAVAILABLE');
    expect(reads).toBe(2);
    await sender.close();
  });

  it('nothing listening is a plain SEND_FAILED, with the request kept (token masked, no bearer)', async () => {
    const { makeApnsKey } = await import('../../../virtual-lab/apns/credentials');
    const key = makeApnsKey().p8;
    const lines: string[] = [];
    const sender = createApnsSender(
      CONFIG,
      deps(lines, () => Promise.resolve(key)),
    );
    const error = await failure(sender.send(request()));
    expect(error.code).toBe('SEND_FAILED');
    expect(error.message).toBe('PushLab could not reach APNs at 127.0.0.1:9 (ECONNREFUSED).');
    expect(error.evidence).toMatchObject({
      kind: 'apns',
      environment: 'sandbox',
      deviceToken: 'f00dfeed…',
      request: {
        path: '/3/device/f00dfeed…',
        headers: {
          'apns-topic': 'com.pushlab.demo',
          'apns-push-type': 'alert',
          'apns-priority': '10',
          authorization: 'bearer [redacted]',
        },
      },
    });
    const everything = JSON.stringify([error.toInfo(), error.evidence, lines]);
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain('PRIVATE KEY');
    expect(everything).not.toMatch(/bearer ey/i);
    await sender.close();
  });
});
