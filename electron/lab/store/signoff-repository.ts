/**
 * Run sign-offs and their waivers (migration 0005). A sign-off is written once, with its waivers,
 * in one transaction, and never changed or removed: the database refuses it (triggers), and a
 * signed run is frozen. Public API:
 *   new SignoffRepository(db)
 *   .save(signOff: SignOff): void          (RUN_SIGNED_OFF when the run is signed already)
 *   .get(runId): SignOff | null
 *   .signedRunIds(runIds): Set<string>
 *   isSignedOffAbort(error), runSignedOff(what)   (the freeze as a typed LabError)
 * The business rules (completed run, waivable cells, non-empty names) are the MatrixService's;
 * the triggers are the backstop.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { CellWaiver, SignOff } from '../../../shared/matrix/types';
import { phraseEn, phraseZh, type Phrase } from '../util/phrase';
import { LabError } from '../errors';
import { SIGNED_OFF_ABORT } from './migrations/0005-signoffs';
import { guarded } from './storage-guard';

interface SignoffRow {
  run_id: string;
  by: string;
  at: string;
  note: string;
}

interface WaiverRow {
  serial: string;
  scenario_id: string;
  reason: string;
  by: string;
  at: string;
}

/** True for the error SQLite raises when a freeze trigger refuses a write (see 0005). */
export function isSignedOffAbort(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_TRIGGER' &&
    error.message === SIGNED_OFF_ABORT
  );
}

/** The typed error for any write to a signed-off run. */
export function runSignedOff(what: Phrase): LabError {
  return new LabError(
    'RUN_SIGNED_OFF',
    `This run is signed off and frozen: PushLab did not ${phraseEn(what)}.`,
    {
      hint: 'A signed-off run never changes. Start a new run from the same plan to test again.',
      zh: {
        message: `此运行已签字验收并冻结：PushLab 没有${phraseZh(what)}。`,
        hint: '已签字验收的运行永远不会改变。要重新测试，请用同一个计划开始新的运行。',
      },
    },
  );
}

/** guarded(), with the freeze triggers' refusal as RUN_SIGNED_OFF instead of STORAGE_FAILED. */
export function guardedWrite<T>(what: Phrase, run: () => T): T {
  return guarded(what, () => {
    try {
      return run();
    } catch (error) {
      throw isSignedOffAbort(error) ? runSignedOff(what) : error;
    }
  });
}

export class SignoffRepository {
  private readonly insertSignoff: Statement<[string, string, string, string]>;
  private readonly insertWaiver: Statement<[string, string, string, string, string, string]>;
  private readonly selectSignoff: Statement<[string], SignoffRow>;
  private readonly selectWaivers: Statement<[string], WaiverRow>;
  private readonly selectSigned: Statement<[string], { run_id: string }>;
  private readonly saveTx: (signOff: SignOff) => void;

  public constructor(db: Database) {
    this.insertSignoff = db.prepare('INSERT INTO run_signoffs (run_id, by, at, note) VALUES (?, ?, ?, ?)');
    this.insertWaiver = db.prepare(
      'INSERT INTO run_waivers (run_id, serial, scenario_id, reason, by, at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.selectSignoff = db.prepare('SELECT run_id, by, at, note FROM run_signoffs WHERE run_id = ?');
    this.selectWaivers = db.prepare(
      'SELECT serial, scenario_id, reason, by, at FROM run_waivers WHERE run_id = ? ORDER BY serial, scenario_id',
    );
    this.selectSigned = db.prepare(
      'SELECT run_id FROM run_signoffs WHERE run_id IN (SELECT value FROM json_each(?))',
    );
    const exists = db.prepare<[string], { one: number }>(
      'SELECT 1 AS one FROM run_signoffs WHERE run_id = ?',
    );
    this.saveTx = db.transaction((s: SignOff) => {
      if (exists.get(s.runId))
        throw runSignedOff({ en: `sign run ${s.runId} off again`, zh: `再次签字验收运行 ${s.runId}` });
      // Waivers first: once the sign-off row exists the run (and its waivers) are frozen.
      for (const w of s.waivers) this.insertWaiver.run(s.runId, w.serial, w.scenarioId, w.reason, w.by, w.at);
      this.insertSignoff.run(s.runId, s.by, s.at, s.note);
    });
  }

  /** Stores the sign-off and its waivers, all or nothing. */
  public save(signOff: SignOff): void {
    guardedWrite(
      { en: `store the sign-off of run ${signOff.runId}`, zh: `保存运行 ${signOff.runId} 的签字验收` },
      () => this.saveTx(signOff),
    );
  }

  public get(runId: string): SignOff | null {
    return guarded({ en: 'read the sign-off', zh: '读取签字验收' }, () => {
      const row = this.selectSignoff.get(runId);
      if (!row) return null;
      const waivers = this.selectWaivers.all(runId).map((w): CellWaiver => ({
        serial: w.serial,
        scenarioId: w.scenario_id,
        reason: w.reason,
        by: w.by,
        at: w.at,
      }));
      return { runId: row.run_id, by: row.by, at: row.at, note: row.note, waivers };
    });
  }

  /** Which of these runs are signed off (one query). */
  public signedRunIds(runIds: readonly string[]): Set<string> {
    if (runIds.length === 0) return new Set();
    return new Set(
      guarded({ en: 'read the sign-offs', zh: '读取签字验收记录' }, () =>
        this.selectSigned.all(JSON.stringify(runIds)),
      ).map((r) => r.run_id),
    );
  }
}
