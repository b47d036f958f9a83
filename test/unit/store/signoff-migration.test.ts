/**
 * Migration 0005 (sign-offs, waivers, the freeze triggers and the matrix columns), tested like the
 * earlier migrations: schema, constraints, upgrade of a version-4 database with its rows kept.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/lab/store/migrate';
import { MIGRATIONS } from '../../../electron/lab/store/migrations';
import { SIGNED_OFF_ABORT } from '../../../electron/lab/store/migrations/0005-signoffs';

type Db = Database.Database;
const raw = (): Db => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  return db;
};
const columns = (db: Db, table: string): string[] =>
  (db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((c) => c.name);
const triggers = (db: Db): string[] =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all() as Array<{
      name: string;
    }>
  ).map((t) => t.name);

const verdict = (kind: string, key: string, values: unknown, delivered: unknown): string =>
  JSON.stringify({
    kind,
    reason: { key, values },
    details: { delivered, latencyMs: null, record: null, expected: null, checks: null, error: null },
  });

/** A version-4 database with one completed run: four judged attempts (one damaged) and one pending. */
function v4WithRun(): Db {
  const db = raw();
  migrate(db, MIGRATIONS.slice(0, 4));
  db.prepare(
    "INSERT INTO runs (id, plan_name, plan_json, status, created_at, updated_at) VALUES ('r1', 'p', '{}', 'completed', 't', 't')",
  ).run();
  db.prepare("INSERT INTO run_phones (run_id, serial, vendor, model) VALUES ('r1', 'S1', 'v', 'm')").run();
  const attempt = db.prepare(
    "INSERT INTO run_attempts (run_id, serial, scenario_id, repeat, ordinal, status, verdict_kind, verdict_json) VALUES ('r1', 'S1', ?, 1, ?, ?, ?, ?)",
  );
  attempt.run('a-pass', 0, 'done', 'pass', verdict('pass', 'pass.shown', { latency: '1 s' }, true));
  attempt.run(
    'a-fail',
    1,
    'done',
    'fail',
    verdict('fail', 'fail.not-shown-in-time', { within: '60 s' }, false),
  );
  attempt.run('a-lost', 2, 'done', 'device-lost', verdict('device-lost', 'device-lost.lost', {}, null));
  attempt.run('a-bad', 3, 'done', 'fail', '{not json');
  attempt.run('a-open', 4, 'pending', null, null);
  return db;
}

