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

const unavailable = (ref: SecretRef, why: string, hint: string, cause?: unknown): LabError =>
  new LabError('SECRET_UNAVAILABLE', `The secret from ${describeSecretRef(ref)} ${why}.`, cause === undefined ? { hint } : { hint, cause });

/** Drops the line ending(s) editors and `echo` leave at the end. */
const trimNewline = (value: string): string => value.replace(/[\r\n]+$/, '');

/** Reads the secret a reference points at; throws SECRET_UNAVAILABLE (naming only the reference). */
export async function resolveSecret(ref: SecretRef, options: ResolveSecretOptions): Promise<string> {
  if ('env' in ref) {
    const raw = Object.hasOwn(options.env, ref.env) ? options.env[ref.env] : undefined;
    if (raw === undefined) throw unavailable(ref, 'is not set', `Set ${ref.env} in the environment PushLab runs in, or point the plan at a file.`);
    const value = trimNewline(raw);
    if (value.length === 0) throw unavailable(ref, 'is empty', `Put the secret key in ${ref.env}.`);
    return value;
  }
  if ('file' in ref) return readSecretFile(ref, path.resolve(options.baseDir ?? process.cwd(), ref.file));
  if (!options.store) {
    throw unavailable(ref, 'cannot be read here: only the PushLab app can open its encrypted store', 'On the command line use { "env": NAME } or { "file": PATH } instead.');
  }
  let stored: string | null;
  try {
    stored = await options.store.get(ref.stored);
  } catch (error) {
    // The store's own errors name the secret, never its value; keep its hint.
    const hint = error instanceof LabError && error.hint !== undefined ? error.hint : 'Enter the secret again in Settings.';
    throw unavailable(ref, 'could not be read', hint, error);
  }
  if (stored === null) throw unavailable(ref, 'does not exist', `Save the secret key under "${ref.stored}" in Settings, or fix the name in the plan.`);
  const value = trimNewline(stored);
  if (value.length === 0) throw unavailable(ref, 'is empty', `Save the secret key under "${ref.stored}" again in Settings.`);
  return value;
}

async function readSecretFile(ref: SecretRef, fullPath: string): Promise<string> {
  let handle;
  try {
    handle = await open(fullPath, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' || code === 'EPERM' ? 'cannot be read (permission denied)' : `cannot be opened (${code ?? 'unknown error'})`;
    throw unavailable(ref, why, 'Check the path in the plan (relative paths start at the plan\'s folder) and the file\'s permissions.', error);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw unavailable(ref, 'is not a regular file', 'Point the plan at the file that holds only the secret key.');
    if (info.size > MAX_SECRET_FILE_BYTES) throw unavailable(ref, `is larger than ${MAX_SECRET_FILE_BYTES / 1024} KiB`, 'Point the plan at a file that holds only the secret key.');
    // Read at most one byte past the limit: a file that grew after stat() is still refused.
    const buffer = Buffer.alloc(MAX_SECRET_FILE_BYTES + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > MAX_SECRET_FILE_BYTES) throw unavailable(ref, `is larger than ${MAX_SECRET_FILE_BYTES / 1024} KiB`, 'Point the plan at a file that holds only the secret key.');
    const value = trimNewline(buffer.subarray(0, bytesRead).toString('utf8'));
    if (value.length === 0) throw unavailable(ref, 'is empty', 'Write the secret key into the file.');
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
    if (keys.length === 1 && ['env', 'file', 'stored'].includes(keys[0] as string) && typeof (value as Record<string, unknown>)[keys[0] as string] === 'string') refs.push(value as SecretRef);
  }
  return refs;
}
