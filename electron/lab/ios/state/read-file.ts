/** Reads a simulator file from the host, bounded; a missing file is null, not an error. */
import { readFile, stat } from 'node:fs/promises';
import { LabError } from '../../errors';

export const MAX_SIMULATOR_FILE = 32 * 1024 * 1024;

export async function readSimulatorFile(path: string, what: string): Promise<Buffer | null> {
  const size = await stat(path).then(
    (s) => (s.isFile() ? s.size : -1),
    () => -1,
  );
  if (size < 0) return null;
  if (size > MAX_SIMULATOR_FILE) {
    throw new LabError('MALFORMED_OUTPUT', `${what} is ${size} bytes, more than PushLab reads.`, {
      hint: 'Clear the notifications in the simulator (or erase it) and try again.',
      zh: {
        message: `${what} 有 ${size} 字节，超过了 PushLab 读取的上限。`,
        hint: '请清除模拟器中的通知（或抹掉模拟器），然后再试。',
      },
    });
  }
  try {
    return await readFile(path);
  } catch (error) {
    // Deleted between stat and read (iOS rewrites these files): same as missing.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
