/**
 * Encrypted secrets (Tencent keys, APNs/FCM credentials) in one JSON file, with the cipher
 * injected: Electron's safeStorage in the app (secrets.ts), a fake in tests. Values are never
 * logged and never appear in error messages; only secret names do.
 */
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LabError } from '../errors';

/** What the store needs from an OS-backed cipher. */
export interface SecretCipher {
  /** False when the OS offers no real encryption (then nothing is stored). */
  isAvailable(): boolean;
  /** Why it is unavailable, for the error shown to the user. */
  unavailableReason?(): string;
  encrypt(plainText: string): Buffer;
  decrypt(cipherText: Buffer): string;
}

/** Named secrets, encrypted at rest. */
export interface SecretStore {
  isAvailable(): boolean;
  set(name: string, value: string): Promise<void>;
  /** The decrypted value, or null when no secret has that name. */
  get(name: string): Promise<string | null>;
  /** True when a secret was removed. */
  delete(name: string): Promise<boolean>;
  /** Names only, sorted. */
  names(): Promise<string[]>;
}

/** On-disk format: version 1, each value the base64 of the cipher's output. */
export interface SecretFile {
  readonly version: 1;
  readonly secrets: Readonly<Record<string, string>>;
}

/** The file under the data directory. */
export const SECRET_FILE_NAME = 'secrets.json';
const NAME = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MAX_VALUE_LENGTH = 64 * 1024;

function assertName(name: string): void {
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new LabError(
      'INVALID_ARGUMENT',
      'A secret name must be 1-128 letters, digits or . _ : - characters.',
      {
        hint: 'Use a name like "tencent.secretKey".',
        zh: {
          message: '密钥名称必须是 1-128 个字母、数字或 . _ : - 字符。',
          hint: '请使用类似 "tencent.secretKey" 的名称。',
        },
      },
    );
  }
}

/** Parses and checks the file's text; throws STORAGE_FAILED (without echoing content) when it is not ours. */
export function parseSecretFile(text: string, filePath = SECRET_FILE_NAME): SecretFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const corrupt = () =>
    new LabError('STORAGE_FAILED', `The secrets file ${filePath} is damaged and was not read.`, {
      hint: 'Move the file away and enter your credentials again.',
      zh: {
        message: `密钥文件 ${filePath} 已损坏，未读取。`,
        hint: '请把该文件移走，然后重新输入你的凭据。',
      },
    });
  if (typeof data !== 'object' || data === null || (data as { version?: unknown }).version !== 1)
    throw corrupt();
  const secrets = (data as { secrets?: unknown }).secrets;
  if (typeof secrets !== 'object' || secrets === null || Array.isArray(secrets)) throw corrupt();
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(secrets)) {
    if (!NAME.test(name) || typeof value !== 'string' || !BASE64.test(value)) throw corrupt();
    out[name] = value;
  }
  return { version: 1, secrets: out };
}

/** The file's text: stable key order so diffs of the (encrypted) file stay small. */
export function serialiseSecretFile(file: SecretFile): string {
  const sorted: Record<string, string> = {};
  for (const name of Object.keys(file.secrets).sort()) sorted[name] = file.secrets[name] as string;
  return `${JSON.stringify({ version: 1, secrets: sorted }, null, 2)}\n`;
}

/** A SecretStore over `<dir>/secrets.json`; writes are serialised and atomic (temp file + rename). */
export function createSecretStore(options: {
  dir: string;
  cipher: SecretCipher;
  fileName?: string;
}): SecretStore {
  const filePath = path.join(options.dir, options.fileName ?? SECRET_FILE_NAME);
  const { cipher } = options;
  let queue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };

  const load = async (): Promise<SecretFile> => {
    let text: string;
    try {
      text = await readFile(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, secrets: {} };
      throw new LabError('STORAGE_FAILED', `The secrets file ${filePath} could not be read.`, {
        hint: 'Check the permissions of the PushLab data folder.',
        cause: error,
        zh: { message: `无法读取密钥文件 ${filePath}。`, hint: '请检查 PushLab 数据文件夹的权限。' },
      });
    }
    return parseSecretFile(text, filePath);
  };

  const save = async (file: SecretFile): Promise<void> => {
    const temp = `${filePath}.${process.pid}.tmp`;
    try {
      await mkdir(path.dirname(filePath), { recursive: true });
      await writeFile(temp, serialiseSecretFile(file), { encoding: 'utf8', mode: 0o600 });
      // `mode` applies only when the file is created; a leftover temp file keeps its own.
      await chmod(temp, 0o600);
      await rename(temp, filePath);
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined);
      throw new LabError('STORAGE_FAILED', `The secrets file ${filePath} could not be written.`, {
        hint: 'Check free disk space and the permissions of the PushLab data folder.',
        cause: error,
        zh: {
          message: `无法写入密钥文件 ${filePath}。`,
          hint: '请检查磁盘剩余空间和 PushLab 数据文件夹的权限。',
        },
      });
    }
  };

  const requireCipher = (): void => {
    if (cipher.isAvailable()) return;
    const reason = cipher.unavailableReason?.() ?? 'the operating system offers no encryption for this user';
    const reasonZh = cipher.unavailableReason?.() ?? '操作系统没有为这个用户提供加密';
    throw new LabError('STORAGE_FAILED', `Secrets cannot be stored safely: ${reason}.`, {
      hint: 'Unlock or set up the system keychain (on Linux: a Secret Service such as GNOME Keyring or KWallet), then try again.',
      zh: {
        message: `无法安全地保存密钥：${reasonZh}。`,
        hint: '请解锁或设置系统钥匙串（在 Linux 上：Secret Service，例如 GNOME Keyring 或 KWallet），然后重试。',
      },
    });
  };

  return {
    isAvailable: () => cipher.isAvailable(),
    set: (name, value) =>
      serialised(async () => {
        assertName(name);
        if (typeof value !== 'string' || value.length === 0 || value.length > MAX_VALUE_LENGTH) {
          throw new LabError(
            'INVALID_ARGUMENT',
            `The value for secret "${name}" must be 1 to 65536 characters.`,
            {
              zh: { message: `密钥“${name}”的值必须是 1 到 65536 个字符。` },
            },
          );
        }
        requireCipher();
        const file = await load();
        const encrypted = cipher.encrypt(value).toString('base64');
        await save({ version: 1, secrets: { ...file.secrets, [name]: encrypted } });
      }),
    get: (name) =>
      serialised(async () => {
        assertName(name);
        const { secrets } = await load();
        // hasOwn: a name like "constructor" must not find Object.prototype's member.
        const stored = Object.hasOwn(secrets, name) ? secrets[name] : undefined;
        if (stored === undefined) return null;
        requireCipher();
        try {
          return cipher.decrypt(Buffer.from(stored, 'base64'));
        } catch (error) {
          throw new LabError('STORAGE_FAILED', `The secret "${name}" could not be decrypted.`, {
            hint: 'The system keychain may have changed; enter this secret again.',
            cause: error,
            zh: { message: `无法解密密钥“${name}”。`, hint: '系统钥匙串可能已更改；请重新输入这个密钥。' },
          });
        }
      }),
    delete: (name) =>
      serialised(async () => {
        assertName(name);
        const file = await load();
        if (!Object.hasOwn(file.secrets, name)) return false;
        const rest = { ...file.secrets };
        delete rest[name];
        await save({ version: 1, secrets: rest });
        return true;
      }),
    names: () => serialised(async () => Object.keys((await load()).secrets).sort()),
  };
}
