/**
 * `pushlab run` as CI uses it: a child process on the same adb server and Tencent emulator as the
 * virtual phones, writing JUnit and JSON; exit codes; and the kill test — SIGKILL the run
 * mid-way, resume it, and find every attempt judged with nothing stored before lost or rewritten.
 */
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../../support/core-lab';
import { openRunLab, type RunLab } from '../../../support/run-lab';

const CLI = join(process.cwd(), 'electron/cli/pushlab.mjs');
let env: RunLab;

beforeAll(async () => {
  env = await openRunLab({
    phones: [
      { profile: 'xiaomi-hyperos2-android14-2', id: 'mi', account: 'qa_xiaomi' },
      { profile: 'oppo-coloros15-android15-1', id: 'oppo', account: 'qa_oppo' },
      { profile: 'google-pixel-android15-1', id: 'pixel', account: 'qa_pixel' },
    ],
  });
}, 60_000);
afterAll(async () => env?.close());

interface Child {
  readonly done: Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>;
  kill(signal: NodeJS.Signals): void;
}

function pushlab(args: string[]): Child {
  const child = spawn(
    process.execPath,
    [CLI, ...args, '--adb-port', String(env.server.port), '--no-start-server'],
    { env: env.env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return {
    done: new Promise((resolve) =>
      child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
    ),
    kill: (signal) => child.kill(signal),
  };
}

async function planFile(name: string, overrides: Record<string, unknown>): Promise<string> {
  const path = join(env.dir, `${name}.json`);
  await writeFile(path, JSON.stringify({ ...env.world.plan(overrides), name }, null, 2));
  return path;
}

describe('pushlab run', () => {
  it('runs a plan, writes JUnit with every cell and JSON, and exits 0 when nothing failed', async () => {
    const plan = await planFile('cli-ok', {
      scenarios: ['background-c2c-text', 'background-image', 'background-custom-no-desc', 'foreground-text'],
      timeouts: { pushMs: 3000, stepMs: 15000 },
    });
    const junit = join(env.dir, 'cli-ok.xml');
    const db = join(env.dir, 'cli-ok.db');
    const { code, stdout, stderr } = await pushlab([
      'run',
      '--plan',
      plan,
      '--junit',
      junit,
      '--json',
      '--db',
      db,
    ]).done;
    expect(code, stderr).toBe(0);
    const result = JSON.parse(stdout) as { status: string; attempts: Array<{ verdict: { kind: string } }> };
    expect(result.status).toBe('completed');
    expect(result.attempts).toHaveLength(12);
    expect(result.attempts.filter((a) => a.verdict.kind === 'pass').length).toBeGreaterThanOrEqual(11);
    const xml = await readFile(junit, 'utf8');
    expect((xml.match(/<testcase /g) ?? []).length).toBe(12);
    expect(stderr).toMatch(/\[12\/12\]/);
  }, 120_000);

  it('exits 1 when a cell fails or is blocked, and 2 for an invalid plan', async () => {
    const json = {
      ...env.world.plan({ scenarios: ['logged-out-text'], timeouts: { pushMs: 2000, stepMs: 15000 } }),
      name: 'no-logout',
    } as Record<string, unknown>;
    const app = { ...(json.app as Record<string, unknown>) };
    delete app.logout;
    const path = join(env.dir, 'no-logout.json');
    await writeFile(path, JSON.stringify({ ...json, app }));
    const blocked = await pushlab(['run', '--plan', path, '--db', join(env.dir, 'blocked.db')]).done;
    expect(blocked.code, blocked.stderr).toBe(1);
    expect(blocked.stdout).toMatch(/blocked:1/);

    const bad = join(env.dir, 'bad.json');
    await writeFile(
      bad,
      JSON.stringify({ ...json, repeats: 0, sender: { kind: 'tencent', secret: 'inline-key' } }),
    );
    const invalid = await pushlab(['run', '--plan', bad, '--db', join(env.dir, 'bad.db')]).done;
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/repeats/);
    expect(invalid.stderr).toMatch(/sender/);
  }, 120_000);

  it('survives SIGKILL mid-run: resume judges the rest and loses or rewrites nothing', async () => {
    const plan = await planFile('cli-kill', {
      scenarios: [
        'background-c2c-text',
        'background-image',
        'background-audio',
        'background-file',
        'background-custom-no-desc',
        'swiped-away-text',
      ],
      timeouts: { pushMs: 2500, stepMs: 15000 },
    });
    const dbPath = join(env.dir, 'cli-kill.db');
    const first = pushlab(['run', '--plan', plan, '--db', dbPath]);
    const db = new Database(dbPath, { readonly: false, fileMustExist: false });
    const doneRows = (): Array<{ id: number; verdict_json: string; serial: string }> => {
      try {
        return db
          .prepare("SELECT id, verdict_json, serial FROM run_attempts WHERE status = 'done' ORDER BY id")
          .all() as Array<{ id: number; verdict_json: string; serial: string }>;
      } catch {
        return [];
      }
    };
    await eventually(() => doneRows().length >= 5, 90_000, 'five attempts judged');
    first.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    const before = doneRows();
    const runningAtKill = (
      db.prepare("SELECT COUNT(*) AS n FROM run_attempts WHERE status = 'running'").get() as { n: number }
    ).n;
    const evidenceBefore = db
      .prepare('SELECT id, attempt_id, kind, data_json FROM run_evidence ORDER BY id')
      .all();
    const run = db.prepare('SELECT id, status FROM runs').get() as { id: string; status: string };
    expect(run.status).toBe('running'); // nobody could mark it: the process died
    const total = (db.prepare('SELECT COUNT(*) AS n FROM run_attempts').get() as { n: number }).n;
    expect(total).toBe(18);
    expect(before.length).toBeLessThan(total);

    const listed = await pushlab(['runs', '--json', '--db', dbPath]).done;
    expect((JSON.parse(listed.stdout) as Array<{ id: string; status: string }>)[0]).toMatchObject({
      id: run.id,
      status: 'interrupted',
    });

    const resumed = await pushlab(['run', '--resume', run.id, '--json', '--db', dbPath]).done;
    expect(resumed.code, resumed.stderr).toBe(0);
    const after = db.prepare('SELECT id, status, verdict_json FROM run_attempts ORDER BY id').all() as Array<{
      id: number;
      status: string;
      verdict_json: string;
    }>;
    expect(after).toHaveLength(18);
    expect(after.every((a) => a.status === 'done')).toBe(true);
    for (const row of before) expect(after.find((a) => a.id === row.id)?.verdict_json).toBe(row.verdict_json);
    const evidenceAfter = db
      .prepare('SELECT id, attempt_id, kind, data_json FROM run_evidence ORDER BY id')
      .all();
    expect(evidenceAfter.slice(0, evidenceBefore.length)).toEqual(evidenceBefore);
    // Each attempt the kill cut short was put back with an 'interrupted' step, then judged anew.
    expect(
      (db.prepare("SELECT COUNT(*) AS n FROM run_steps WHERE name = 'interrupted'").get() as { n: number }).n,
    ).toBe(runningAtKill);
    expect(
      (db.prepare('SELECT status FROM runs WHERE id = ?').get(run.id) as { status: string }).status,
    ).toBe('completed');
    db.close();
  }, 240_000);
});
