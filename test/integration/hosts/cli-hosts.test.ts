/**
 * `pushlab devices` as a user runs it against a lab across two hosts (two adb servers): every
 * phone is listed with its host, and a dead host is named while the other is still listed.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAdbServer, VirtualLab, type AdbServerHandle } from '../../virtual-lab';
import { pushlab } from '../cli/cli-process';

let a: AdbServerHandle;
let b: AdbServerHandle;
let labA: VirtualLab;
let labB: VirtualLab;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pushlab-cli-hosts-'));
  a = await startAdbServer();
  b = await startAdbServer();
  labA = await VirtualLab.start({ adbPort: a.port });
  labB = await VirtualLab.start({ adbPort: b.port });
  await labA.addPhone({ profile: 'xiaomi-hyperos2-android14-2' });
  await labB.addPhone({ profile: 'vivo-originos5-android15-1' });
}, 60_000);

afterAll(async () => {
  await labA?.close();
  await labB?.close();
  await a?.stop();
  await b?.stop();
  await rm(dir, { recursive: true, force: true });
});

const env = (): NodeJS.ProcessEnv => ({ ...process.env, PUSHLAB_DATA_DIR: dir, PUSHLAB_ADB_NO_START: '1' });

describe('pushlab devices across hosts', { timeout: 120_000 }, () => {
  it('lists phones of both hosts with "host" in --json', async () => {
    const result = await pushlab(
      ['devices', '--json', '--adb-host', `127.0.0.1:${a.port}`, '--adb-host', `lab-b=127.0.0.1:${b.port}`],
      env(),
    );
    expect(result.code, result.stderr).toBe(0);
    const phones = JSON.parse(result.stdout) as Array<{ serial: string; host: string; manufacturer: string }>;
    const bySerial = new Map(phones.map((p) => [p.serial, p]));
    const onA = labA.phones()[0]!.serial;
    const onB = `lab-b/${labB.phones()[0]!.serial}`;
    expect(bySerial.get(onA)?.host).toBe('local');
    expect(bySerial.get(onB)?.host).toBe('lab-b');
    expect(bySerial.get(onB)?.manufacturer.toLowerCase()).toBe('vivo');
  });

  it('reads hosts.json, and names a dead host while listing the other', async () => {
    const file = join(dir, 'hosts.json');
    await writeFile(
      file,
      JSON.stringify([
        { name: 'bench-a', address: '127.0.0.1', port: a.port },
        { name: 'bench-b', address: '127.0.0.1', port: 1 },
      ]),
    );
    const result = await pushlab(['devices', '--hosts', file], env());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^HOST\s+SERIAL/m);
    expect(result.stdout).toContain(`bench-a  ${labA.phones()[0]!.serial}`);
    expect(result.stdout).toMatch(/Host bench-b \(127\.0\.0\.1:1\): (reconnecting|unreachable)/);
  });

  it('refuses a bad host list with a typed error and the fix', async () => {
    const result = await pushlab(
      ['devices', '--adb-host', 'a=127.0.0.1', '--adb-host', 'a=127.0.0.2'],
      env(),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is used twice/);
  });
});
