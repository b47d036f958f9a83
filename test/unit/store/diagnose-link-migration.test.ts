/**
 * Migration 0007 (run_attempts.diagnose_link), tested like the earlier migrations: schema,
 * constraint, upgrade of a version-6 database with a diagnosed verdict already in verdict_json,
 * and the repository writing and counting the link.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/lab/store/migrate';
import { MIGRATIONS } from '../../../electron/lab/store/migrations';
import { RunRepository } from '../../../electron/lab/store/run-repository';
import { diagnose } from '../../../shared/runs/diagnose';
import { parsePlan } from '../../../shared/runs/parse-plan';
import { verdictOf } from '../runs/run-fixtures';

type Db = Database.Database;
const raw = (): Db => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  return db;
};
const columns = (db: Db, table: string): string[] =>
  (db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((c) => c.name);

const DIAGNOSIS = diagnose({
  tencent: { shown: false, requestId: 'k1', error: null },
  vendor: { kind: 'fcm', shown: true, requestId: 'projects/p/messages/1', error: null },
  presence: 'push-online',
  doctorFailing: [],
});

function v6WithAttempts(): Db {
  const db = raw();
  migrate(db, MIGRATIONS.slice(0, 6));
  db.prepare(
    "INSERT INTO runs (id, plan_name, plan_json, status, created_at, updated_at, owner_pid) VALUES ('r', 'p', '{}', 'completed', 't', 't', 1)",
  ).run();
  db.prepare(
    "INSERT INTO run_phones (run_id, serial, vendor, model, channel) VALUES ('r', 'A1', 'Google', 'Pixel', 'fcm')",
  ).run();
  const attempt = db.prepare(
    'INSERT INTO run_attempts (run_id, serial, scenario_id, repeat, ordinal, status, verdict_kind, verdict_json) ' +
      "VALUES ('r', 'A1', ?, 1, ?, 'done', 'pass', ?)",
  );
  attempt.run('s1', 0, JSON.stringify({ ...verdictOf('pass', true, 10), diagnosis: DIAGNOSIS }));
  attempt.run('s2', 1, JSON.stringify(verdictOf('pass', true, 10)));
  return db;
}

describe('migration 0007 (diagnose link)', () => {
  it('adds run_attempts.diagnose_link as the last column', () => {
    const db = raw();
    migrate(db, MIGRATIONS.slice(0, 6));
    expect(migrate(db, MIGRATIONS.slice(0, 7)).applied).toEqual(['0007-diagnose-link']);
    expect(columns(db, 'run_attempts').at(-1)).toBe('diagnose_link');
    expect(db.pragma('user_version', { simple: true })).toBe(7);
  });

  it('upgrades a version-6 database: a stored diagnosis gets its link, a verify verdict stays NULL', () => {
    const db = v6WithAttempts();
    migrate(db, MIGRATIONS);
    expect(db.prepare('SELECT scenario_id, diagnose_link FROM run_attempts ORDER BY ordinal').all()).toEqual([
      { scenario_id: 's1', diagnose_link: 'tencent-side' },
      { scenario_id: 's2', diagnose_link: null },
    ]);
    expect(new RunRepository(db).diagnoseLinks('r')).toEqual({ 'tencent-side': 1 });
  });

  it('refuses a link that is not one of the five', () => {
    const db = v6WithAttempts();
    migrate(db, MIGRATIONS);
    expect(() =>
      db.prepare("UPDATE run_attempts SET diagnose_link = 'cloud' WHERE ordinal = 1").run(),
    ).toThrow(/CHECK/);
  });

  it('finishAttempt writes the link of a diagnosed verdict and none for a verify one', () => {
    const db = raw();
    migrate(db, MIGRATIONS);
    const repo = new RunRepository(db);
    const plan = parsePlan({
      name: 'diag',
      app: {
        package: 'com.example.chat',
        accounts: { vendors: { fcm: { account: 'qa_1' } } },
        login: { kind: 'operator', prompt: 'Log in' },
      },
      phones: { serials: ['A1'] },
      scenarios: ['background-c2c-text'],
      repeats: 2,
      sender: { kind: 'manual' },
    });
    repo.createRun({
      id: 'r1',
      plan,
      createdAt: '2026-03-01T09:00:00.000Z',
      ownerPid: 1,
      phones: [{ serial: 'A1', vendor: 'Google', model: 'Pixel', channel: 'fcm' }],
      attempts: [1, 2].map((repeat) => ({
        serial: 'A1',
        scenarioId: 'background-c2c-text',
        repeat,
        ordinal: repeat,
      })),
    });
    const [first, second] = repo.pending('r1');
    const at = Date.UTC(2026, 2, 1, 9);
    repo.startAttempt(first!.id, at);
    repo.finishAttempt(first!.id, {
      verdict: { ...verdictOf('fail', false), diagnosis: { ...DIAGNOSIS, link: 'phone-side' } },
      finishedAt: at + 1,
      latencyMs: null,
    });
    repo.startAttempt(second!.id, at + 2);
    repo.finishAttempt(second!.id, { verdict: verdictOf('pass', true, 5), finishedAt: at + 3, latencyMs: 5 });
    expect(repo.diagnoseLinks('r1')).toEqual({ 'phone-side': 1 });
    expect(repo.results('r1')?.attempts[0]?.verdict.diagnosis?.link).toBe('phone-side');
  });
});
