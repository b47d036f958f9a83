/**
 * Migration 0006 (runs.owner_start, the owner's start token), tested like the earlier migrations:
 * schema, constraint, upgrade of a version-5 database with its rows kept, and the repository
 * reading the old rows (no token: a live PID still counts as the owner).
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/lab/store/migrate';
import { MIGRATIONS } from '../../../electron/lab/store/migrations';
import { RunRepository } from '../../../electron/lab/store/run-repository';

type Db = Database.Database;
const raw = (): Db => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  return db;
};
const columns = (db: Db, table: string): string[] =>
  (db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((c) => c.name);

function v5WithRuns(): Db {
  const db = raw();
  migrate(db, MIGRATIONS.slice(0, 5));
  const run = db.prepare(
    "INSERT INTO runs (id, plan_name, plan_json, status, created_at, updated_at, owner_pid) VALUES (?, 'p', '{}', ?, ?, ?, ?)",
  );
  run.run('old-running', 'running', '2026-03-01T09:00:00.000Z', '2026-03-01T09:00:00.000Z', 4242);
  run.run('old-done', 'completed', '2026-03-01T08:00:00.000Z', '2026-03-01T08:30:00.000Z', 4141);
  return db;
}

describe('migration 0006 (run owner start token)', () => {
  it('adds runs.owner_start after the existing columns', () => {
    const db = raw();
    migrate(db, MIGRATIONS.slice(0, 5));
    expect(migrate(db, MIGRATIONS.slice(0, 6)).applied).toEqual(['0006-run-owner-start']);
    expect(columns(db, 'runs').slice(-2)).toEqual(['error_json', 'owner_start']);
    expect(db.pragma('user_version', { simple: true })).toBe(6);
  });

  it('upgrades a version-5 database keeping every run, with no token for the old owners', () => {
    const db = v5WithRuns();
    migrate(db, MIGRATIONS);
    const rows = db.prepare('SELECT id, status, owner_pid, owner_start FROM runs ORDER BY id').all();
    expect(rows).toEqual([
      { id: 'old-done', status: 'completed', owner_pid: 4141, owner_start: null },
      { id: 'old-running', status: 'running', owner_pid: 4242, owner_start: null },
    ]);
    const repo = new RunRepository(db);
    const asked: unknown[] = [];
    expect(repo.markInterrupted((owner) => (asked.push(owner), true), '2026-03-01T10:00:00.000Z')).toEqual(
      [],
    );
    expect(asked).toEqual([{ pid: 4242, start: null }]);
  });

  it('refuses an empty or absurd token', () => {
    const db = raw();
    migrate(db, MIGRATIONS);
    const insert = db.prepare(
      "INSERT INTO runs (id, plan_name, plan_json, status, created_at, updated_at, owner_pid, owner_start) VALUES (?, 'p', '{}', 'running', 't', 't', 1, ?)",
    );
    expect(() => insert.run('a', '')).toThrow(/CHECK/);
    expect(() => insert.run('b', 'x'.repeat(201))).toThrow(/CHECK/);
    insert.run('c', 'linux:7332c1ee-1758-42d0-b954-e0146c8977ee:187899');
    expect(db.prepare("SELECT owner_start FROM runs WHERE id = 'c'").get()).toEqual({
      owner_start: 'linux:7332c1ee-1758-42d0-b954-e0146c8977ee:187899',
    });
  });

  it('a signed-off run stays frozen: the new column cannot be changed either', () => {
    const db = raw();
    migrate(db, MIGRATIONS);
    db.prepare(
      "INSERT INTO runs (id, plan_name, plan_json, status, created_at, updated_at) VALUES ('s', 'p', '{}', 'completed', 't', 't')",
    ).run();
    db.prepare("INSERT INTO run_signoffs (run_id, by, at) VALUES ('s', 'lead', 't')").run();
    expect(() => db.prepare("UPDATE runs SET owner_start = 'x' WHERE id = 's'").run()).toThrow(/signed off/);
  });
});
