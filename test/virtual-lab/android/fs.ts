/**
 * The phone's filesystem as adb sees it: a read-only skeleton plus the shell user's writable
 * places (/data/local/tmp and shared storage). Pushed files live in memory and count against free
 * storage; `rm` gives the space back. Sync FAIL texts follow adbd's file_sync_service.cpp wording.
 */
import type { FileStat, VirtualFs } from '../adbd/backend';
import type { PhoneState } from './state';

export const S_IFREG = 0o100000;
export const S_IFDIR = 0o040000;

interface FileNode {
  readonly kind: 'file';
  data: Buffer;
  mode: number;
  mtime: number;
}
interface DirNode {
  readonly kind: 'dir';
  mtime: number;
}
type Node = FileNode | DirNode;

const SKELETON = [
  '/',
  '/data',
  '/data/local',
  '/system',
  '/system/bin',
  '/vendor',
  '/storage',
  '/storage/emulated',
  '/sdcard',
];
const WRITABLE_ROOTS = ['/data/local/tmp', '/sdcard', '/storage/emulated/0'];

/** Normalises a path: absolute, no `.`/`..`/empty segments, no trailing slash. */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  const joined = `/${out.join('/')}`;
  // Shared storage has two names on a phone; keep one.
  return joined === '/sdcard' || joined.startsWith('/sdcard/')
    ? joined.replace(/^\/sdcard/, '/storage/emulated/0')
    : joined;
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export class MemoryFs implements VirtualFs {
  private readonly nodes = new Map<string, Node>();

  public constructor(
    private readonly phone: PhoneState,
    private readonly now: () => number,
  ) {
    const t = Math.floor(now() / 1000);
    for (const dir of [...SKELETON, ...WRITABLE_ROOTS])
      this.nodes.set(normalizePath(dir), { kind: 'dir', mtime: t });
  }

  public stat(path: string): FileStat | null {
    const node = this.nodes.get(normalizePath(path));
    if (!node) return null;
    return node.kind === 'file'
      ? { mode: S_IFREG | (node.mode & 0o7777), size: node.data.length, mtime: node.mtime }
      : { mode: S_IFDIR | 0o771, size: 4096, mtime: node.mtime };
  }

  public list(path: string): Array<{ readonly name: string } & FileStat> | null {
    const dir = normalizePath(path);
    const node = this.nodes.get(dir);
    if (!node || node.kind !== 'dir') return null;
    const prefix = dir === '/' ? '/' : `${dir}/`;
    const entries: Array<{ readonly name: string } & FileStat> = [];
    for (const key of this.nodes.keys()) {
      if (key === dir || !key.startsWith(prefix) || key.slice(prefix.length).includes('/')) continue;
      const stat = this.stat(key);
      if (stat) entries.push({ name: key.slice(prefix.length), ...stat });
    }
    return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  public read(path: string): Buffer | null {
    const node = this.nodes.get(normalizePath(path));
    return node && node.kind === 'file' ? node.data : null;
  }

  public write(path: string, data: Buffer, mode: number, mtime: number): string | undefined {
    const target = normalizePath(path);
    const existing = this.nodes.get(target);
    if (existing?.kind === 'dir') return `couldn't create file: Is a directory`;
    if (!this.isWritable(target)) return `couldn't create file: Permission denied`;
    const freed = existing?.kind === 'file' ? existing.data.length : 0;
    if (data.length - freed > this.phone.freeStorageBytes) return `write failed: No space left on device`;
    this.mkdirs(parentOf(target), mtime);
    this.phone.freeStorageBytes -= data.length - freed;
    this.nodes.set(target, { kind: 'file', data, mode: mode & 0o7777 || 0o644, mtime });
    return undefined;
  }

  /** Removes a file; returns an errno-style reason on failure. */
  public remove(path: string): 'ENOENT' | 'EISDIR' | 'EACCES' | undefined {
    const target = normalizePath(path);
    const node = this.nodes.get(target);
    if (!node) return 'ENOENT';
    if (node.kind === 'dir') return 'EISDIR';
    if (!this.isWritable(target)) return 'EACCES';
    this.nodes.delete(target);
    this.phone.freeStorageBytes += node.data.length;
    return undefined;
  }

  /** True when the shell user may create or replace `path`. */
  public isWritable(path: string): boolean {
    const target = normalizePath(path);
    return WRITABLE_ROOTS.some((root) => {
      const r = normalizePath(root);
      return target.startsWith(`${r}/`);
    });
  }

  private mkdirs(dir: string, mtime: number): void {
    if (this.nodes.has(dir)) return;
    this.mkdirs(parentOf(dir), mtime);
    this.nodes.set(dir, { kind: 'dir', mtime });
  }

  /** Seconds since the epoch, as sync stat reports mtime. */
  public nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }
}
