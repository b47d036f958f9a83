/**
 * Commands that need no adb never start (or even run) it, and adb failures name their real cause.
 * "adb" here is a stand-in that logs every call: its log must stay empty.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../virtual-lab';
import { listening, loggingAdb, pushlab } from './cli-process';

let dir: string;
let port: number;
let env: NodeJS.ProcessEnv;
let adb: Awaited<ReturnType<typeof loggingAdb>>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pushlab-no-adb-'));
  port = await freePort();
  adb = await loggingAdb(dir);
  env = {
    ...process.env,
    HOME: dir,
    ANDROID_ADB_SERVER_PORT: String(port),
    PUSHLAB_ADB_BIN: adb.bin,
    PUSHLAB_DATA_DIR: join(dir, 'data'),
    LANG: 'C',
  };
  delete env.PUSHLAB_ADB_NO_START;
  delete env.PUSHLAB_LOCALE;
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('commands that need no adb', () => {
  it('--help, scenarios, runs, an invalid plan and a non-APK never call adb', async () => {
    await writeFile(
      join(dir, 'plan.json'),
      JSON.stringify({ name: 'x', scenarios: ['no-such'], unknownField: 1 }),
    );
    await writeFile(join(dir, 'notes.txt'), 'not an apk');
    const help = await pushlab(['--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/scenarios \[--json\]/);
    const scenarios = await pushlab(['scenarios'], env);
    expect(scenarios.code).toBe(0);
    expect(scenarios.stdout).toMatch(/background-c2c-text\s+background/);
    const runs = await pushlab(['runs'], env);
    expect(runs).toMatchObject({ code: 0, stdout: expect.stringMatching(/No runs stored yet/) });
    const plan = await pushlab(['run', '--plan', join(dir, 'plan.json')], env);
    expect(plan.code).toBe(2);
    expect(plan.stderr).toMatch(/unknownField: is not a plan field: remove it or check its spelling\n/);
    const install = await pushlab(['install', join(dir, 'notes.txt')], env);
    expect(install.code).toBe(2);
    expect(install.stderr).toMatch(/not an Android app|not an APK|zip/i);
    expect(await adb.calls()).toEqual([]);
    expect(await listening(port)).toBe(false);
  }, 60_000);

  it('a command that needs adb does call it, and says what adb answered', async () => {
    const result = await pushlab(
      ['doctor', '--serial', 'emulator-5554', '--package', 'com.example.app'],
      env,
    );
    expect(result.code).toBe(2);
    expect(await adb.calls()).toEqual([`-P ${port} start-server`]);
    expect(result.stderr).toMatch(
      new RegExp(`Could not start an adb server on port ${port}: stand-in adb: not a server`),
    );
  }, 30_000);
});

describe('adb errors name the cause', () => {
  it('--no-start-server with nothing listening says so, without a spawn ENOENT', async () => {
    const result = await pushlab(['devices', '--no-start-server'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`No adb server answers at 127\\.0\\.0\\.1:${port}`));
    expect(result.stderr).not.toMatch(/ENOENT|nonexistent|spawn/);
  }, 30_000);

  it('a missing adb program: "adb not found" and how to install it or set PUSHLAB_ADB_BIN', async () => {
    await mkdir(join(dir, 'empty'), { recursive: true });
    const result = await pushlab(['devices'], { ...env, PUSHLAB_ADB_BIN: join(dir, 'empty', 'adb') });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/adb not found/);
    expect(result.stderr).toMatch(/PUSHLAB_ADB_BIN/);
    expect(result.stderr).not.toMatch(/spawn|ENOENT/);
  }, 30_000);
});
