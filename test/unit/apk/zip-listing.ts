/**
 * Lists a zip held in memory with the core zip reader (an implementation independent of yazl,
 * which wrote it).
 */
import {
  readZipDirectory,
  type RandomAccessFile,
  type ZipEntryInfo,
} from '../../../electron/lab/apk/zip-reader';

/** Adapts a Buffer to the positional-read interface the zip reader takes. */
export function memoryFile(data: Buffer): RandomAccessFile {
  return {
    read: async (buffer, offset, length, position) => {
      const end = Math.min(data.length, position + length);
      const n = Math.max(0, end - position);
      data.copy(buffer, offset, position, position + n);
      return { bytesRead: n };
    },
  };
}

/** Entries of an in-memory zip, keyed by name. */
export async function zipListing(zip: Buffer): Promise<Map<string, ZipEntryInfo>> {
  const entries = await readZipDirectory(memoryFile(zip), zip.length);
  return new Map(entries.map((e) => [e.name, e]));
}
