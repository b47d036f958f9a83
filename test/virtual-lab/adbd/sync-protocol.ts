/**
 * File sync protocol wire formats (AOSP adb/file_sync_protocol.h, daemon/file_sync_service.cpp;
 * SYNC.TXT): requests are id + uint32 length + path; stat replies are fixed-size structs.
 */
import type { FileStat } from './backend';

/** Largest DATA chunk either side may send (SYNC_DATA_MAX). */
export const SYNC_DATA_MAX = 64 * 1024;
/** Longest path adbd accepts in a request. */
export const SYNC_PATH_MAX = 1024;
/** Linux errno for a missing file, as sent in stat v2 replies. */
export const ENOENT = 2;

/** File type bits of st_mode. */
export const S_IFMT = 0o170000;
export const S_IFREG = 0o100000;
export const S_IFDIR = 0o040000;

/** The id + uint32 that starts every sync request and DATA/DONE message. */
export interface SyncRequestHeader {
  /** Four ASCII letters, e.g. "STAT", "SEND". */
  readonly id: string;
  /** Length field: path length for requests, chunk size for DATA, mtime for DONE. */
  readonly length: number;
}

/** Parses the 8-byte id + uint32 header shared by requests, DATA and DONE. */
export function parseSyncHeader(header: Buffer): SyncRequestHeader {
  if (header.length !== 8) throw new RangeError(`sync header must be 8 bytes, got ${header.length}`);
  return { id: header.toString('latin1', 0, 4), length: header.readUInt32LE(4) };
}

/** Encodes a request (the host side; used by tests). */
export function encodeSyncRequest(id: string, payload: Buffer | string): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  return Buffer.concat([encodeIdLength(id, body.length), body]);
}

/**
 * Splits SEND's "<path>,<mode>" at the last comma; the mode is parsed like strtoul(.., 0):
 * decimal, 0x hex or leading-0 octal. Returns null when malformed.
 */
export function parseSendSpec(spec: string): { path: string; mode: number } | null {
  const comma = spec.lastIndexOf(',');
  if (comma < 0) return null;
  const path = spec.slice(0, comma);
  const raw = spec.slice(comma + 1).trim();
  let mode: number;
  if (/^0[xX][0-9a-fA-F]+$/.test(raw)) mode = Number.parseInt(raw.slice(2), 16);
  else if (/^0[0-7]*$/.test(raw)) mode = Number.parseInt(raw, 8);
  else if (/^[1-9][0-9]*$/.test(raw)) mode = Number.parseInt(raw, 10);
  else return null;
  if (path.length === 0 || !Number.isSafeInteger(mode) || mode > 0xffffffff) return null;
  return { path, mode };
}

function encodeIdLength(id: string, value: number): Buffer {
  const out = Buffer.alloc(8);
  out.write(id, 0, 4, 'latin1');
  out.writeUInt32LE(value >>> 0, 4);
  return out;
}

/** Seconds since the epoch, clamped to uint32. */
function u32(value: number): number {
  return Math.max(0, Math.min(0xffffffff, Math.floor(value))) >>> 0;
}

/** STAT (v1) reply: id, mode, size, mtime; all zero when the path does not exist. */
export function encodeStatV1(stat: FileStat | null): Buffer {
  const out = Buffer.alloc(16);
  out.write('STAT', 0, 4, 'latin1');
  if (stat !== null) {
    out.writeUInt32LE(u32(stat.mode), 4);
    out.writeUInt32LE(u32(stat.size), 8);
    out.writeUInt32LE(u32(stat.mtime), 12);
  }
  return out;
}

/** Writes the 68 bytes after the id of a stat v2 struct (error..ctime) at `offset`. */
function writeStatV2Body(out: Buffer, offset: number, stat: FileStat | null, ino: number): void {
  if (stat === null) {
    out.writeUInt32LE(ENOENT, offset);
    return;
  }
  out.writeUInt32LE(0, offset); // error
  out.writeBigUInt64LE(0xfd00n, offset + 4); // dev
  out.writeBigUInt64LE(BigInt(ino), offset + 12); // ino
  out.writeUInt32LE(u32(stat.mode), offset + 20);
  out.writeUInt32LE((stat.mode & S_IFMT) === S_IFDIR ? 2 : 1, offset + 24); // nlink
  out.writeUInt32LE(2000, offset + 28); // uid: shell
  out.writeUInt32LE(2000, offset + 32); // gid: shell
  out.writeBigUInt64LE(BigInt(Math.max(0, Math.floor(stat.size))), offset + 36);
  const mtime = BigInt(Math.floor(stat.mtime));
  out.writeBigInt64LE(mtime, offset + 44); // atime
  out.writeBigInt64LE(mtime, offset + 52); // mtime
  out.writeBigInt64LE(mtime, offset + 60); // ctime
}

/** A stable fake inode number per path, so clients comparing inodes see consistent values. */
function inodeOf(path: string): number {
  let hash = 2166136261;
  for (let i = 0; i < path.length; i += 1) hash = Math.imul(hash ^ path.charCodeAt(i), 16777619) >>> 0;
  return hash;
}

/** STA2 / LST2 reply: 72 bytes; error = ENOENT when missing. */
export function encodeStatV2(id: 'STA2' | 'LST2', path: string, stat: FileStat | null): Buffer {
  const out = Buffer.alloc(72);
  out.write(id, 0, 4, 'latin1');
  writeStatV2Body(out, 4, stat, inodeOf(path));
  return out;
}

/** LIST entry: DENT, mode, size, mtime, namelen, name. */
export function encodeDentV1(name: string, stat: FileStat): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const out = Buffer.alloc(20 + nameBytes.length);
  out.write('DENT', 0, 4, 'latin1');
  out.writeUInt32LE(u32(stat.mode), 4);
  out.writeUInt32LE(u32(stat.size), 8);
  out.writeUInt32LE(u32(stat.mtime), 12);
  out.writeUInt32LE(nameBytes.length, 16);
  nameBytes.copy(out, 20);
  return out;
}

/** LIS2 entry: DNT2 + the 68-byte stat v2 body + namelen + name. */
export function encodeDentV2(dir: string, name: string, stat: FileStat): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const out = Buffer.alloc(76 + nameBytes.length);
  out.write('DNT2', 0, 4, 'latin1');
  writeStatV2Body(out, 4, stat, inodeOf(`${dir}/${name}`));
  out.writeUInt32LE(nameBytes.length, 72);
  nameBytes.copy(out, 76);
  return out;
}

/** End of a LIST (a zeroed dent v1 with id DONE) or LIS2 (a zeroed dent v2). */
export function encodeListDone(v2: boolean): Buffer {
  const out = Buffer.alloc(v2 ? 76 : 20);
  out.write('DONE', 0, 4, 'latin1');
  return out;
}

/** DATA header for a chunk of `size` bytes (the chunk follows). */
export function encodeDataHeader(size: number): Buffer {
  return encodeIdLength('DATA', size);
}

/** DONE of a RECV (size 0) or of a SEND from the host (mtime). */
export function encodeDone(value = 0): Buffer {
  return encodeIdLength('DONE', value);
}

/** OKAY after a successful SEND (4 ignored bytes). */
export function encodeSyncOkay(): Buffer {
  return encodeIdLength('OKAY', 0);
}

/** FAIL + length + message. */
export function encodeSyncFail(message: string): Buffer {
  const text = Buffer.from(message, 'utf8');
  return Buffer.concat([encodeIdLength('FAIL', text.length), text]);
}
