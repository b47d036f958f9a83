/**
 * The real adb 29.0.6 CLI and server against virtual adbd phones (simple backend), on a private
 * server port.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAdbd, type Adbd } from '../../virtual-lab/adbd/adbd';
import { createSimpleBackend, type SimpleBackend } from '../../virtual-lab/adbd/simple-backend';
import { adbHost, startAdbServer, type AdbHostClient, type AdbServerHandle } from '../../virtual-lab/harness';

let server: AdbServerHandle;
let host: AdbHostClient;
let dir: string;
const phones: Adbd[] = [];

async function addPhone(
  options: Parameters<typeof createSimpleBackend>[0] = {},
): Promise<{ serial: string; backend: SimpleBackend; adbd: Adbd }> {
  const backend = createSimpleBackend(options);
  const adbd = await startAdbd({ backend });
  phones.push(adbd);
  expect(await host.connect('127.0.0.1', adbd.port)).toBe(`connected to 127.0.0.1:${adbd.port}`);
  return { serial: `127.0.0.1:${adbd.port}`, backend, adbd };
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

beforeAll(async () => {
  server = await startAdbServer();
  host = adbHost(server.port);
  dir = await mkdtemp(join(tmpdir(), 'pushlab-adbd-it-'));
});

afterAll(async () => {
  await Promise.all(phones.map((phone) => phone.close()));
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('adb CLI against a virtual phone', () => {
  it('lists the phone as a device with its banner identity', async () => {
    const { serial } = await addPhone({
      props: { 'ro.product.name': 'oriole', 'ro.product.model': 'Pixel 6', 'ro.product.device': 'oriole' },
    });
    const { stdout } = await server.adb(['devices', '-l']);
    const line = stdout.split('\n').find((l) => l.startsWith(serial));
    expect(line).toMatch(/\sdevice product:oriole model:Pixel_6 device:oriole transport_id:\d+$/);
  });

  it('adb shell uses shell v2: stdout, stderr and the exit status come through separately', async () => {
    const { serial, backend } = await addPhone();
    expect((await server.adb(['-s', serial, 'shell', 'echo', 'hi'])).stdout).toBe('hi\n');
    const failure = await server
      .adb(['-s', serial, 'shell', 'echo out; nosuch; exit 3'])
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({
      code: 3,
      stdout: 'out\n',
      stderr: '/system/bin/sh: nosuch: inaccessible or not found\n',
    });
    expect(backend.commands).toContain('echo hi');
  });

  it('adb shell passes stdin through shell v2 stdin packets', async () => {
    const { serial } = await addPhone();
    const { stdout } = await server.adb(['-s', serial, 'shell', 'cat'], { input: 'from the host\n' });
    expect(stdout).toBe('from the host\n');
  });

  it('falls back to legacy shell: when the phone has no shell_v2', async () => {
    const { serial } = await addPhone({ features: [] });
    const result = await server.adb(['-s', serial, 'shell', 'echo hi; exit 3']);
    // Legacy shell has no exit status: adb reports 0.
    expect(result.stdout).toBe('hi\n');
  });

  it('push then pull roundtrips a 1 MB random file byte-exact', async () => {
    const { serial, backend } = await addPhone();
    const data = randomBytes(1024 * 1024);
    await writeFile(join(dir, 'up.bin'), data);
    await server.adb(['-s', serial, 'push', join(dir, 'up.bin'), '/data/local/tmp/up.bin']);
    expect(backend.fs.read('/data/local/tmp/up.bin')?.equals(data)).toBe(true);
    await server.adb(['-s', serial, 'pull', '/data/local/tmp/up.bin', join(dir, 'down.bin')]);
    expect(sha256(await readFile(join(dir, 'down.bin')))).toBe(sha256(data));
  });

  it('push to a read-only path reports the phone error', async () => {
    const { serial } = await addPhone();
    await writeFile(join(dir, 'small.txt'), 'x');
    const failure = await server
      .adb(['-s', serial, 'push', join(dir, 'small.txt'), '/system/small.txt'])
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 1 });
    const { stdout, stderr } = failure as { stdout: string; stderr: string };
    // adb 29.0.6 prints this error on stdout.
    expect(stdout + stderr).toContain("remote couldn't create file: Permission denied");
  });

  // Its speed is measured by `npm run bench` (install), never by a timed test.
  it('streams a 20 MB push byte for byte', async () => {
    const { serial, backend } = await addPhone();
    const data = randomBytes(20 * 1024 * 1024);
    await writeFile(join(dir, 'big.bin'), data);
    await server.adb(['-s', serial, 'push', join(dir, 'big.bin'), '/data/local/tmp/big.bin']);
    expect(backend.fs.stat('/data/local/tmp/big.bin')?.size).toBe(data.length);
    expect(sha256(backend.fs.read('/data/local/tmp/big.bin') ?? Buffer.alloc(0))).toBe(sha256(data));
  });

  const installCases = [
    {
      name: 'abb_exec (Android 10+)',
      features: undefined,
      via: 'abb',
      command: 'abb package install -S SIZE',
    },
    {
      name: 'exec:cmd package (Android 7-9)',
      features: ['shell_v2', 'cmd', 'stat_v2'],
      via: 'cmd',
      command: "cmd package 'install' -S SIZE",
    },
    {
      name: 'push + pm install (no features)',
      features: [],
      via: 'pm',
      command: "pm 'install' '/data/local/tmp/app.apk'",
    },
  ] as const;

  for (const testCase of installCases) {
    it(`adb install streams the exact APK bytes via ${testCase.name}`, async () => {
      const { serial, backend } = await addPhone(
        testCase.features === undefined ? {} : { features: testCase.features },
      );
      const apk = randomBytes(3 * 1024 * 1024 + 17);
      await writeFile(join(dir, 'app.apk'), apk);
      const { stdout } = await server.adb(['-s', serial, 'install', join(dir, 'app.apk')]);
      expect(stdout).toMatch(/Success/);
      expect(backend.installs).toEqual([{ via: testCase.via, size: apk.length, sha256: sha256(apk) }]);
      expect(backend.commands[0]).toBe(testCase.command.replace('SIZE', String(apk.length)));
    });
  }

  it('refused services fail cleanly in the client', async () => {
    const { serial } = await addPhone();
    const failure = await server.adb(['-s', serial, 'reboot']).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 1, stderr: 'error: closed\n' });
  });
});
