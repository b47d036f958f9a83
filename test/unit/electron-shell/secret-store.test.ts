import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SECRET_FILE_NAME,
  createSecretStore,
  parseSecretFile,
  serialiseSecretFile,
} from '../../../electron/lab/secrets/secret-store';
import type { SecretCipher } from '../../../electron/lab/secrets/secret-store';

/** A reversible stand-in for safeStorage: XOR with a key, tagged so foreign bytes fail to decrypt. */
function fakeCipher(available = true): SecretCipher & { available: boolean } {
  const key = 0x5a;
  const cipher = {
    available,
    isAvailable: () => cipher.available,
    unavailableReason: () => 'test keyring is locked',
    encrypt: (plain: string) =>
      Buffer.concat([Buffer.from('v1:'), Buffer.from(plain, 'utf8').map((b) => b ^ key)]),
    decrypt: (data: Buffer) => {
      if (data.subarray(0, 3).toString() !== 'v1:') throw new Error('bad ciphertext');
      return Buffer.from(data.subarray(3).map((b) => b ^ key)).toString('utf8');
    },
  };
  return cipher;
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pushlab-secrets-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const file = () => path.join(dir, SECRET_FILE_NAME);

describe('secret store', () => {
  it('round-trips values and stores only ciphertext, base64, in a versioned file', async () => {
    const store = createSecretStore({ dir, cipher: fakeCipher() });
    await store.set('tencent.secretKey', 'sk-0123456789 😀');
    await store.set('apns.keyId', 'ABC123');
    expect(await store.get('tencent.secretKey')).toBe('sk-0123456789 😀');
    expect(await store.names()).toEqual(['apns.keyId', 'tencent.secretKey']);
    const text = await readFile(file(), 'utf8');
    expect(text).not.toContain('sk-0123456789');
    expect(text).not.toContain('ABC123');
    const parsed = JSON.parse(text) as { version: number; secrets: Record<string, string> };
    expect(parsed.version).toBe(1);
    expect(
      Buffer.from(parsed.secrets['apns.keyId'] ?? '', 'base64')
        .subarray(0, 3)
        .toString(),
    ).toBe('v1:');
  });

  it('writes the file readable by the owner only', async () => {
    if (process.platform === 'win32') return;
    const store = createSecretStore({ dir, cipher: fakeCipher() });
    await store.set('a', 'b');
    expect((await stat(file())).mode & 0o777).toBe(0o600);
  });

  it('returns null for unknown names, including Object.prototype members', async () => {
    const store = createSecretStore({ dir, cipher: fakeCipher() });
    expect(await store.get('missing')).toBeNull();
    await store.set('x', 'y');
    expect(await store.get('constructor')).toBeNull();
    expect(await store.get('toString')).toBeNull();
  });

  it('deletes, reporting whether something was removed', async () => {
    const store = createSecretStore({ dir, cipher: fakeCipher() });
    await store.set('x', 'y');
    expect(await store.delete('x')).toBe(true);
    expect(await store.delete('x')).toBe(false);
    expect(await store.names()).toEqual([]);
  });

  it('refuses to store when encryption is unavailable, and writes nothing', async () => {
    const store = createSecretStore({ dir, cipher: fakeCipher(false) });
    expect(store.isAvailable()).toBe(false);
    await expect(store.set('x', 'plain-value')).rejects.toMatchObject({
      code: 'STORAGE_FAILED',
      message: expect.stringContaining('test keyring is locked'),
    });
    await expect(stat(file())).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('rejects bad names and empty values without touching the file', async () => {
    const store = createSecretStore({ dir, cipher: fakeCipher() });
    for (const name of ['', '__proto__', '../escape', 'a b', 'x'.repeat(129), 'new\nline']) {
      await expect(store.set(name, 'v'), JSON.stringify(name)).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
      });
    }
    await expect(store.set('ok', '')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(stat(file())).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('keeps a damaged file as it is and says so without quoting it', async () => {
    await writeFile(file(), '{"version":1,"secrets":{"a":"not base64!!"}} LEAKED-TEXT');
    const store = createSecretStore({ dir, cipher: fakeCipher() });
    const error = await store.set('b', 'c').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'STORAGE_FAILED' });
    expect(String((error as Error).message)).not.toContain('LEAKED-TEXT');
    expect(await readFile(file(), 'utf8')).toContain('LEAKED-TEXT');
  });

  it('reports undecryptable secrets as STORAGE_FAILED, never with the value', async () => {
    const cipher = fakeCipher();
    const store = createSecretStore({ dir, cipher });
    await store.set('k', 'super-secret');
    cipher.decrypt = () => {
      throw new Error('keychain changed');
    };
    const error = await store.get('k').catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'STORAGE_FAILED',
      message: 'The secret "k" could not be decrypted.',
    });
    expect(JSON.stringify(error)).not.toContain('super-secret');
  });

  it('serialises concurrent writes so none is lost', async () => {
    const store = createSecretStore({ dir, cipher: fakeCipher() });
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.set(`k${i}`, `v${i}`)));
    expect(await store.names()).toHaveLength(20);
    expect(await store.get('k13')).toBe('v13');
  });
});

describe('secret file format', () => {
  it('serialises with sorted names and parses back', () => {
    const text = serialiseSecretFile({ version: 1, secrets: { b: 'YmI=', a: 'YWE=' } });
    expect(text.indexOf('"a"')).toBeLessThan(text.indexOf('"b"'));
    expect(parseSecretFile(text)).toEqual({ version: 1, secrets: { a: 'YWE=', b: 'YmI=' } });
  });

  it('rejects other versions, shapes and names', () => {
    for (const text of [
      '',
      'null',
      '[]',
      '{"version":2,"secrets":{}}',
      '{"version":1,"secrets":[]}',
      '{"version":1,"secrets":{"a":1}}',
      '{"version":1,"secrets":{"__proto__":"YQ=="}}',
    ]) {
      expect(() => parseSecretFile(text), text).toThrow(/damaged/);
    }
  });
});
