/**
 * Turns a plan's secret reference into the secret: an environment variable (CLI, CI), a file the
 * user names, or a name in the app's encrypted SecretStore. Every error names the reference and
 * never the value; callers must keep the value out of logs, evidence and reports too.
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { SecretRef } from '../../../shared/runs/plan';
import { LabError } from '../errors';
import type { SecretStore } from './secret-store';

/** Larger than any credential PushLab needs; a bigger file is most likely the wrong file. */
export const MAX_SECRET_FILE_BYTES = 64 * 1024;

export interface ResolveSecretOptions {
  readonly env: NodeJS.ProcessEnv;
  /** The app's encrypted store; absent in the CLI, where `stored` references cannot be read. */
  readonly store?: Pick<SecretStore, 'get'>;
  /** Folder a relative `file` path is read from (the plan's folder); default the working directory. */
  readonly baseDir?: string;
}

/** How a reference is shown in messages: its kind and name, never a value. */
export function describeSecretRef(ref: SecretRef): string {
  if ('env' in ref) return `environment variable ${ref.env}`;
  if ('file' in ref) return `file ${ref.file}`;
  return `stored secret "${ref.stored}"`;
}

/** The subject of a zh-CN message about a reference: its kind and name, never a value. */
function secretSubjectZh(ref: SecretRef): string {
  if ('env' in ref) return `环境变量 ${ref.env} `;
  if ('file' in ref) return `密钥文件 ${ref.file} `;
  return `已保存的密钥“${ref.stored}”`;
}

/** A text in English and in zh-CN. */
type Said = readonly [en: string, zh: string];

const unavailable = (ref: SecretRef, why: Said, hint: Said, cause?: unknown): LabError => {
  const zh = { message: `${secretSubjectZh(ref)}${why[1]}。`, hint: hint[1] };
  const message = `The secret from ${describeSecretRef(ref)} ${why[0]}.`;
  // LabError keeps no cause when it is undefined.
  return new LabError('SECRET_UNAVAILABLE', message, { hint: hint[0], cause, zh });
};

const IS_EMPTY: Said = ['is empty', '为空'];
const TOO_LARGE: Said = [
  `is larger than ${MAX_SECRET_FILE_BYTES / 1024} KiB`,
  `大于 ${MAX_SECRET_FILE_BYTES / 1024} KiB`,
];
const ONLY_THE_KEY: Said = [
  'Point the plan at a file that holds only the secret key.',
  '请让计划指向只包含该密钥的文件。',
];

/** Drops the line ending(s) editors and `echo` leave at the end. */
const trimNewline = (value: string): string => value.replace(/[\r\n]+$/, '');

/** Reads the secret a reference points at; throws SECRET_UNAVAILABLE (naming only the reference). */
export async function resolveSecret(ref: SecretRef, options: ResolveSecretOptions): Promise<string> {
  if ('env' in ref) {
    const raw = Object.hasOwn(options.env, ref.env) ? options.env[ref.env] : undefined;
    if (raw === undefined) {
      throw unavailable(
        ref,
        ['is not set', '未设置'],
        [
          `Set ${ref.env} in the environment PushLab runs in, or point the plan at a file.`,
          `请在运行 PushLab 的环境中设置 ${ref.env}，或让计划指向一个文件。`,
        ],
      );
    }
    const value = trimNewline(raw);
    if (value.length === 0)
      throw unavailable(ref, IS_EMPTY, [`Put the secret key in ${ref.env}.`, `请把密钥放入 ${ref.env}。`]);
    return value;
  }
  if ('file' in ref) return readSecretFile(ref, path.resolve(options.baseDir ?? process.cwd(), ref.file));
  if (!options.store) {
    throw unavailable(
      ref,
      [
        'cannot be read here: only the PushLab app can open its encrypted store',
        '无法在这里读取：只有 PushLab 应用能打开它的加密存储',
      ],
      [
        'On the command line use { "env": NAME } or { "file": PATH } instead.',
        '在命令行中请改用 { "env": NAME } 或 { "file": PATH }。',
      ],
    );
  }
  let stored: string | null;
  try {
    stored = await options.store.get(ref.stored);
  } catch (error) {
    // The store's own errors name the secret, never its value; keep its hint.
    const hint =
      error instanceof LabError && error.hint !== undefined
        ? error.hint
        : 'Enter the secret again in Settings.';
    const hintZh =
      error instanceof LabError && error.zh?.hint !== undefined
        ? error.zh.hint
        : '请在设置中重新输入该密钥。';
    throw unavailable(ref, ['could not be read', '无法读取'], [hint, hintZh], error);
  }
  if (stored === null) {
    throw unavailable(
      ref,
      ['does not exist', '不存在'],
      [
        `Save the secret key under "${ref.stored}" in Settings, or fix the name in the plan.`,
        `请在设置中以“${ref.stored}”为名保存密钥，或修改计划中的名称。`,
      ],
    );
  }
  const value = trimNewline(stored);
  if (value.length === 0) {
    throw unavailable(ref, IS_EMPTY, [
      `Save the secret key under "${ref.stored}" again in Settings.`,
      `请在设置中以“${ref.stored}”为名重新保存密钥。`,
    ]);
  }
  return value;
}

function openFailure(code: string | undefined): Said {
  if (code === 'ENOENT') return ['does not exist', '不存在'];
  if (code === 'EACCES' || code === 'EPERM')
    return ['cannot be read (permission denied)', '无法读取（权限不足）'];
  return [`cannot be opened (${code ?? 'unknown error'})`, `无法打开（${code ?? '未知错误'}）`];
}

async function readSecretFile(ref: SecretRef, fullPath: string): Promise<string> {
  let handle;
  try {
    handle = await open(fullPath, 'r');
  } catch (error) {
    throw unavailable(
      ref,
      openFailure((error as NodeJS.ErrnoException).code),
      [
        "Check the path in the plan (relative paths start at the plan's folder) and the file's permissions.",
        '请检查计划中的路径（相对路径从计划所在的文件夹算起）和文件的权限。',
      ],
      error,
    );
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      throw unavailable(
        ref,
        ['is not a regular file', '不是普通文件'],
        ['Point the plan at the file that holds only the secret key.', '请让计划指向只包含该密钥的文件。'],
      );
    }
    if (info.size > MAX_SECRET_FILE_BYTES) throw unavailable(ref, TOO_LARGE, ONLY_THE_KEY);
    // Read at most one byte past the limit: a file that grew after stat() is still refused.
    const buffer = Buffer.alloc(MAX_SECRET_FILE_BYTES + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > MAX_SECRET_FILE_BYTES) throw unavailable(ref, TOO_LARGE, ONLY_THE_KEY);
    const value = trimNewline(buffer.subarray(0, bytesRead).toString('utf8'));
    if (value.length === 0)
      throw unavailable(ref, IS_EMPTY, ['Write the secret key into the file.', '请把密钥写入该文件。']);
    return value;
  } finally {
    await handle.close();
  }
}

/** The secret references a plan's sender holds (any field shaped { env } | { file } | { stored }). */
export function secretRefsOf(sender: object): SecretRef[] {
  const refs: SecretRef[] = [];
  for (const value of Object.values(sender)) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
    const keys = Object.keys(value);
    if (
      keys.length === 1 &&
      ['env', 'file', 'stored'].includes(keys[0] as string) &&
      typeof (value as Record<string, unknown>)[keys[0] as string] === 'string'
    )
      refs.push(value as SecretRef);
  }
  return refs;
}
