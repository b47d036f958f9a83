import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFcmSender } from '../../../../electron/lab/push/fcm/fcm-sender';
import { SendError } from '../../../../electron/lab/push/send-error';
import type { SendRequest, SenderDeps } from '../../../../electron/lab/push/sender-types';
import { resolveSecret } from '../../../../electron/lab/secrets/resolve-secret';
import { createSecretStore, type SecretStore } from '../../../../electron/lab/secrets/secret-store';
import { createLogger } from '../../../../electron/lab/util/logger';
import type { FcmPlanSender } from '../../../../shared/runs/plan';
import { SCENARIOS } from '../../../../shared/scenarios';
import { makeFcmToken, makeServiceAccount } from '../../../virtual-lab/fcm/credentials';

// Nothing listens on loopback port 9: a request that leaves fails fast with ECONNREFUSED.
const CONFIG: FcmPlanSender = {
  kind: 'fcm',
  projectId: 'pushlab-demo',
  serviceAccount: { stored: 'fcm.serviceAccount' },
  baseUrl: 'http://127.0.0.1:9',
  tokenUrl: 'http://127.0.0.1:9/token',
};
const SA = makeServiceAccount({ projectId: 'pushlab-demo', tokenUri: 'https://oauth2.googleapis.com/token' });
const TOKEN = makeFcmToken();
let dir: string;
let store: SecretStore;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pushlab-fcm-unit-'));
  // A reversible stand-in for the OS cipher: enough to go through the store's file format.
  store = createSecretStore({
    dir,
    cipher: {
      isAvailable: () => true,
      encrypt: (t) => Buffer.from(t, 'utf8').reverse(),
      decrypt: (b) => Buffer.from(b).reverse().toString('utf8'),
    },
  });
  await store.set('fcm.serviceAccount', SA.json);
  await store.set('fcm.notJson', `{"private_key": "${SA.privateKey.replace(/\n/g, '\\n')}"`);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function deps(lines: string[]): SenderDeps {
  return {
    clock: { now: () => 1_760_000_000_000, iso: () => '' },
    logger: createLogger({ level: 'debug', sink: (l) => lines.push(l) }),
    resolveSecret: (ref) => resolveSecret(ref, { env: {}, store }),
    operator: { ask: () => Promise.resolve() },
  };
}
const request = (deviceToken: string | null = TOKEN): SendRequest => ({
  serial: 'PIXEL8',
  package: 'com.pushlab.demo',
  recipient: { account: 'qa_pixel' },
  scenarioId: 'background-c2c-text',
  message: SCENARIOS.find((s) => s.id === 'background-c2c-text')!.message,
  expected: { title: null, text: null, channelId: null },
  channel: 'fcm',
  ...(deviceToken === null ? {} : { deviceToken }),
  timeoutMs: 3000,
});
const failure = async (promise: Promise<unknown>): Promise<SendError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SendError);
  return error as SendError;
};
const keyBody = SA.privateKey.split('\n')[3] ?? 'unreachable';

describe('FCM sender (no server)', () => {
  it("needs the phone's registration token, and refuses an APNs token", async () => {
    const sender = createFcmSender(CONFIG, deps([]));
    const missing = await failure(sender.send(request(null)));
    expect([missing.code, missing.hint]).toEqual([
      'PLAN_INVALID',
      'Add the token the app reported on this phone (FirebaseMessaging.getToken()) under app.tokens.serials["PIXEL8"].',
    ]);
    const apns = await failure(sender.send(request('0123abcd'.repeat(8))));
    expect(apns.message).toBe('The token for PIXEL8 (0123abcd…) looks like an APNs device token.');
  });

  it('reads the service account from the encrypted store; the key and token stay out of errors, evidence and logs', async () => {
    const lines: string[] = [];
    const error = await failure(createFcmSender(CONFIG, deps(lines)).send(request()));
    // The token endpoint was tried: the stored JSON was read and parsed.
    expect(error.message).toBe("PushLab could not reach Google's OAuth2 token endpoint (ECONNREFUSED).");
    expect(error.evidence).toMatchObject({
      kind: 'fcm',
      serviceAccount: SA.clientEmail,
      deviceToken: `${TOKEN.slice(0, 8)}…`,
      body: { message: { token: `${TOKEN.slice(0, 8)}…` } },
    });
    const everything = JSON.stringify([error.toInfo(), error.evidence]) + lines.join('\n');
    expect(everything).not.toContain(keyBody);
    expect(everything).not.toContain(TOKEN);
  });

  it('a stored value that is not a service account is SECRET_UNAVAILABLE without quoting it', async () => {
    const error = await failure(
      createFcmSender({ ...CONFIG, serviceAccount: { stored: 'fcm.notJson' } }, deps([])).send(request()),
    );
    expect(error.code).toBe('SECRET_UNAVAILABLE');
    expect(error.message).toBe('The FCM service account is not JSON.');
    expect(JSON.stringify([error.toInfo(), error.evidence])).not.toContain(keyBody);
  });
});
