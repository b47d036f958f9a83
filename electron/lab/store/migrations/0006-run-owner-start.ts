/**
 * Run owner identity survives PID reuse (issue 10 point 9): runs.owner_start holds the owner
 * process's start token (runs/engine/process-identity.ts: on Linux the boot id and the start time
 * in /proc/<pid>/stat). A live process with the owner's PID but another start token is not the
 * owner, so its run is interrupted. Rows from before this migration keep NULL: for them a live
 * PID still counts as the owner, as before.
 */
import type { Migration } from './types';

export const migration0006: Migration = {
  version: 6,
  name: 'run-owner-start',
  up(db) {
    db.exec(`
      ALTER TABLE runs ADD COLUMN owner_start TEXT
        CHECK (owner_start IS NULL OR length(owner_start) BETWEEN 1 AND 200);`);
  },
};
