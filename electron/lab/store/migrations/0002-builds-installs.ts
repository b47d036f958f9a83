/**
 * Builds under test (keyed by the APK's SHA-256) and install jobs with one attempt per phone.
 */
import type { Migration } from './types';

export const migration0002: Migration = {
  version: 2,
  name: 'builds-installs',
  up(db) {
    db.exec(`
      CREATE TABLE builds (
        sha256       TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64),
        package      TEXT NOT NULL,
        version_code INTEGER NOT NULL,
        version_name TEXT,
        min_sdk      INTEGER,
        target_sdk   INTEGER,
        label        TEXT,
        size         INTEGER NOT NULL,
        file_name    TEXT NOT NULL,
        path         TEXT NOT NULL,
        test_only    INTEGER NOT NULL CHECK (test_only IN (0, 1)),
        native_abis  TEXT NOT NULL DEFAULT '[]',
        first_seen   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX builds_package ON builds (package, version_code);

      CREATE TABLE install_jobs (
        id           TEXT PRIMARY KEY NOT NULL,
        build_sha256 TEXT NOT NULL REFERENCES builds (sha256),
        options      TEXT NOT NULL,
        started_at   TEXT NOT NULL,
        finished_at  TEXT
      ) STRICT;
      CREATE INDEX install_jobs_started_at ON install_jobs (started_at);
      CREATE INDEX install_jobs_build ON install_jobs (build_sha256);

      CREATE TABLE install_attempts (
        job_id          TEXT NOT NULL REFERENCES install_jobs (id) ON DELETE CASCADE,
        serial          TEXT NOT NULL,
        position        INTEGER NOT NULL,
        phase           TEXT NOT NULL CHECK (phase IN ('queued', 'pushing', 'installing', 'done', 'failed')),
        bytes_pushed    INTEGER NOT NULL DEFAULT 0,
        total_bytes     INTEGER NOT NULL DEFAULT 0,
        failure_reason  TEXT,
        failure_message TEXT,
        failure_fix     TEXT,
        failure_raw     TEXT,
        started_at      TEXT,
        finished_at     TEXT,
        PRIMARY KEY (job_id, serial)
      ) STRICT;
      CREATE INDEX install_attempts_serial ON install_attempts (serial);
    `);
  },
};
