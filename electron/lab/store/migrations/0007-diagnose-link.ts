/**
 * Plan mode "diagnose" (issue 13): each attempt's verdict carries which link failed (its
 * diagnosis, inside verdict_json); run_attempts.diagnose_link repeats the link so the matrix and
 * reports can count links without parsing every verdict, as reason_key does (0005). Verify-mode
 * attempts and rows from before keep NULL. The value set is the one in shared/runs/diagnose.ts.
 */
import type { Migration } from './types';

export const migration0007: Migration = {
  version: 7,
  name: 'diagnose-link',
  up(db) {
    db.exec(`
      ALTER TABLE run_attempts ADD COLUMN diagnose_link TEXT
        CHECK (diagnose_link IS NULL OR diagnose_link IN ('both-shown', 'tencent-side', 'vendor-side', 'phone-side', 'undecided'));
      UPDATE run_attempts SET diagnose_link = json_extract(verdict_json, '$.diagnosis.link')
        WHERE verdict_json IS NOT NULL AND json_valid(verdict_json)
          AND json_extract(verdict_json, '$.diagnosis.link') IN ('both-shown', 'tencent-side', 'vendor-side', 'phone-side', 'undecided');`);
  },
};
