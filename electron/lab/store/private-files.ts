/**
 * The data folder holds notification texts, screenshots and device tokens: folders 0700, files
 * 0600, whatever the umask (a umask only removes bits, so every mode is also set with chmod).
 * Windows has no such modes; the user's profile folder already keeps them private there.
 * A chmod that is not allowed (a folder someone else owns, a read-only disk) is not fatal:
 * reading an existing database must still work, and nothing is made more open by skipping it.
 */
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const POSIX = process.platform !== 'win32';
const TOLERATED = new Set(['ENOENT', 'EPERM', 'EROFS', 'EACCES']);

function tolerate(error: unknown): void {
  if (!TOLERATED.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
}

/** chmod that skips Windows and the cases above. */
export function chmodPrivate(path: string, mode: number): void {
  if (!POSIX) return;
  try {
    chmodSync(path, mode);
  } catch (error) {
    tolerate(error);
  }
}

/** Creates the folder (and missing parents) and makes the folder itself 0700. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodPrivate(dir, PRIVATE_DIR_MODE);
}

export async function ensurePrivateDirAsync(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (!POSIX) return;
  try {
    await chmod(dir, PRIVATE_DIR_MODE);
  } catch (error) {
    tolerate(error);
  }
}

/** Creates an empty 0600 file unless one exists, so a library that creates files never makes it world-readable. */
export function precreatePrivateFile(path: string): void {
  try {
    closeSync(openSync(path, 'wx', PRIVATE_FILE_MODE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') tolerate(error);
  }
  chmodPrivate(path, PRIVATE_FILE_MODE);
}
