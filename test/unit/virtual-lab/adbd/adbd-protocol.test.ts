import { afterEach, describe, expect, it } from 'vitest';
import { startAdbd, type Adbd } from '../../../virtual-lab/adbd/adbd';
import type { DeviceBackend } from '../../../virtual-lab/adbd/backend';
import {
  A_AUTH,
  A_CLSE,
  A_CNXN,
  A_OKAY,
  A_VERSION,
  A_WRTE,
  AUTH_RSAPUBLICKEY,
  AUTH_SIGNATURE,
  AUTH_TOKEN,
} from '../../../virtual-lab/adbd/constants';
import { encodePacket } from '../../../virtual-lab/adbd/packet';
import {
  encodeShellPacket,
  ShellPacketDecoder,
  SHELL_CLOSE_STDIN,
  SHELL_EXIT,
  SHELL_STDERR,
  SHELL_STDIN,
  SHELL_STDOUT,
} from '../../../virtual-lab/adbd/shell-v2';
import { createSimpleBackend } from '../../../virtual-lab/adbd/simple-backend';
import { FakeHost } from './fake-host';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function phone(
  options: { backend?: DeviceBackend; authorized?: boolean; maxPayload?: number } = {},
): Promise<{ adbd: Adbd; host: FakeHost }> {
  const adbd = await startAdbd({
    backend: options.backend ?? createSimpleBackend(),
    authorized: options.authorized,
    maxPayload: options.maxPayload,
  });
  cleanups.push(() => adbd.close());
  const host = await FakeHost.open(adbd.port);
  cleanups.push(() => host.close());
  return { adbd, host };
}

/** A backend whose shell prints `size` bytes of a pattern in 1000-byte writes, to exercise flow control. */
function bulkBackend(size: number): DeviceBackend {
  const base = createSimpleBackend();
  return {
    ...base,
    fs: base.fs,
    async shell(_command, io) {
      const data = Buffer.alloc(size);
      for (let i = 0; i < size; i += 1) data[i] = i % 251;
      for (let offset = 0; offset < size; offset += 1000)
        await io.stdout(data.subarray(offset, offset + 1000));
      return 0;
    },
  };
}

describe('virtual adbd handshake', () => {
  it('answers CNXN with version, max payload and a device banner', async () => {
    const { host } = await phone({
      backend: createSimpleBackend({
        props: { 'ro.product.model': 'Mi: 10', 'ro.product.name': 'umi', 'ro.product.device': 'umi' },
      }),
    });
    const reply = await host.handshake();
    expect(reply.arg0).toBe(A_VERSION);
    expect(reply.arg1).toBe(256 * 1024);
    const banner = reply.data.toString();
    expect(
      banner.startsWith(
        'device::ro.product.name=umi;ro.product.model=Mi_ 10;ro.product.device=umi;features=',
      ),
    ).toBe(true);
    expect(banner).toContain('shell_v2');
    expect(banner.split(':')).toHaveLength(3);
  });

  it('an unauthorized phone sends AUTH tokens, waits after the public key, and connects on authorize()', async () => {
    const { adbd, host } = await phone({ authorized: false });
    host.send(A_CNXN, A_VERSION, 1024 * 1024, 'host::');
    const token = await host.next();
    expect([token.command, token.arg0, token.data.length]).toEqual([A_AUTH, AUTH_TOKEN, 20]);
    host.send(A_AUTH, AUTH_SIGNATURE, 0, Buffer.alloc(256, 1));
    const second = await host.next();
    expect([second.command, second.arg0]).toEqual([A_AUTH, AUTH_TOKEN]);
    expect(second.data.equals(token.data)).toBe(false);
    host.send(A_AUTH, AUTH_RSAPUBLICKEY, 0, 'QAAAA= user@host\0');
    expect(await host.quietFor(100)).toBe(true);
    // Streams are refused (ignored) until the phone is authorized.
    host.send(0x4e45504f, 1, 0, 'shell:echo hi\0');
    expect(await host.quietFor(50)).toBe(true);
    adbd.authorize();
    const cnxn = await host.next();
    expect(cnxn.command).toBe(A_CNXN);
    expect(adbd.authorized).toBe(true);
  });

  it('drops the connection on a bad magic', async () => {
    const { host } = await phone();
    await host.handshake();
    const bad = encodePacket({ command: A_OKAY, arg0: 1, arg1: 1, data: Buffer.alloc(0) });
    bad.writeUInt32LE(1, 20);
    host.writeRaw(bad);
    await expect(host.next(() => true, 1000)).rejects.toThrow(/closed/);
  });
});

