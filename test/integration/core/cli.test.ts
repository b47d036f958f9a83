import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../virtual-lab/harness';
import { writeTestApk } from '../../virtual-lab/apk/build-apk';
import { openCoreLab, type CoreLab } from '../../support/core-lab';

const run = promisify(execFile);
const CLI = join(process.cwd(), 'electron/cli/pushlab.mjs');

async function cli(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { env, maxBuffer: 8 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('pushlab CLI', () => {
  let env: CoreLab;

  beforeAll(async () => {
    env = await openCoreLab();
    await env.lab.addPhones([
      { profile: 'xiaomi-miui14-android13-4' },
      { profile: 'honor-emui8-android8-1' },
    ]);
  });
  afterAll(async () => {
    await env?.close();
  });

  it('devices --json prints every documented field', async () => {
    const { code, stdout } = await cli([
      'devices',
      '--json',
      '--adb-port',
      String(env.adbPort),
      '--db',
      join(env.dir, 'cli.db'),
    ]);
    expect(code).toBe(0);
    const devices = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(devices).toHaveLength(2);
    for (const d of devices) {
      for (const field of [
        'serial',
        'platform',
        'state',
        'manufacturer',
        'brand',
        'vendor',
        'model',
        'androidVersion',
        'sdk',
        'rom',
        'pushChannel',
        'pushServices',
      ]) {
        expect(d, field).toHaveProperty(field);
      }
      expect(d.platform).toBe('android');
      expect(d.state).toBe('device');
    }
    const xiaomi = devices.find((d) => d.manufacturer === 'Xiaomi');
    expect(xiaomi?.rom).toEqual({ name: 'MIUI', version: expect.stringMatching(/^V?14\./) });
    expect(xiaomi?.pushChannel).toBe('xiaomi');
    // Vendor groups (README): the Redmi with Xiaomi, the pre-split Honor (manufacturer HUAWEI, on HMS) with Honor.
    expect(xiaomi?.vendor).toBe('xiaomi');
    const honor = devices.find((d) => d.brand === 'HONOR');
    expect(honor).toMatchObject({ manufacturer: 'HUAWEI', pushChannel: 'huawei', vendor: 'honor' });
    expect(xiaomi?.pushServices).toEqual(
      expect.arrayContaining([expect.objectContaining({ package: 'com.xiaomi.xmsf' })]),
    );
  });

  it('install puts an APK on a named phone and exits 0', async () => {
    const apk = join(env.dir, 'cli.apk');
    await writeTestApk(apk, { packageName: 'com.example.cli', versionCode: 5, minSdk: 21 });
    const serial = env.lab.phones()[0]!.serial;
    const { code, stdout, stderr } = await cli([
      'install',
      apk,
      '--serial',
      serial,
      '--adb-port',
      String(env.adbPort),
      '--db',
      join(env.dir, 'cli.db'),
    ]);
    expect(stderr).toContain('installing');
    expect(stdout).toContain('1 of 1 phone(s) installed com.example.cli');
    expect(code).toBe(0);
  });

  it('doctor --json prints the documented shape and exits 1 while a check fails; --fix repairs what adb can', async () => {
    const serial = env.lab.phones()[0]!.serial; // has com.example.cli from the install test, never launched
    const args = [
      'doctor',
      '--serial',
      serial,
      '--package',
      'com.example.cli',
      '--adb-port',
      String(env.adbPort),
      '--db',
      join(env.dir, 'cli.db'),
    ];
    const first = await cli([...args, '--json']);
    expect(first.code).toBe(1);
    const report = JSON.parse(first.stdout) as {
      serial: string;
      package: string;
      takenAt: string;
      checks: Array<{ id: string; status: string; evidence: string; advice: string }>;
    };
    expect(report).toMatchObject({ serial, package: 'com.example.cli', takenAt: expect.any(String) });
    const stopped = report.checks.find((c) => c.id === 'app.stopped');
    expect(stopped).toMatchObject({
      status: 'fail',
      evidence: expect.stringContaining('stopped=true'),
      advice: expect.stringMatching(/\w+/),
    });
    const fixed = await cli([...args, '--json', '--fix']);
    const after = JSON.parse(fixed.stdout) as {
      checks: Array<{ id: string; status: string }>;
      fixesApplied: Array<{ fix: string; ok: boolean }>;
    };
    expect(after.fixesApplied).toEqual(
      expect.arrayContaining([expect.objectContaining({ fix: 'launch-app', ok: true })]),
    );
    expect(after.checks.find((c) => c.id === 'app.stopped')?.status).toBe('ok');
  });

  it('doctor refuses an unknown package with exit 2 and says what to do', async () => {
    const serial = env.lab.phones()[0]!.serial;
    const { code, stderr } = await cli([
      'doctor',
      '--serial',
      serial,
      '--package',
      'com.example.absent',
      '--adb-port',
      String(env.adbPort),
      '--db',
      join(env.dir, 'cli.db'),
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/com\.example\.absent is not installed/);
    expect(stderr).toMatch(/What to do:/);
  });

  it('says what to do and exits 2 when adb is unreachable', async () => {
    const port = await freePort();
    const { code, stderr } = await cli([
      'devices',
      '--adb-port',
      String(port),
      '--no-start-server',
      '--db',
      join(env.dir, 'x.db'),
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/No adb server answers at 127\.0\.0\.1:\d+/);
    expect(stderr).toMatch(/What to do:/);
  });

  it('rejects a non-APK with exit 2 and a clear message', async () => {
    const { code, stderr } = await cli([
      'install',
      CLI,
      '--adb-port',
      String(env.adbPort),
      '--db',
      join(env.dir, 'cli.db'),
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/not an Android app/i);
  });
});
