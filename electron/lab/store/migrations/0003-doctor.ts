/**
 * Doctor snapshots (phone x app x time, the whole report as JSON so drift can be computed
 * later) and the log of applied fixes (who, when, what the phone said).
 */
import type { Migration } from './types';

export const migration0003: Migration = {
  version: 3,
  name: 'doctor',
  up(db) {
    db.exec(`
      CREATE TABLE doctor_snapshots (
        id          INTEGER PRIMARY KEY,
        serial      TEXT NOT NULL,
        package     TEXT NOT NULL,
        taken_at    TEXT NOT NULL,
        complete    INTEGER NOT NULL CHECK (complete IN (0, 1)),
        report_json TEXT NOT NULL
      ) STRICT;
      CREATE INDEX doctor_snapshots_subject ON doctor_snapshots (serial, package, taken_at);

      CREATE TABLE doctor_fixes (
        id           INTEGER PRIMARY KEY,
        serial       TEXT NOT NULL,
        package      TEXT NOT NULL,
        fix          TEXT NOT NULL,
        ok           INTEGER NOT NULL CHECK (ok IN (0, 1)),
        applied_by   TEXT NOT NULL,
        applied_at   TEXT NOT NULL,
        detail       TEXT,
        outcome_json TEXT NOT NULL
      ) STRICT;
      CREATE INDEX doctor_fixes_subject ON doctor_fixes (serial, package, applied_at);
    `);
  },
};
