/**
 * The simple backend's in-memory filesystem: a few fixed directories plus files written through
 * sync or the shell; /data/local/tmp and /sdcard are writable, like on a real phone for `shell`.
 */
import type { FileStat, VirtualFs } from './backend';
import { S_IFDIR, S_IFMT, S_IFREG } from './sync-protocol';

interface FileEntry {
  data: Buffer;
  mode: number;
  mtime: number;
}

const WRITABLE = ['/data/local/tmp/', '/sdcard/'];
const BASE_DIRS = ['/', '/data', '/data/local', '/data/local/tmp', '/sdcard', '/system'];

/** An in-memory filesystem: fixed directories plus files written through sync or the shell. */
export class SimpleFs implements VirtualFs {
  private readonly files = new Map<string, FileEntry>();
  private readonly bootTime = Math.floor(Date.now() / 1000);

  public stat(path: string): FileStat | null {
    const normal = normalise(path);
    if (BASE_DIRS.includes(normal)) return { mode: S_IFDIR | 0o771, size: 4096, mtime: this.bootTime };
    const file = this.files.get(normal);
    return file === undefined ? null : { mode: file.mode, size: file.data.length, mtime: file.mtime };
  }

  public list(path: string): Array<{ readonly name: string } & FileStat> | null {
    const dir = normalise(path);
    if (!BASE_DIRS.includes(dir)) return null;
    const prefix = dir === '/' ? '/' : `${dir}/`;
    const names = new Set<string>();
    for (const candidate of [...BASE_DIRS, ...this.files.keys()]) {
      if (
        candidate.startsWith(prefix) &&
        candidate.length > prefix.length &&
        !candidate.slice(prefix.length).includes('/')
      ) {
        names.add(candidate.slice(prefix.length));
      }
    }
    return [...names].sort().map((name) => ({ name, ...(this.stat(prefix + name) as FileStat) }));
  }

  public read(path: string): Buffer | null {
    return this.files.get(normalise(path))?.data ?? null;
  }

  public write(path: string, data: Buffer, mode: number, mtime: number): string | undefined {
    const normal = normalise(path);
    if (BASE_DIRS.includes(normal)) return `couldn't create file: Is a directory`;
    if (!WRITABLE.some((prefix) => normal.startsWith(prefix)))
      return `couldn't create file: Permission denied`;
    const type = mode & S_IFMT;
    this.files.set(normal, { data, mode: (type === 0 ? S_IFREG : type) | (mode & 0o7777), mtime });
    return undefined;
  }

  /** Removes a file; false when there was none. */
  public remove(path: string): boolean {
    return this.files.delete(normalise(path));
  }
}

function normalise(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}
