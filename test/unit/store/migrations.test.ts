import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/lab/store/db';
import { migrate, schemaVersion } from '../../../electron/lab/store/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from '../../../electron/lab/store/migrations';
import { BuildRepository } from '../../../electron/lab/store/build-repository';
import { DeviceRepository } from '../../../electron/lab/store/device-repository';
import { InstallRepository } from '../../../electron/lab/store/install-repository';
import { createRepositories } from '../../../electron/lab/store/repositories';
import { ATTEMPT_STATUSES, EVIDENCE_KINDS, RUN_STATUSES } from '../../../shared/domain/run';
import { VERDICT_KINDS } from '../../../shared/runs/types';
import { apk, IDENTITY, errorOf, job } from './fixtures';

const tmp = mkdtempSync(join(tmpdir(), 'pushlab-migrations-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Db = Database.Database;
const raw = (): Db => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  return db;
};
const columns = (db: Db, table: string): string[] =>
  (db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((c) => c.name);
const indexes = (db: Db, table: string): string[] =>
  (db.pragma(`index_list(${table})`) as Array<{ name: string; origin: string }>)
    .filter((i) => i.origin === 'c')
    .map((i) => i.name)
    .sort();
const schemaSql = (db: Db): string[] =>
  (
    db.prepare('SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name').all() as Array<{
      sql: string;
    }>
  ).map((r) => r.sql);

describe('migrations', () => {
  it('are numbered 1..N with unique names', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('0001 creates devices and device_identities with their indexes', () => {
    const db = raw();
    expect(migrate(db, MIGRATIONS.slice(0, 1))).toEqual({ from: 0, to: 1, applied: ['0001-devices'] });
    expect(columns(db, 'devices')).toEqual([
      'serial',
      'platform',
      'first_seen',
      'last_seen',
      'last_state',
      'transport',
      'identity_json',
      'identity_hash',
    ]);
    expect(columns(db, 'device_identities')).toEqual([
      'id',
      'serial',
      'identity_json',
      'identity_hash',
      'observed_at',
    ]);
    expect(indexes(db, 'devices')).toEqual(['devices_last_seen']);
    expect(indexes(db, 'device_identities')).toEqual(['device_identities_serial']);
    expect(columns(db, 'builds')).toEqual([]);
  });

  it('0002 creates builds, install_jobs and install_attempts with their indexes', () => {
    const db = raw();
    migrate(db, MIGRATIONS.slice(0, 1));
    expect(migrate(db, MIGRATIONS.slice(0, 2)).applied).toEqual(['0002-builds-installs']);
    expect(columns(db, 'builds')).toEqual([
      'sha256',
      'package',
      'version_code',
      'version_name',
      'min_sdk',
      'target_sdk',
      'label',
      'size',
      'file_name',
      'path',
      'test_only',
      'native_abis',
      'first_seen',
    ]);
    expect(columns(db, 'install_jobs')).toEqual([
      'id',
      'build_sha256',
      'options',
      'started_at',
      'finished_at',
    ]);
    expect(columns(db, 'install_attempts')).toEqual([
      'job_id',
      'serial',
      'position',
      'phase',
      'bytes_pushed',
      'total_bytes',
      'failure_reason',
      'failure_message',
      'failure_fix',
      'failure_raw',
      'started_at',
      'finished_at',
    ]);
    expect(indexes(db, 'builds')).toEqual(['builds_package']);
    expect(indexes(db, 'install_jobs')).toEqual(['install_jobs_build', 'install_jobs_started_at']);
    expect(indexes(db, 'install_attempts')).toEqual(['install_attempts_serial']);
    const fks = db.pragma('foreign_key_list(install_attempts)') as Array<{
      table: string;
      on_delete: string;
    }>;
    expect(fks).toEqual([expect.objectContaining({ table: 'install_jobs', on_delete: 'CASCADE' })]);
  });

  it('0003 creates doctor_snapshots and doctor_fixes with their indexes', () => {
    const db = raw();
    migrate(db, MIGRATIONS.slice(0, 2));
    expect(migrate(db, MIGRATIONS.slice(0, 3)).applied).toEqual(['0003-doctor']);
    expect(columns(db, 'doctor_snapshots')).toEqual([
      'id',
      'serial',
      'package',
      'taken_at',
      'complete',
      'report_json',
    ]);
    expect(columns(db, 'doctor_fixes')).toEqual([
      'id',
      'serial',
      'package',
      'fix',
      'ok',
      'applied_by',
      'applied_at',
      'detail',
      'outcome_json',
    ]);
    expect(indexes(db, 'doctor_snapshots')).toEqual(['doctor_snapshots_subject']);
    expect(indexes(db, 'doctor_fixes')).toEqual(['doctor_fixes_subject']);
    expect(() =>
      db
        .prepare(
          "INSERT INTO doctor_snapshots (serial, package, taken_at, complete, report_json) VALUES ('s', 'a.b', 't', 2, '{}')",
        )
        .run(),
    ).toThrow(/CHECK/);
  });

  it('0004 creates runs, run_phones, run_attempts, run_steps and run_evidence with their indexes', () => {
    const db = raw();
    migrate(db, MIGRATIONS.slice(0, 3));
    expect(migrate(db, MIGRATIONS.slice(0, 4)).applied).toEqual(['0004-runs']);
    expect(columns(db, 'runs')).toEqual([
      'id',
      'plan_name',
      'plan_json',
      'status',
      'created_at',
      'updated_at',
      'finished_at',
      'owner_pid',
      'error_json',
    ]);
    expect(columns(db, 'run_phones')).toEqual([
      'run_id',
      'serial',
      'vendor',
      'model',
      'channel',
      'context_json',
    ]);
    expect(columns(db, 'run_attempts')).toEqual([
      'id',
      'run_id',
      'serial',
      'scenario_id',
      'repeat',
      'ordinal',
      'status',
      'step',
      'verdict_kind',
      'verdict_json',
      'started_at',
      'finished_at',
      'latency_ms',
    ]);
    expect(columns(db, 'run_steps')).toEqual(['id', 'attempt_id', 'seq', 'name', 'status', 'at', 'detail']);
    expect(columns(db, 'run_evidence')).toEqual(['id', 'attempt_id', 'kind', 'path', 'data_json', 'at']);
    expect(indexes(db, 'runs')).toEqual(['runs_created_at', 'runs_status']);
    expect(indexes(db, 'run_attempts')).toEqual(['run_attempts_order', 'run_attempts_status']);
    expect(indexes(db, 'run_evidence')).toEqual(['run_evidence_attempt']);
    const fks = (table: string): string[] =>
      (db.pragma(`foreign_key_list(${table})`) as Array<{ table: string; from: string; on_delete: string }>)
        .map((f) => `${f.from}->${f.table} ${f.on_delete}`)
        .sort();
    expect(fks('run_phones')).toEqual(['run_id->runs CASCADE']);
    expect(fks('run_attempts')).toEqual([
      'run_id->run_phones CASCADE',
      'run_id->runs CASCADE',
      'serial->run_phones CASCADE',
    ]);
    expect(fks('run_steps')).toEqual(['attempt_id->run_attempts CASCADE']);
    expect(fks('run_evidence')).toEqual(['attempt_id->run_attempts CASCADE']);
    const strict = db
      .prepare("SELECT name FROM pragma_table_list WHERE name LIKE 'run%' AND strict = 1 ORDER BY name")
      .all();
    expect(strict).toEqual(
      ['run_attempts', 'run_evidence', 'run_phones', 'run_steps', 'runs'].map((name) => ({ name })),
    );
  });

  it('0004 accepts exactly the shared run constants and deletes a run with everything under it', () => {
    const db = raw();
    migrate(db);
    const run = db.prepare(
      "INSERT INTO runs (id, plan_name, plan_json, status, created_at, updated_at) VALUES (?, 'p', '{}', ?, 't', 't')",
    );
    RUN_STATUSES.forEach((status, i) => run.run(`r${i}`, status));
    expect(() => run.run('bad', 'paused')).toThrow(/CHECK/);
    db.prepare("INSERT INTO run_phones (run_id, serial, vendor, model) VALUES ('r0', 'S1', 'v', 'm')").run();
    const attempt = db.prepare(
      "INSERT INTO run_attempts (run_id, serial, scenario_id, repeat, ordinal, status, verdict_kind, verdict_json) VALUES ('r0', 'S1', ?, 1, ?, ?, ?, ?)",
    );
    ATTEMPT_STATUSES.filter((s) => s !== 'done').forEach((status, i) =>
      attempt.run(`open-${status}`, i, status, null, null),
    );
    VERDICT_KINDS.forEach((kind, i) => attempt.run(`done-${kind}`, 100 + i, 'done', kind, '{}'));
    expect(() => attempt.run('x1', 200, 'done', 'maybe', '{}')).toThrow(/CHECK/);
    // A verdict exactly when done: no done attempt without one, no open attempt with one.
    expect(() => attempt.run('x2', 201, 'done', null, null)).toThrow(/CHECK/);
    expect(() => attempt.run('x3', 202, 'pending', 'pass', '{}')).toThrow(/CHECK/);
    expect(() => attempt.run('x4', 0, 'pending', null, null)).toThrow(/UNIQUE/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO run_attempts (run_id, serial, scenario_id, repeat, ordinal, status) VALUES ('r0', 'NOT-A-PHONE', 's', 1, 300, 'pending')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    const evidence = db.prepare('INSERT INTO run_evidence (attempt_id, kind, at) VALUES (1, ?, 0)');
    EVIDENCE_KINDS.forEach((kind) => evidence.run(kind));
    expect(() => evidence.run('video')).toThrow(/CHECK/);
    db.prepare(
      "INSERT INTO run_steps (attempt_id, seq, name, status, at) VALUES (1, 1, 'send', 'ok', 0)",
    ).run();

    db.prepare("DELETE FROM runs WHERE id = 'r0'").run();
    const count = (table: string): unknown => db.prepare(`SELECT count(*) AS n FROM ${table}`).get();
    for (const table of ['run_phones', 'run_attempts', 'run_steps', 'run_evidence'])
      expect(count(table)).toEqual({ n: 0 });
  });

  it('enforces its constraints (sha256 length, phase values, foreign keys)', () => {
    const db = raw();
    migrate(db);
    expect(() =>
      db
        .prepare(
          "INSERT INTO install_jobs (id, build_sha256, options, started_at) VALUES ('j', 'x', '{}', 't')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO builds (sha256, package, version_code, size, file_name, path, test_only, first_seen) VALUES ('short', 'a.b', 1, 1, 'f', 'p', 0, 't')",
        )
        .run(),
    ).toThrow(/CHECK/);
  });

  it('applying again is a no-op', () => {
    const db = raw();
    migrate(db);
    const before = schemaSql(db);
    expect(migrate(db)).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION, applied: [] });
    expect(schemaSql(db)).toEqual(before);
  });

  it('a database at version 1 upgrades to the latest and keeps its rows', () => {
    const file = join(tmp, 'v1.db');
    const old = new Database(file);
    migrate(old, MIGRATIONS.slice(0, 1));
    old
      .prepare(
        'INSERT INTO devices (serial, platform, first_seen, last_seen, last_state, transport) ' +
          "VALUES ('abc', 'android', '2024-01-01T00:00:00.000Z', '2024-01-02T00:00:00.000Z', " +
          "'device', 'usb')",
      )
      .run();
    old.close();

    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    const repos = createRepositories(db);
    expect(repos.devices.get('abc')).toMatchObject({ serial: 'abc', firstSeen: '2024-01-01T00:00:00.000Z' });
    expect(repos.devices.recordIdentity('abc', IDENTITY, '2024-02-01T00:00:00.000Z').changed).toBe(true);
    repos.builds.upsert(apk(), '2024-02-01T00:00:00.000Z');
    expect(repos.builds.list()).toHaveLength(1);
    db.close();
  });

  it('a database at version 3 upgrades to 4 and keeps every row of 0001-0003', () => {
    const file = join(tmp, 'v3.db');
    const old = new Database(file);
    migrate(old, MIGRATIONS.slice(0, 3));
    // The repositories of that time (createRepositories wants the latest schema).
    const devices = new DeviceRepository(old);
    devices.recordSeen(
      'abc',
      { platform: 'android', state: 'device', transport: 'usb' },
      '2024-02-01T00:00:00.000Z',
    );
    devices.recordIdentity('abc', IDENTITY, '2024-02-01T00:00:00.000Z');
    new InstallRepository(old, new BuildRepository(old)).createJob(job('job-1', ['abc']));
    old
      .prepare(
        "INSERT INTO doctor_snapshots (serial, package, taken_at, complete, report_json) VALUES ('abc', 'a.b', '2024-02-02T00:00:00.000Z', 1, '{\"x\":1}')",
      )
      .run();
    old
      .prepare(
        "INSERT INTO doctor_fixes (serial, package, fix, ok, applied_by, applied_at, outcome_json) VALUES ('abc', 'a.b', 'doze', 1, 'qa', 't', '{}')",
      )
      .run();
    const dump = (db: Db): unknown[] =>
      [
        'devices',
        'device_identities',
        'builds',
        'install_jobs',
        'install_attempts',
        'doctor_snapshots',
        'doctor_fixes',
      ].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all());
    const before = dump(old);
    old.close();

    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(dump(db)).toEqual(before);
    expect(before.map((rows) => (rows as unknown[]).length)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(
      createRepositories(db)
        .installs.getJob('job-1')
        ?.items.map((i) => i.serial),
    ).toEqual(['abc']);
    expect(createRepositories(db).runs.list()).toEqual([]);
    db.close();
  });

  it('refuses a database from a newer PushLab and leaves it untouched', () => {
    const file = join(tmp, 'newer.db');
    const newer = new Database(file);
    newer.exec('CREATE TABLE future_stuff (x TEXT)');
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    newer.close();
    const bytes = readFileSync(file);

    const error = errorOf(() => openDatabase(file));
    expect(error.code).toBe('STORAGE_FAILED');
    expect(error.message).toMatch(/newer PushLab/);
    expect(error.hint).toMatch(/Update PushLab/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('rolls a failing migration back completely, version included', () => {
    const broken: Migration = {
      version: 2,
      name: 'broken',
      up(db) {
        db.exec('CREATE TABLE half_done (x TEXT)');
        throw new Error('disk on fire');
      },
    };
    const db = raw();
    const error = errorOf(() => migrate(db, [MIGRATIONS[0] as Migration, broken]));
    expect(error.code).toBe('STORAGE_FAILED');
    expect(error.detail).toBe('disk on fire');
    expect(schemaVersion(db)).toBe(1);
    expect(columns(db, 'half_done')).toEqual([]);
    expect(columns(db, 'devices').length).toBeGreaterThan(0);
  });

  it('refuses a misnumbered migration list', () => {
    const skip: Migration = { version: 3, name: 'skip', up: () => {} };
    expect(() => migrate(raw(), [MIGRATIONS[0] as Migration, skip])).toThrow(/expected 2/);
  });
});
