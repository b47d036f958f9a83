/**
 * Phones PushLab has seen, and the history of their identities (a new row only when the
 * identity changes, e.g. after a firmware or HMS Core update).
 */
import type { Migration } from './types';

export const migration0001: Migration = {
  version: 1,
  name: 'devices',
  up(db) {
    db.exec(`
      CREATE TABLE devices (
        serial        TEXT PRIMARY KEY NOT NULL,
        platform      TEXT NOT NULL CHECK (platform IN ('android', 'ios')),
        first_seen    TEXT NOT NULL,
        last_seen     TEXT NOT NULL,
        last_state    TEXT NOT NULL,
        transport     TEXT NOT NULL,
        identity_json TEXT,
        identity_hash TEXT
      ) STRICT;
      CREATE INDEX devices_last_seen ON devices (last_seen);

      CREATE TABLE device_identities (
        id            INTEGER PRIMARY KEY,
        serial        TEXT NOT NULL REFERENCES devices (serial) ON DELETE CASCADE,
        identity_json TEXT NOT NULL,
        identity_hash TEXT NOT NULL,
        observed_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX device_identities_serial ON device_identities (serial, id);
    `);
  },
};
