/**
 * The token book: the last token per phone, package and channel, encrypted in the secret store
 * (names are hashes, values ciphertext), listed masked, newest first; memory only without a usable
 * store; its entries stay out of the user's secret names.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPushTokenBook, isPushTokenSecretName } from '../../../electron/lab/secrets/push-token-book';
import { createSecretStore, type SecretCipher } from '../../../electron/lab/secrets/secret-store';
import { createRunHandlers, type WindowRunsApi } from '../../../electron/lab/run-handlers';

const TOKEN = 'fcmTOKEN1234567890abcdefghijklmnop:APA91b';
const SERIAL = 'emulator-5554';
const PKG = 'com.pushlab.demo';

function cipher(available = true): SecretCipher {
  return {
    isAvailable: () => available,
    encrypt: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x33)),
    decrypt: (data) => Buffer.from(data.map((b) => b ^ 0x33)).toString('utf8'),
  };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pushlab-token-book-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('push token book', () => {
  it('keeps the newest token per phone, package and channel, encrypted, and lists it masked', async () => {
    const secrets = createSecretStore({ dir, cipher: cipher() });
    let clock = 0;
    const now = () => new Date(Date.UTC(2026, 11, 7, 11, 0, clock++)).toISOString();
    const book = createPushTokenBook({ secrets, now });
    expect(book.persisted()).toBe(true);
    const entry = {
      serial: SERIAL,
      package: PKG,
      channel: 'fcm',
      token: `old${TOKEN}`,
      source: { kind: 'plan' } as const,
    };
    expect(await book.record(entry)).toBe(true);
    await book.record({ ...entry, token: TOKEN, source: { kind: 'logcat', preset: 'tencent-offline-push' } });
    await book.record({
      ...entry,
      channel: 'xiaomi',
      token: 'miRegId0123456789abc',
      source: { kind: 'logcat', preset: null },
    });
    await book.record({ ...entry, serial: 'other-1', token: 'otherPhoneToken123' });

    const listed = await book.list(SERIAL);
    expect(listed.map((t) => [t.channel, t.masked])).toEqual([
      ['xiaomi', 'miRegId0…'],
      ['fcm', 'fcmTOKEN…'],
    ]);
    expect(listed[1]).toMatchObject({
      package: PKG,
      source: { kind: 'logcat', preset: 'tencent-offline-push' },
    });
    expect(JSON.stringify(listed)).not.toContain(TOKEN);

    // On disk: ciphertext under hashed names; neither the token nor the serial or package in clear.
    const file = await readFile(join(dir, 'secrets.json'), 'utf8');
    for (const clear of [TOKEN, SERIAL, PKG, 'miRegId']) expect(file).not.toContain(clear);
    expect((await secrets.names()).every(isPushTokenSecretName)).toBe(true);

    // A new book over the same store (the app restarted) still lists them.
    const again = await createPushTokenBook({ secrets, now }).list(SERIAL);
    expect(again.map((t) => t.masked)).toEqual(['miRegId0…', 'fcmTOKEN…']);

    // The user's secret list leaves the book's entries out.
    const handlers = createRunHandlers({
      runs: {} as WindowRunsApi,
      secrets,
      evidenceRoot: join(dir, 'evidence'),
      virtualLab: undefined,
    });
    await secrets.set('tencent.key', 'abc');
    expect(await handlers['secrets:names']()).toEqual(['tencent.key']);
  });

  it('keeps tokens in memory only when the OS offers no encryption, and says so', async () => {
    const secrets = createSecretStore({ dir: join(dir, 'locked'), cipher: cipher(false) });
    const book = createPushTokenBook({ secrets, now: () => '2026-12-07T11:00:00.000Z' });
    expect(book.persisted()).toBe(false);
    expect(
      await book.record({
        serial: SERIAL,
        package: PKG,
        channel: 'fcm',
        token: TOKEN,
        source: { kind: 'plan' },
      }),
    ).toBe(false);
    expect((await book.list(SERIAL)).map((t) => t.masked)).toEqual(['fcmTOKEN…']);
    await expect(readFile(join(dir, 'locked', 'secrets.json'), 'utf8')).rejects.toMatchObject({
      code: 'ENOENT',
    });
    const none = createPushTokenBook({ now: () => '2026-12-07T11:00:00.000Z' });
    expect(none.persisted()).toBe(false);
    expect(await none.list(SERIAL)).toEqual([]);
  });
});
