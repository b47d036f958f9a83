/**
 * adbkit 3.3.9 (what the PushLab core uses) against a virtual phone through a private adb 29.0.6
 * server: legacy shell:, getprop, sync push/stat/pull/readdir, install (push + pm install -r).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Adb, { type Client, type DeviceClient } from '@devicefarmer/adbkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAdbd, type Adbd } from '../../virtual-lab/adbd/adbd';
import { createSimpleBackend, type SimpleBackend } from '../../virtual-lab/adbd/simple-backend';
import { adbHost, startAdbServer, type AdbServerHandle } from '../../virtual-lab/harness';

let server: AdbServerHandle;
let adbd: Adbd;
let backend: SimpleBackend;
let client: Client;
let device: DeviceClient;
let dir: string;

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function transferDone(transfer: NodeJS.EventEmitter): Promise<void> {
  return new Promise((resolve, reject) => {
    transfer.on('end', resolve);
    transfer.on('error', reject);
  });
}

beforeAll(async () => {
  server = await startAdbServer();
  backend = createSimpleBackend({
    props: { 'ro.product.model': 'Redmi Note 14 5G', 'ro.build.version.sdk': '35' },
  });
  adbd = await startAdbd({ backend });
  await adbHost(server.port).connect('127.0.0.1', adbd.port);
  client = Adb.createClient({ host: '127.0.0.1', port: server.port });
  device = client.getDevice(`127.0.0.1:${adbd.port}`);
  dir = await mkdtemp(join(tmpdir(), 'pushlab-adbkit-it-'));
});

afterAll(async () => {
  await adbd?.close();
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('adbkit against a virtual phone', () => {
  it('lists it as a device', async () => {
    const devices = await client.listDevices();
    expect(devices).toContainEqual({ id: `127.0.0.1:${adbd.port}`, type: 'device' });
  });

  it("shell('echo hi') goes through legacy shell: and returns the raw output", async () => {
    const before = backend.commands.length;
    const output = await Adb.util.readAll(await device.shell('echo hi'));
    expect(output.toString()).toBe('hi\n');
    expect(backend.commands.slice(before)).toEqual(['echo hi']);
  });

  it('array arguments are single-quoted and arrive as one word each', async () => {
    const output = await Adb.util.readAll(await device.shell(['echo', 'a;reboot', "it's"]));
    expect(output.toString()).toBe("a;reboot it's\n");
  });

  it('getProperties parses getprop output', async () => {
    const props = await device.getProperties();
    expect(props['ro.product.model']).toBe('Redmi Note 14 5G');
    expect(props['ro.build.version.sdk']).toBe('35');
  });

  it('push then stat, readdir and pull', async () => {
    const data = randomBytes(200_000);
    // A byte-mode stream: adbkit reads it in 64 KiB DATA chunks (object mode would send one oversize chunk).
    await transferDone(
      await device.push(Readable.from([data], { objectMode: false }), '/data/local/tmp/kit.bin', 0o644),
    );
    const stats = await device.stat('/data/local/tmp/kit.bin');
    expect(stats.size).toBe(data.length);
    expect(stats.isFile()).toBe(true);
    const entries = await device.readdir('/data/local/tmp');
    expect(entries.map((entry: { name: string }) => entry.name)).toContain('kit.bin');
    const pulled = await Adb.util.readAll(await device.pull('/data/local/tmp/kit.bin'));
    expect(sha256(pulled)).toBe(sha256(data));
  });

  it('stat of a missing file rejects', async () => {
    await expect(device.stat('/data/local/tmp/none')).rejects.toThrow();
  });

  it('install() pushes, runs pm install -r and cleans up', async () => {
    const apk = randomBytes(512 * 1024);
    const path = join(dir, 'kit.apk');
    await writeFile(path, apk);
    const before = backend.commands.length;
    expect(await device.install(path)).toBe(true);
    expect(backend.installs.at(-1)).toEqual({ via: 'pm', size: apk.length, sha256: sha256(apk) });
    expect(backend.commands.slice(before)[0]).toMatch(/^pm install -r "\/data\/local\/tmp\/.+\.apk"$/);
    // adbkit removes the pushed file afterwards (wait for its fire-and-forget rm).
    await expect
      .poll(() => backend.fs.list('/data/local/tmp')?.some((entry) => entry.name.endsWith('.apk')))
      .toBe(false);
  });
});
