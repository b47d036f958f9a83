import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LabError } from '../../../../electron/lab/errors';
import { MAX_SECRET_FILE_BYTES, resolveSecret } from '../../../../electron/lab/secrets/resolve-secret';
import { createSecretStore, type SecretCipher } from '../../../../electron/lab/secrets/secret-store';

const SECRET = 'sk-0123456789abcdef-TOP-SECRET';
let dir: string;

async function refusal(promise: Promise<unknown>): Promise<LabError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LabError);
  const labError = error as LabError;
  expect(labError.code).toBe('SECRET_UNAVAILABLE');
  expect(labError.hint).toBeTruthy();
  // Never the value, in any part of the error.
  expect(JSON.stringify({ ...labError.toInfo(), stack: labError.stack })).not.toContain(SECRET);
  return labError;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pushlab-secret-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('resolveSecret', () => {
  it('reads an environment variable, trimming the trailing newline only', async () => {
    expect(await resolveSecret({ env: 'TENCENT_KEY' }, { env: { TENCENT_KEY: ` ${SECRET}\r\n` } })).toBe(
      ` ${SECRET}`,
    );
    const unset = await refusal(resolveSecret({ env: 'TENCENT_KEY' }, { env: {} }));
    expect(unset.message).toBe('The secret from environment variable TENCENT_KEY is not set.');
    expect(
      (await refusal(resolveSecret({ env: 'TENCENT_KEY' }, { env: { TENCENT_KEY: '\n' } }))).message,
    ).toMatch(/is empty/);
    // An inherited Object member is not a variable.
    await refusal(resolveSecret({ env: 'constructor' }, { env: {} }));
  });

  it("reads a file (relative to the plan's folder), trimming the trailing newline", async () => {
    await writeFile(path.join(dir, 'key.txt'), `${SECRET}\n`);
    expect(await resolveSecret({ file: 'key.txt' }, { env: {}, baseDir: dir })).toBe(SECRET);
    expect(await resolveSecret({ file: path.join(dir, 'key.txt') }, { env: {} })).toBe(SECRET);
  });

  it('refuses a missing, empty, oversized or non-regular file, naming the file only', async () => {
    const missing = await refusal(resolveSecret({ file: 'nope.txt' }, { env: {}, baseDir: dir }));
    expect(missing.message).toBe('The secret from file nope.txt does not exist.');
    await writeFile(path.join(dir, 'empty.txt'), '\n\n');
    expect((await refusal(resolveSecret({ file: 'empty.txt' }, { env: {}, baseDir: dir }))).message).toMatch(
      /is empty/,
    );
    await writeFile(path.join(dir, 'big.txt'), `${SECRET}${'x'.repeat(MAX_SECRET_FILE_BYTES)}`);
    const big = await refusal(resolveSecret({ file: 'big.txt' }, { env: {}, baseDir: dir }));
    expect(big.message).toBe('The secret from file big.txt is larger than 64 KiB.');
    await writeFile(path.join(dir, 'limit.txt'), 'k'.repeat(MAX_SECRET_FILE_BYTES));
    expect(await resolveSecret({ file: 'limit.txt' }, { env: {}, baseDir: dir })).toHaveLength(
      MAX_SECRET_FILE_BYTES,
    );
    expect((await refusal(resolveSecret({ file: '.' }, { env: {}, baseDir: dir }))).message).toMatch(
      /not a regular file/,
    );
  });

  it('reads a stored secret from the encrypted store; without a store (CLI) it says to use env or file', async () => {
    const cipher: SecretCipher = {
      isAvailable: () => true,
      encrypt: (plain) => Buffer.from(plain, 'utf8').reverse(),
      decrypt: (data) => Buffer.from(data).reverse().toString('utf8'),
    };
    const store = createSecretStore({ dir, cipher });
    await store.set('tencent.secretKey', SECRET);
    expect(await resolveSecret({ stored: 'tencent.secretKey' }, { env: {}, store })).toBe(SECRET);
    const absent = await refusal(resolveSecret({ stored: 'tencent.other' }, { env: {}, store }));
    expect(absent.message).toBe('The secret from stored secret "tencent.other" does not exist.');
    const cli = await refusal(resolveSecret({ stored: 'tencent.secretKey' }, { env: {} }));
    expect(cli.hint).toMatch(/"env".*"file"/);
    const locked = createSecretStore({
      dir,
      cipher: { ...cipher, isAvailable: () => false, unavailableReason: () => 'keyring locked' },
    });
    const lockedError = await refusal(
      resolveSecret({ stored: 'tencent.secretKey' }, { env: {}, store: locked }),
    );
    expect(lockedError.message).toMatch(/could not be read/);
    expect(lockedError.hint).toMatch(/keychain/);
  });
});
