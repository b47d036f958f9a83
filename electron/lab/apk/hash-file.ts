/**
 * Streams a file through SHA-256, so a large APK is never held in memory.
 */
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';

/** Hex SHA-256 of an open file's whole content (the handle stays open). */
export async function sha256OfFile(file: FileHandle): Promise<string> {
  const hash = createHash('sha256');
  const stream = file.createReadStream({ start: 0, autoClose: false, highWaterMark: 1024 * 1024 });
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
