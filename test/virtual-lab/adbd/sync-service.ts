/**
 * The `sync:` service (AOSP adb/daemon/file_sync_service.cpp): STAT/STA2/LST2, LIST/LIS2,
 * SEND (DATA chunks then DONE, answered once), RECV and QUIT, on top of a VirtualFs.
 */
import type { VirtualFs } from './backend';
import type { AdbStream } from './stream';
import {
  encodeDataHeader,
  encodeDentV1,
  encodeDentV2,
  encodeDone,
  encodeListDone,
  encodeStatV1,
  encodeStatV2,
  encodeSyncFail,
  encodeSyncOkay,
  parseSendSpec,
  parseSyncHeader,
  S_IFDIR,
  S_IFMT,
  SYNC_DATA_MAX,
  SYNC_PATH_MAX,
} from './sync-protocol';

/** Serves sync requests until QUIT, an error, or the stream closes. The caller then sends CLSE. */
export async function runSyncService(stream: AdbStream, fs: VirtualFs): Promise<void> {
  const { input } = stream;
  for (;;) {
    const headerBytes = await input.read(8);
    if (headerBytes === null) return;
    const header = parseSyncHeader(headerBytes);
    if (header.length > SYNC_PATH_MAX) {
      await stream.write(encodeSyncFail('path too long'));
      return;
    }
    const pathBytes = await input.read(header.length);
    if (pathBytes === null) return;
    const path = pathBytes.toString('utf8');
    if (!(await handleRequest(stream, fs, header.id, path))) return;
  }
}

async function handleRequest(stream: AdbStream, fs: VirtualFs, id: string, path: string): Promise<boolean> {
  switch (id) {
    case 'STAT':
      await stream.write(encodeStatV1(fs.stat(path)));
      return true;
    case 'STA2':
    case 'LST2':
      await stream.write(encodeStatV2(id, path, fs.stat(path)));
      return true;
    case 'LIST':
    case 'LIS2':
      await sendList(stream, fs, path, id === 'LIS2');
      return true;
    case 'SEND':
      return receiveFile(stream, fs, path);
    case 'RECV':
      return sendFile(stream, fs, path);
    case 'QUIT':
      return false;
    default: {
      const code = Buffer.from(id, 'latin1').readUInt32LE(0).toString(16).padStart(8, '0');
      await stream.write(encodeSyncFail(`unknown command ${code}`));
      return false;
    }
  }
}

async function sendList(stream: AdbStream, fs: VirtualFs, path: string, v2: boolean): Promise<void> {
  const dir = path.replace(/\/+$/, '') || '/';
  for (const entry of fs.list(path) ?? []) {
    await stream.write(v2 ? encodeDentV2(dir, entry.name, entry) : encodeDentV1(entry.name, entry));
  }
  await stream.write(encodeListDone(v2));
}

/** SEND: collect DATA chunks (by reference, one concat at the end) until DONE, then answer once. */
async function receiveFile(stream: AdbStream, fs: VirtualFs, spec: string): Promise<boolean> {
  const parsed = parseSendSpec(spec);
  if (parsed === null) {
    await stream.write(encodeSyncFail(spec.includes(',') ? 'bad mode' : 'missing , in ID_SEND_V1'));
    return false;
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const headerBytes = await stream.input.read(8);
    if (headerBytes === null) return false;
    const header = parseSyncHeader(headerBytes);
    if (header.id === 'DONE') {
      const error = fs.write(
        parsed.path,
        chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total),
        parsed.mode,
        header.length,
      );
      await stream.write(error === undefined ? encodeSyncOkay() : encodeSyncFail(error));
      return error === undefined;
    }
    if (header.id !== 'DATA') {
      await stream.write(encodeSyncFail('invalid data message'));
      return false;
    }
    if (header.length > SYNC_DATA_MAX) {
      await stream.write(encodeSyncFail('oversize data message'));
      return false;
    }
    const data = await stream.input.read(header.length);
    if (data === null) return false;
    chunks.push(data);
    total += data.length;
  }
}

/** RECV: DATA chunks of at most 64 KiB, then DONE; FAIL when it cannot be read. */
async function sendFile(stream: AdbStream, fs: VirtualFs, path: string): Promise<boolean> {
  const stat = fs.stat(path);
  const data = stat === null ? null : fs.read(path);
  if (stat === null || data === null) {
    const reason =
      stat === null
        ? 'open failed: No such file or directory'
        : (stat.mode & S_IFMT) === S_IFDIR
          ? 'read failed: Is a directory'
          : 'open failed: Permission denied';
    await stream.write(encodeSyncFail(reason));
    return false;
  }
  for (let offset = 0; offset < data.length; offset += SYNC_DATA_MAX) {
    const chunk = data.subarray(offset, offset + SYNC_DATA_MAX);
    await stream.write(encodeDataHeader(chunk.length));
    await stream.write(chunk);
  }
  await stream.write(encodeDone(0));
  return true;
}
