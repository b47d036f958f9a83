/**
 * Issue 10 point 9: `pushlab runs` and `pushlab report` only read. Tests run as root in CI, where
 * chmod 0555 does not stop a write, so "read-only" is proven two ways: (1) on a writable folder
 * the commands leave every file byte-for-byte and mtime-for-mtime as it was and create no
 * -wal/-shm; (2) where a read-only bind mount can be made (`unshare -m`, root), they run in it.
 * adb is a stand-in that logs every call: its log must stay empty (no server asked or started).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/lab/store/db';
import { MIGRATIONS } from '../../../electron/lab/store/migrations';
import { createRepositories } from '../../../electron/lab/store/repositories';
import { storeRun } from '../../unit/matrix/store-fixtures';
import { freePort } from '../../virtual-lab';
import { CLI, loggingAdb, pushlab } from './cli-process';

let root: string;
let data: string;
let env: NodeJS.ProcessEnv;
let adb: Awaited<ReturnType<typeof loggingAdb>>;

async function fingerprint(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    const file = join(dir, name);
    const info = await stat(file);
    out[name] = `${info.size} ${info.mtimeMs} ${createHash('sha256')
      .update(await readFile(file))
      .digest('hex')}`;
  }
  return out;
}

function canMountReadOnly(): boolean {
  try {
    execFileSync(
      'unshare',
      ['-m', 'sh', '-c', `mount --bind ${root} ${root} && mount -o remount,bind,ro ${root}`],
      { stdio: 'ignore' },
    );
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pushlab-readonly-'));
  data = join(root, 'data');
  await mkdir(data);
  const db = openDatabase(join(data, 'pushlab.db'));
  const repos = createRepositories(db);
  storeRun(repos, { id: 'run-done', status: 'completed' });
  storeRun(repos, { id: 'run-orphan', status: 'running' });
  db.close();
  adb = await loggingAdb(root);
  env = {
    ...process.env,
    HOME: root,
    ANDROID_ADB_SERVER_PORT: String(await freePort()),
    PUSHLAB_ADB_BIN: adb.bin,
    PUSHLAB_DATA_DIR: data,
    LANG: 'C',
  };
  delete env.PUSHLAB_ADB_NO_START;
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('read-only commands', () => {
  it('runs and report write nothing (no -wal/-shm, same bytes and mtimes) and never call adb', async () => {
    const before = await fingerprint(data);
    expect(Object.keys(before)).toEqual(['pushlab.db']);
    const runs = await pushlab(['runs', '--json'], env);
    expect(runs.code).toBe(0);
    const listed = JSON.parse(runs.stdout) as Array<{ id: string; status: string }>;
    expect(listed.map((r) => r.id).sort()).toEqual(['run-done', 'run-orphan']);
    const csv = join(root, 'out.csv');
    const report = await pushlab(
      ['report', '--run', 'run-done', '--csv', csv, '--junit', join(root, 'out.xml')],
      env,
    );
    expect(report.stderr).toBe('');
    expect(report.code).toBe(0);
    expect(await readFile(csv, 'utf8')).toMatch(/background-c2c-text/);
    expect(await fingerprint(data)).toEqual(before);
    expect(await adb.calls()).toEqual([]);
  }, 60_000);

  it('work in a folder mounted read-only (skipped where no mount namespace can be made)', async (context) => {
    if (!canMountReadOnly()) return context.skip();
    const inReadOnly = (args: string): string =>
      execFileSync(
        'unshare',
        [
          '-m',
          'sh',
          '-c',
          `mount --bind ${data} ${data} && mount -o remount,bind,ro ${data} && touch ${data}/probe ` +
            `2>/dev/null && echo WRITABLE; exec "${process.execPath}" ${CLI} ${args}`,
        ],
        {
          env,
          encoding: 'utf8',
        },
      );
    const listed = JSON.parse(inReadOnly('runs --json')) as Array<{ id: string }>;
    expect(listed.map((r) => r.id).sort()).toEqual(['run-done', 'run-orphan']);
    expect(inReadOnly(`report --run run-done --junit ${join(root, 'ro.xml')}`)).toMatch(
      /JUnit report of run run-done written/,
    );
  }, 60_000);

  it('refuses, untouched, a database whose schema is older than this PushLab', async () => {
    const old = join(root, 'old');
    await mkdir(old);
    const db = new Database(join(old, 'pushlab.db'));
    for (const m of MIGRATIONS.slice(0, 3)) m.up(db);
    db.pragma('user_version = 3');
    db.close();
    const before = await fingerprint(old);
    const result = await pushlab(['runs', '--data-dir', old], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/older schema \(3; this PushLab uses \d+\) and this command only reads/);
    expect(result.stderr).toMatch(/What to do:/);
    expect(await fingerprint(old)).toEqual(before);
  }, 30_000);

  it('names a database path that is a folder in words', async () => {
    const result = await pushlab(['runs', '--db', root], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is a folder, not a file/);
  }, 30_000);
});
