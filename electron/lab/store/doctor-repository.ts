/**
 * Doctor snapshots and the fix log. A snapshot stores the whole report, so a later one can be
 * compared with it (settings drift) even after the checks themselves evolve.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { DoctorReport, FixOutcome } from '../../../shared/domain/doctor';
import { guarded, parseStoredJson } from './storage-guard';

interface SnapshotRow {
  id: number;
  report_json: string;
}

export interface StoredFix {
  readonly serial: string;
  readonly package: string;
  readonly outcome: FixOutcome;
}

export class DoctorRepository {
  private readonly insertSnapshot: Statement;
  private readonly latestSnapshot: Statement;
  private readonly listSnapshots: Statement;
  private readonly insertFix: Statement;
  private readonly listFixes: Statement;

  public constructor(db: Database) {
    this.insertSnapshot = db.prepare(
      'INSERT INTO doctor_snapshots (serial, package, taken_at, complete, report_json) VALUES (?, ?, ?, ?, ?)',
    );
    this.latestSnapshot = db.prepare(
      'SELECT id, report_json FROM doctor_snapshots WHERE serial = ? AND package = ? ORDER BY taken_at DESC, id DESC LIMIT 1',
    );
    this.listSnapshots = db.prepare(
      'SELECT id, report_json FROM doctor_snapshots WHERE serial = ? AND package = ? ORDER BY taken_at DESC, id DESC LIMIT ?',
    );
    this.insertFix = db.prepare(
      'INSERT INTO doctor_fixes (serial, package, fix, ok, applied_by, applied_at, detail, outcome_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.listFixes = db.prepare(
      'SELECT serial, package, outcome_json FROM doctor_fixes WHERE serial = ? AND package = ? ORDER BY applied_at DESC, id DESC LIMIT ?',
    );
  }

  /** Stores a report and returns it with its id. */
  public save(report: DoctorReport): DoctorReport {
    return guarded({ en: 'store the doctor snapshot', zh: '保存诊断快照' }, () => {
      const body = { ...report, id: null };
      const info = this.insertSnapshot.run(
        report.serial,
        report.package,
        report.takenAt,
        report.complete ? 1 : 0,
        JSON.stringify(body),
      );
      return { ...report, id: Number(info.lastInsertRowid) };
    });
  }

  /** The newest stored report for this phone and app, or null. */
  public latest(serial: string, pkg: string): DoctorReport | null {
    const row = guarded(
      { en: 'read the doctor snapshot', zh: '读取诊断快照' },
      () => this.latestSnapshot.get(serial, pkg) as SnapshotRow | undefined,
    );
    return row ? toReport(row) : null;
  }

  public history(serial: string, pkg: string, limit = 20): DoctorReport[] {
    const rows = guarded(
      { en: 'read doctor history', zh: '读取诊断历史' },
      () => this.listSnapshots.all(serial, pkg, limit) as SnapshotRow[],
    );
    return rows.map(toReport).filter((r): r is DoctorReport => r !== null);
  }

  public logFix(serial: string, pkg: string, outcome: FixOutcome): void {
    guarded({ en: 'log the fix', zh: '记录修复' }, () =>
      this.insertFix.run(
        serial,
        pkg,
        outcome.fix,
        outcome.ok ? 1 : 0,
        outcome.by,
        outcome.at,
        outcome.detail,
        JSON.stringify(outcome),
      ),
    );
  }

  public fixes(serial: string, pkg: string, limit = 50): StoredFix[] {
    const rows = guarded(
      { en: 'read the fix log', zh: '读取修复记录' },
      () =>
        this.listFixes.all(serial, pkg, limit) as Array<{
          serial: string;
          package: string;
          outcome_json: string;
        }>,
    );
    return rows.flatMap((r) => {
      const outcome = parseStoredJson<FixOutcome | null>(r.outcome_json, null);
      return outcome ? [{ serial: r.serial, package: r.package, outcome }] : [];
    });
  }
}

function toReport(row: SnapshotRow): DoctorReport | null {
  const report = parseStoredJson<DoctorReport | null>(row.report_json, null);
  return report ? { ...report, id: row.id } : null;
}
