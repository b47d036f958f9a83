/**
 * Sign-off (issue 5): a lead signs a completed run (who, when, a note) with waivers for failed
 * cells, and the run is frozen from then on. The freeze is enforced here, in SQL, so no code path
 * (nor a hand-written UPDATE) can change a signed run: triggers RAISE(ABORT, 'run is signed off')
 * on any insert, update or delete of its phones, attempts, steps and evidence, on any update or
 * delete of the run, and on any change to a sign-off or waiver once stored (no un-sign). Waivers
 * are written before their sign-off, in the same transaction; only cells with a failed,
 * blocked, lost or inconclusive attempt can be waived, with a reason.
 *
 * Also three columns on run_attempts so the matrix reads a run without parsing every verdict:
 * reason_key, reason_values (the reason's values as JSON) and delivered (0/1/NULL), written with the
 * verdict by RunRepository and filled here from the verdicts already stored.
 */
import type { Migration } from './types';

/** The message every freeze trigger raises; RunRepository maps it to RUN_SIGNED_OFF. */
export const SIGNED_OFF_ABORT = 'run is signed off';

const signed = (runIdExpr: string): string =>
  `EXISTS (SELECT 1 FROM run_signoffs s WHERE s.run_id = ${runIdExpr})`;
const viaAttempt = (attemptIdExpr: string): string =>
  `EXISTS (SELECT 1 FROM run_attempts a JOIN run_signoffs s ON s.run_id = a.run_id WHERE a.id = ${attemptIdExpr})`;

function freeze(name: string, event: string, table: string, when: string): string {
  return `CREATE TRIGGER ${name} BEFORE ${event} ON ${table} WHEN ${when} BEGIN SELECT RAISE(ABORT, '${SIGNED_OFF_ABORT}'); END;`;
}

export const migration0005: Migration = {
  version: 5,
  name: 'signoffs',
  up(db) {
    db.exec(`
      CREATE TABLE run_signoffs (
        run_id TEXT PRIMARY KEY NOT NULL REFERENCES runs (id),
        by     TEXT NOT NULL CHECK (length(trim(by)) > 0),
        at     TEXT NOT NULL,
        note   TEXT NOT NULL DEFAULT ''
      ) STRICT;

      CREATE TABLE run_waivers (
        run_id      TEXT NOT NULL REFERENCES runs (id),
        serial      TEXT NOT NULL,
        scenario_id TEXT NOT NULL,
        reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        by          TEXT NOT NULL CHECK (length(trim(by)) > 0),
        at          TEXT NOT NULL,
        PRIMARY KEY (run_id, serial, scenario_id),
        FOREIGN KEY (run_id, serial) REFERENCES run_phones (run_id, serial)
      ) STRICT;

      ALTER TABLE run_attempts ADD COLUMN reason_key TEXT;
      ALTER TABLE run_attempts ADD COLUMN reason_values TEXT;
      ALTER TABLE run_attempts ADD COLUMN delivered INTEGER CHECK (delivered IN (0, 1));

      UPDATE run_attempts SET
        reason_key = json_extract(verdict_json, '$.reason.key'),
        reason_values = json_extract(verdict_json, '$.reason.values'),
        delivered = CASE json_type(verdict_json, '$.details.delivered') WHEN 'true' THEN 1 WHEN 'false' THEN 0 ELSE NULL END
      WHERE verdict_json IS NOT NULL AND json_valid(verdict_json) AND json_type(verdict_json, '$.reason.key') = 'text';

      -- Only a completed run is signed, once; a sign-off never changes or goes.
      CREATE TRIGGER run_signoffs_completed BEFORE INSERT ON run_signoffs
        WHEN (SELECT status FROM runs WHERE id = NEW.run_id) IS NOT 'completed'
        BEGIN SELECT RAISE(ABORT, 'only a completed run can be signed off'); END;
      CREATE TRIGGER run_signoffs_no_update BEFORE UPDATE ON run_signoffs BEGIN SELECT RAISE(ABORT, '${SIGNED_OFF_ABORT}'); END;
      CREATE TRIGGER run_signoffs_no_delete BEFORE DELETE ON run_signoffs BEGIN SELECT RAISE(ABORT, '${SIGNED_OFF_ABORT}'); END;

      CREATE TRIGGER run_waivers_cell BEFORE INSERT ON run_waivers
        WHEN NOT EXISTS (SELECT 1 FROM run_attempts a WHERE a.run_id = NEW.run_id AND a.serial = NEW.serial
          AND a.scenario_id = NEW.scenario_id AND a.verdict_kind IN ('fail', 'blocked', 'device-lost', 'inconclusive'))
        BEGIN SELECT RAISE(ABORT, 'only a failed, blocked, lost or inconclusive cell can be waived'); END;
      ${freeze('run_waivers_frozen_insert', 'INSERT', 'run_waivers', signed('NEW.run_id'))}
      CREATE TRIGGER run_waivers_no_update BEFORE UPDATE ON run_waivers BEGIN SELECT RAISE(ABORT, '${SIGNED_OFF_ABORT}'); END;
      CREATE TRIGGER run_waivers_no_delete BEFORE DELETE ON run_waivers BEGIN SELECT RAISE(ABORT, '${SIGNED_OFF_ABORT}'); END;

      ${freeze('runs_frozen_update', 'UPDATE', 'runs', signed('OLD.id'))}
      ${freeze('runs_frozen_delete', 'DELETE', 'runs', signed('OLD.id'))}
      ${freeze('run_phones_frozen_insert', 'INSERT', 'run_phones', signed('NEW.run_id'))}
      ${freeze('run_phones_frozen_update', 'UPDATE', 'run_phones', signed('OLD.run_id'))}
      ${freeze('run_phones_frozen_delete', 'DELETE', 'run_phones', signed('OLD.run_id'))}
      ${freeze('run_attempts_frozen_insert', 'INSERT', 'run_attempts', signed('NEW.run_id'))}
      ${freeze('run_attempts_frozen_update', 'UPDATE', 'run_attempts', signed('OLD.run_id'))}
      ${freeze('run_attempts_frozen_delete', 'DELETE', 'run_attempts', signed('OLD.run_id'))}
      ${freeze('run_steps_frozen_insert', 'INSERT', 'run_steps', viaAttempt('NEW.attempt_id'))}
      ${freeze('run_steps_frozen_update', 'UPDATE', 'run_steps', viaAttempt('OLD.attempt_id'))}
      ${freeze('run_steps_frozen_delete', 'DELETE', 'run_steps', viaAttempt('OLD.attempt_id'))}
      ${freeze('run_evidence_frozen_insert', 'INSERT', 'run_evidence', viaAttempt('NEW.attempt_id'))}
      ${freeze('run_evidence_frozen_update', 'UPDATE', 'run_evidence', viaAttempt('OLD.attempt_id'))}
      ${freeze('run_evidence_frozen_delete', 'DELETE', 'run_evidence', viaAttempt('OLD.attempt_id'))}
    `);
  },
};