describe('virtual adbd streams', () => {
  it('refuses unknown and host: services with CLSE(0, id)', async () => {
    const { host } = await phone();
    await host.handshake();
    expect(await host.openService(5, 'host:version')).toBeNull();
    expect(await host.openService(6, 'frobnicate:')).toBeNull();
    const clse = host.received.filter((packet) => packet.command === A_CLSE);
    expect(clse.map((packet) => [packet.arg0, packet.arg1])).toEqual([
      [0, 5],
      [0, 6],
    ]);
  });

  it('legacy shell: raw output merged with stderr, then CLSE', async () => {
    const { host } = await phone();
    await host.handshake();
    const remote = await host.openService(1, 'shell:echo hi; nosuch');
    expect(remote).not.toBeNull();
    const { data } = await host.readStream(1, remote as number);
    expect(data.toString()).toBe('hi\n/system/bin/sh: nosuch: inaccessible or not found\n');
  });

  it('keeps one WRTE in flight, each within min(our, host) max payload', async () => {
    const size = 300_000;
    const { host } = await phone({ backend: bulkBackend(size), maxPayload: 64 * 1024 });
    await host.handshake(16 * 1024);
    const remote = (await host.openService(1, 'exec:bulk')) as number;
    const first = await host.next((p) => p.command === A_WRTE);
    expect(first.data.length).toBeLessThanOrEqual(16 * 1024);
    // No OKAY yet: the phone must not send another WRTE.
    expect(await host.quietFor(80)).toBe(true);
    host.send(A_OKAY, 1, remote);
    const rest = await host.readStream(1, remote);
    expect(Math.max(...rest.writes)).toBeLessThanOrEqual(16 * 1024);
    // Small writes are coalesced while a WRTE is in flight.
    expect(rest.writes.length).toBeLessThan(size / 1000 / 4);
    const all = Buffer.concat([first.data, rest.data]);
    expect(all.length).toBe(size);
    expect(all[size - 1]).toBe((size - 1) % 251);
  });

  it('shell v2: stdin packets reach the command; stdout, stderr and exit come framed', async () => {
    const { host } = await phone();
    await host.handshake();
    const remote = (await host.openService(1, 'shell,v2,TERM=xterm,raw:cat; nosuch')) as number;
    // stdin split awkwardly across WRTEs, then close-stdin.
    const stdin = Buffer.concat([
      encodeShellPacket(SHELL_STDIN, Buffer.from('line one\n')),
      encodeShellPacket(SHELL_STDIN, Buffer.from('line two\n')),
      encodeShellPacket(SHELL_CLOSE_STDIN, Buffer.alloc(0)),
    ]);
    host.send(A_WRTE, 1, remote, stdin.subarray(0, 7));
    await host.next((p) => p.command === A_OKAY && p.arg1 === 1);
    host.send(A_WRTE, 1, remote, stdin.subarray(7));
    const { data } = await host.readStream(1, remote);
    const packets = new ShellPacketDecoder().push(data);
    const text = (id: number): string =>
      Buffer.concat(packets.filter((p) => p.id === id).map((p) => p.data)).toString();
    expect(text(SHELL_STDOUT)).toBe('line one\nline two\n');
    expect(text(SHELL_STDERR)).toBe('/system/bin/sh: nosuch: inaccessible or not found\n');
    expect(packets.at(-1)).toEqual({ id: SHELL_EXIT, data: Buffer.from([127]) });
  });

  it('abb_exec: passes NUL-separated args and streams stdin', async () => {
    const backend = createSimpleBackend();
    const { host } = await phone({ backend });
    await host.handshake();
    const apk = Buffer.alloc(5000, 9);
    const remote = (await host.openService(1, `abb_exec:package\0install\0-S\0${apk.length}`)) as number;
    host.send(A_WRTE, 1, remote, apk.subarray(0, 3000));
    await host.next((p) => p.command === A_OKAY && p.arg1 === 1);
    host.send(A_WRTE, 1, remote, apk.subarray(3000));
    const { data } = await host.readStream(1, remote);
    expect(data.toString()).toBe('Success\n');
    expect(backend.installs).toEqual([expect.objectContaining({ via: 'abb', size: 5000 })]);
    expect(backend.commands).toEqual(['abb package install -S 5000']);
  });

  it('ignores packets for unknown stream ids and resets streams on a second CNXN', async () => {
    const { host } = await phone();
    await host.handshake();
    host.send(A_OKAY, 9, 12345);
    host.send(A_WRTE, 9, 12345, 'stray');
    host.send(A_CLSE, 9, 12345);
    expect(await host.quietFor(50)).toBe(true);
    const remote = (await host.openService(1, 'shell:cat')) as number;
    await host.handshake();
    // The old stream is gone: data for it is ignored (no OKAY comes back).
    host.send(A_WRTE, 1, remote, 'x');
    expect(await host.quietFor(80)).toBe(true);
    const again = await host.openService(2, 'shell:echo ok');
    expect((await host.readStream(2, again as number)).data.toString()).toBe('ok\n');
  });

  it('close() drops every connection', async () => {
    const { adbd, host } = await phone();
    await host.handshake();
    expect(adbd.connections()).toBe(1);
    await adbd.close();
    await expect(host.next(() => true, 1000)).rejects.toThrow(/closed/);
    expect(adbd.connections()).toBe(0);
  });
});
