/**
 * Runs (issue 4): a run, its phones, its attempts (phone x scenario x repeat), each attempt's
 * steps and evidence. Every step is written as it happens, so a killed app loses nothing stored
 * and the run can resume from its open attempts.
 *
 * The CHECK lists are spelled out here, not built from the shared constants: a released migration
 * must never change, even if the constants do (a new value needs a new migration). A unit test
 * keeps the constants and these lists in step.
 * Times: run-level columns are ISO text like the other tables; attempt, step and evidence times
 * are host epoch ms (INTEGER), as the engine measures latency with them.
 */
import type { Migration } from './types';

export const migration0004: Migration = {
  version: 4,
  name: 'runs',
  up(db) {
    db.exec(`
      CREATE TABLE runs (
        id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
        plan_name   TEXT NOT NULL,
        plan_json   TEXT NOT NULL,
        status      TEXT NOT NULL CHECK (status IN ('running', 'interrupted', 'completed', 'cancelled', 'failed')),
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        finished_at TEXT,
        owner_pid   INTEGER,
        error_json  TEXT
      ) STRICT;
      CREATE INDEX runs_created_at ON runs (created_at);
      CREATE INDEX runs_status ON runs (status);

      CREATE TABLE run_phones (
        run_id       TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        serial       TEXT NOT NULL,
        vendor       TEXT NOT NULL,
        model        TEXT NOT NULL,
        channel      TEXT,
        context_json TEXT,
        PRIMARY KEY (run_id, serial)
      ) STRICT;

      CREATE TABLE run_attempts (
        id           INTEGER PRIMARY KEY,
        run_id       TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        serial       TEXT NOT NULL,
        scenario_id  TEXT NOT NULL,
        repeat       INTEGER NOT NULL CHECK (repeat >= 1),
        ordinal      INTEGER NOT NULL,
        status       TEXT NOT NULL CHECK (status IN ('pending', 'running', 'done')),
        step         TEXT,
        verdict_kind TEXT CHECK (verdict_kind IN ('pass', 'fail', 'blocked', 'device-lost', 'inconclusive', 'not-run')),
        verdict_json TEXT,
        started_at   INTEGER,
        finished_at  INTEGER,
        latency_ms   REAL,
        UNIQUE (run_id, serial, scenario_id, repeat),
        FOREIGN KEY (run_id, serial) REFERENCES run_phones (run_id, serial) ON DELETE CASCADE,
        -- A verdict exactly when done: resume relies on "not done" meaning "no verdict yet".
        CHECK ((status = 'done') = (verdict_kind IS NOT NULL AND verdict_json IS NOT NULL))
      ) STRICT;
      CREATE INDEX run_attempts_status ON run_attempts (run_id, status);
      CREATE UNIQUE INDEX run_attempts_order ON run_attempts (run_id, serial, ordinal);

      CREATE TABLE run_steps (
        id         INTEGER PRIMARY KEY,
        attempt_id INTEGER NOT NULL REFERENCES run_attempts (id) ON DELETE CASCADE,
        seq        INTEGER NOT NULL,
        name       TEXT NOT NULL,
        status     TEXT NOT NULL CHECK (status IN ('started', 'ok', 'failed', 'skipped')),
        at         INTEGER NOT NULL,
        detail     TEXT,
        UNIQUE (attempt_id, seq)
      ) STRICT;

      CREATE TABLE run_evidence (
        id         INTEGER PRIMARY KEY,
        attempt_id INTEGER NOT NULL REFERENCES run_attempts (id) ON DELETE CASCADE,
        kind       TEXT NOT NULL CHECK (kind IN ('record', 'screenshot', 'logcat', 'doctor', 'send', 'tap', 'state')),
        path       TEXT,
        data_json  TEXT,
        at         INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX run_evidence_attempt ON run_evidence (attempt_id, at);
    `);
  },
};