describe('migration 0005 (sign-offs)', () => {
  it('creates run_signoffs, run_waivers and the matrix columns of run_attempts', () => {
    const db = raw();
    migrate(db, MIGRATIONS.slice(0, 4));
    expect(migrate(db, MIGRATIONS.slice(0, 5)).applied).toEqual(['0005-signoffs']);
    expect(columns(db, 'run_signoffs')).toEqual(['run_id', 'by', 'at', 'note']);
    expect(columns(db, 'run_waivers')).toEqual(['run_id', 'serial', 'scenario_id', 'reason', 'by', 'at']);
    expect(columns(db, 'run_attempts').slice(-3)).toEqual(['reason_key', 'reason_values', 'delivered']);
    const strict = db
      .prepare(
        "SELECT name FROM pragma_table_list WHERE name IN ('run_signoffs', 'run_waivers') AND strict = 1 ORDER BY name",
      )
      .all();
    expect(strict).toEqual([{ name: 'run_signoffs' }, { name: 'run_waivers' }]);
    const fks = (table: string): string[] =>
      (db.pragma(`foreign_key_list(${table})`) as Array<{ table: string; from: string }>)
        .map((f) => `${f.from}->${f.table}`)
        .sort();
    expect(fks('run_signoffs')).toEqual(['run_id->runs']);
    expect(fks('run_waivers')).toEqual(['run_id->run_phones', 'run_id->runs', 'serial->run_phones']);
    // A freeze trigger for every write to a run and everything under it.
    for (const table of ['run_phones', 'run_attempts', 'run_steps', 'run_evidence']) {
      for (const event of ['insert', 'update', 'delete'])
        expect(triggers(db)).toContain(`${table}_frozen_${event}`);
    }
    expect(triggers(db)).toEqual(
      expect.arrayContaining([
        'runs_frozen_update',
        'runs_frozen_delete',
        'run_signoffs_completed',
        'run_signoffs_no_update',
        'run_signoffs_no_delete',
        'run_waivers_cell',
      ]),
    );
  });

  it('fills the new columns from the verdicts already stored, leaving damaged and open ones empty', () => {
    const db = v4WithRun();
    migrate(db);
    const rows = db
      .prepare(
        'SELECT scenario_id AS id, reason_key AS k, reason_values AS v, delivered AS d FROM run_attempts ORDER BY ordinal',
      )
      .all();
    expect(rows).toEqual([
      { id: 'a-pass', k: 'pass.shown', v: '{"latency":"1 s"}', d: 1 },
      { id: 'a-fail', k: 'fail.not-shown-in-time', v: '{"within":"60 s"}', d: 0 },
      { id: 'a-lost', k: 'device-lost.lost', v: '{}', d: null },
      { id: 'a-bad', k: null, v: null, d: null },
      { id: 'a-open', k: null, v: null, d: null },
    ]);
    expect(() =>
      db.prepare("UPDATE run_attempts SET delivered = 2 WHERE scenario_id = 'a-pass'").run(),
    ).toThrow(/CHECK/);
  });

  it('signs only a completed run, once, with a name, and never changes or removes a sign-off', () => {
    const db = v4WithRun();
    migrate(db);
    db.prepare(
      "INSERT INTO runs (id, plan_name, plan_json, status, created_at, updated_at) VALUES ('r2', 'p', '{}', 'running', 't', 't')",
    ).run();
    const sign = db.prepare("INSERT INTO run_signoffs (run_id, by, at, note) VALUES (?, ?, 't', '')");
    expect(() => sign.run('r2', 'Lead')).toThrow(/only a completed run/);
    expect(() => sign.run('nope', 'Lead')).toThrow(/only a completed run/);
    expect(() => sign.run('r1', '   ')).toThrow(/CHECK/);
    sign.run('r1', 'Lead');
    expect(() => sign.run('r1', 'Other')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare("UPDATE run_signoffs SET by = 'Mallory'").run()).toThrow(SIGNED_OFF_ABORT);
    expect(() => db.prepare('DELETE FROM run_signoffs').run()).toThrow(SIGNED_OFF_ABORT);
    expect(db.prepare('SELECT by FROM run_signoffs').all()).toEqual([{ by: 'Lead' }]);
  });

  it('waives only failed, blocked, lost or inconclusive cells, with a reason, before the sign-off', () => {
    const db = v4WithRun();
    migrate(db);
    const waive = db.prepare(
      "INSERT INTO run_waivers (run_id, serial, scenario_id, reason, by, at) VALUES ('r1', ?, ?, ?, 'Lead', 't')",
    );
    expect(() => waive.run('S1', 'a-pass', 'fine')).toThrow(/can be waived/);
    expect(() => waive.run('S1', 'a-open', 'fine')).toThrow(/can be waived/);
    expect(() => waive.run('S1', 'a-fail', ' ')).toThrow(/CHECK/);
    expect(() => waive.run('NOPE', 'a-fail', 'fine')).toThrow(/can be waived|FOREIGN KEY/);
    waive.run('S1', 'a-fail', 'Known vendor issue');
    waive.run('S1', 'a-lost', 'Cable');
    expect(() => waive.run('S1', 'a-fail', 'again')).toThrow(/UNIQUE|PRIMARY/);
    db.prepare("INSERT INTO run_signoffs (run_id, by, at) VALUES ('r1', 'Lead', 't')").run();
    expect(() => waive.run('S1', 'a-bad', 'late')).toThrow(SIGNED_OFF_ABORT);
    expect(() => db.prepare("UPDATE run_waivers SET reason = 'x'").run()).toThrow(SIGNED_OFF_ABORT);
    expect(() => db.prepare('DELETE FROM run_waivers').run()).toThrow(SIGNED_OFF_ABORT);
  });

  it('freezes a signed run against raw SQL, and leaves other runs writable', () => {
    const db = v4WithRun();
    migrate(db);
    db.prepare(
      "INSERT INTO runs (id, plan_name, plan_json, status, created_at, updated_at) VALUES ('r2', 'p', '{}', 'completed', 't', 't')",
    ).run();
    db.prepare("INSERT INTO run_phones (run_id, serial, vendor, model) VALUES ('r2', 'S1', 'v', 'm')").run();
    db.prepare(
      "INSERT INTO run_attempts (run_id, serial, scenario_id, repeat, ordinal, status) VALUES ('r2', 'S1', 'x', 1, 0, 'pending')",
    ).run();
    const r1Attempt = (
      db.prepare("SELECT id FROM run_attempts WHERE run_id = 'r1' AND scenario_id = 'a-pass'").get() as {
        id: number;
      }
    ).id;
    db.prepare(
      "INSERT INTO run_steps (attempt_id, seq, name, status, at) VALUES (?, 1, 'send', 'ok', 0)",
    ).run(r1Attempt);
    db.prepare("INSERT INTO run_evidence (attempt_id, kind, at) VALUES (?, 'record', 0)").run(r1Attempt);
    db.prepare("INSERT INTO run_signoffs (run_id, by, at) VALUES ('r1', 'Lead', 't')").run();

    const frozen = [
      "UPDATE runs SET status = 'interrupted' WHERE id = 'r1'",
      "DELETE FROM runs WHERE id = 'r1'",
      "UPDATE run_phones SET model = 'x' WHERE run_id = 'r1'",
      "INSERT INTO run_phones (run_id, serial, vendor, model) VALUES ('r1', 'S2', 'v', 'm')",
      "UPDATE run_attempts SET verdict_kind = 'pass', verdict_json = '{}' WHERE run_id = 'r1' AND scenario_id = 'a-fail'",
      "UPDATE run_attempts SET latency_ms = 1 WHERE run_id = 'r1'",
      "INSERT INTO run_attempts (run_id, serial, scenario_id, repeat, ordinal, status) VALUES ('r1', 'S1', 'new', 1, 99, 'pending')",
      "DELETE FROM run_attempts WHERE run_id = 'r1'",
      `INSERT INTO run_steps (attempt_id, seq, name, status, at) VALUES (${r1Attempt}, 2, 'judge', 'ok', 0)`,
      `UPDATE run_steps SET detail = 'x' WHERE attempt_id = ${r1Attempt}`,
      `DELETE FROM run_steps WHERE attempt_id = ${r1Attempt}`,
      `INSERT INTO run_evidence (attempt_id, kind, at) VALUES (${r1Attempt}, 'logcat', 0)`,
      `UPDATE run_evidence SET path = 'x.png' WHERE attempt_id = ${r1Attempt}`,
      `DELETE FROM run_evidence WHERE attempt_id = ${r1Attempt}`,
    ];
    const dump = (): unknown =>
      ['runs', 'run_phones', 'run_attempts', 'run_steps', 'run_evidence'].map((t) =>
        db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all(),
      );
    const before = dump();
    for (const sql of frozen) expect(() => db.prepare(sql).run(), sql).toThrow(SIGNED_OFF_ABORT);
    expect(dump()).toEqual(before);

    // The unsigned run next to it is not affected.
    db.prepare(
      "UPDATE run_attempts SET status = 'done', verdict_kind = 'pass', verdict_json = '{}' WHERE run_id = 'r2'",
    ).run();
    db.prepare("UPDATE runs SET status = 'completed' WHERE id = 'r2'").run();
    db.prepare("DELETE FROM runs WHERE id = 'r2'").run();
  });
});
