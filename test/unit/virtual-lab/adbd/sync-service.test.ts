import { afterEach, describe, expect, it } from 'vitest';
import { startAdbd } from '../../../virtual-lab/adbd/adbd';
import { A_OKAY, A_WRTE } from '../../../virtual-lab/adbd/constants';
import { createSimpleBackend, type SimpleBackend } from '../../../virtual-lab/adbd/simple-backend';
import { encodeSyncRequest, S_IFDIR, S_IFMT, S_IFREG } from '../../../virtual-lab/adbd/sync-protocol';
import { FakeHost } from './fake-host';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function syncSession(): Promise<{
  backend: SimpleBackend;
  host: FakeHost;
  remote: number;
  request: (bytes: Buffer) => Promise<void>;
}> {
  const backend = createSimpleBackend();
  const adbd = await startAdbd({ backend });
  cleanups.push(() => adbd.close());
  const host = await FakeHost.open(adbd.port);
  cleanups.push(() => host.close());
  await host.handshake();
  const remote = (await host.openService(1, 'sync:')) as number;
  const request = async (bytes: Buffer): Promise<void> => {
    host.send(A_WRTE, 1, remote, bytes);
    await host.next((p) => p.command === A_OKAY && p.arg1 === 1);
  };
  return { backend, host, remote, request };
}

/** Collects WRTE payloads until `size` bytes arrived, OKAYing each. */
async function readBytes(host: FakeHost, remote: number, size: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < size) {
    const packet = await host.next((p) => p.command === A_WRTE && p.arg1 === 1);
    chunks.push(packet.data);
    total += packet.data.length;
    host.send(A_OKAY, 1, remote);
  }
  return Buffer.concat(chunks);
}

function dataChunk(data: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.write('DATA', 0, 'latin1');
  header.writeUInt32LE(data.length, 4);
  return Buffer.concat([header, data]);
}

function done(mtime: number): Buffer {
  const out = Buffer.alloc(8);
  out.write('DONE', 0, 'latin1');
  out.writeUInt32LE(mtime, 4);
  return out;
}

describe('sync: service', () => {
  it('SEND with DATA chunks and DONE stores the file and answers OKAY once', async () => {
    const { backend, host, remote, request } = await syncSession();
    const content = Buffer.from('x'.repeat(70_000));
    // SEND + first DATA packed together, the rest split oddly, as adb does.
    const body = Buffer.concat([
      encodeSyncRequest('SEND', '/data/local/tmp/a.txt,33188'),
      dataChunk(content.subarray(0, 65536)),
      dataChunk(content.subarray(65536)),
      done(1_700_000_123),
    ]);
    await request(body.subarray(0, 100));
    await request(body.subarray(100));
    const reply = await readBytes(host, remote, 8);
    expect(reply.toString('latin1', 0, 4)).toBe('OKAY');
    expect(backend.fs.read('/data/local/tmp/a.txt')?.equals(content)).toBe(true);
    expect(backend.fs.stat('/data/local/tmp/a.txt')).toEqual({
      mode: S_IFREG | 0o644,
      size: 70_000,
      mtime: 1_700_000_123,
    });
  });

  it('SEND to a read-only path answers FAIL with the backend message, then closes', async () => {
    const { host, remote, request } = await syncSession();
    await request(
      Buffer.concat([encodeSyncRequest('SEND', '/system/x,33188'), dataChunk(Buffer.from('hi')), done(1)]),
    );
    const { data } = await host.readStream(1, remote);
    expect(data.toString('latin1', 0, 4)).toBe('FAIL');
    expect(data.toString('utf8', 8)).toBe("couldn't create file: Permission denied");
  });

  it('an oversize DATA chunk is refused', async () => {
    const { host, remote, request } = await syncSession();
    const header = Buffer.alloc(8);
    header.write('DATA', 0, 'latin1');
    header.writeUInt32LE(65537, 4);
    await request(Buffer.concat([encodeSyncRequest('SEND', '/data/local/tmp/big,33188'), header]));
    const { data } = await host.readStream(1, remote);
    expect(data.toString('utf8', 8)).toBe('oversize data message');
  });

  it('STAT, STA2, LIST and RECV reflect the filesystem; QUIT closes the stream', async () => {
    const { backend, host, remote, request } = await syncSession();
    const content = Buffer.alloc(150_000, 5);
    backend.fs.write('/data/local/tmp/f.bin', content, 0o100600, 42);

    await request(encodeSyncRequest('STAT', '/data/local/tmp/f.bin'));
    const stat = await readBytes(host, remote, 16);
    expect([
      stat.toString('latin1', 0, 4),
      stat.readUInt32LE(4),
      stat.readUInt32LE(8),
      stat.readUInt32LE(12),
    ]).toEqual(['STAT', 0o100600, 150_000, 42]);

    await request(encodeSyncRequest('STA2', '/data/local/tmp'));
    const sta2 = await readBytes(host, remote, 72);
    expect(sta2.readUInt32LE(4)).toBe(0);
    expect(sta2.readUInt32LE(24) & S_IFMT).toBe(S_IFDIR);

    await request(encodeSyncRequest('LIST', '/data/local/tmp'));
    const list = await readBytes(host, remote, 20 + 'f.bin'.length + 20);
    expect(list.toString('latin1', 0, 4)).toBe('DENT');
    expect(list.toString('utf8', 20, 25)).toBe('f.bin');
    expect(list.toString('latin1', 25, 29)).toBe('DONE');

    await request(encodeSyncRequest('RECV', '/data/local/tmp/f.bin'));
    const expectedSize = 3 * 8 + 150_000 + 8; // three DATA headers (64K, 64K, rest) + DONE
    const recv = await readBytes(host, remote, expectedSize);
    expect(recv.length).toBe(expectedSize);
    expect(recv.toString('latin1', 0, 4)).toBe('DATA');
    expect(recv.readUInt32LE(4)).toBe(65536);
    expect(recv.toString('latin1', recv.length - 8, recv.length - 4)).toBe('DONE');

    host.send(A_WRTE, 1, remote, encodeSyncRequest('QUIT', ''));
    const rest = await host.readStream(1, remote);
    expect(rest.data.length).toBe(0);
  });

  it('RECV of a missing file answers FAIL', async () => {
    const { host, remote, request } = await syncSession();
    await request(encodeSyncRequest('RECV', '/data/local/tmp/none'));
    const { data } = await host.readStream(1, remote);
    expect(data.toString('utf8', 8)).toBe('open failed: No such file or directory');
  });
});
