/**
 * Zips in-memory entries with yazl. A fixed timestamp keeps builds byte-for-byte reproducible.
 */
import yazl from 'yazl';

export interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
  /** false = STORED (method 0), so large padding zips in milliseconds. */
  readonly compress: boolean;
}

const FIXED_MTIME = new Date('2008-01-01T00:00:00Z');

/** Builds a zip archive from the entries, in order. */
export function zipBuffer(entries: readonly ZipEntry[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) {
    zip.addBuffer(entry.data, entry.name, {
      mtime: FIXED_MTIME,
      mode: 0o100644,
      compress: entry.compress,
      forceDosTimestamp: true,
    });
  }
  zip.end();
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
