/**
 * The reads behind the sign-off matrix, kept lean so a 50 x 100 run reads in a few milliseconds
 * inside a database of 100,000 results: one SELECT of the attempts' plain columns (the 0005
 * reason_key / reason_values / delivered columns instead of every verdict_json), the phones, the
 * run's head, and the doctor snapshot nearest a run. Public API:
 *   new MatrixRepository(db)
 *   .cells(runId): MatrixCellRow[]          (by serial, scenario, repeat)
 *   .head(runId): MatrixRunHead | undefined
 *   .phones(runId): MatrixPhoneRow[]
 *   .snapshotNear(serial, pkg, fromIso, toIso): DoctorReport | null
 *   .runs({ package?, build?, limit? }): MatrixRunHead[]   (newest first)
 * A damaged stored value reads as "unknown" (no reason, no details): one bad row never hides a run.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { DoctorReport } from '../../../shared/domain/doctor';
import type { RunStatus } from '../../../shared/domain/run';
import type { ReasonKey, VerdictKind } from '../../../shared/runs/types';
import type { TargetChannel } from '../../../shared/scenarios/types';
import { guarded, parseStoredJson } from './storage-guard';

/** One attempt, as the matrix reads it. */
export interface MatrixCellRow {
  readonly id: number;
  readonly serial: string;
  readonly scenarioId: string;
  readonly repeat: number;
  readonly ordinal: number;
  /** Null until the attempt has a verdict. */
  readonly verdictKind: VerdictKind | null;
  readonly reasonKey: ReasonKey | null;
  /** The reason's values as stored JSON (parse only the ones shown). */
  readonly reasonValues: string | null;
  readonly delivered: boolean | null;
  readonly latencyMs: number | null;
}

export interface MatrixRunHead {
  readonly id: string;
  readonly planName: string;
  readonly status: RunStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly finishedAt: string | null;
  /** plan.app.package; null when the stored plan is damaged. */
  readonly package: string | null;
  /** plan.build.apk, when the plan named a build. */
  readonly build: string | null;
  /** plan.app.push as JSON (the app profile the hints need). */
  readonly pushJson: string | null;
}

export interface MatrixPhoneRow {
  readonly serial: string;
  readonly vendor: string;
  readonly model: string;
  readonly channel: TargetChannel | null;
  /** context_json.details as JSON (brand, marketingName, rom, androidVersion, sdk). */
  readonly detailsJson: string | null;
}

type RawCell = [
  number,
  string,
  string,
  number,
  number,
  VerdictKind | null,
  ReasonKey | null,
  string | null,
  0 | 1 | null,
  number | null,
];

// json_extract on a damaged plan would fail the whole query: json_valid guards each row.
const plan = (path: string): string =>
  `CASE WHEN json_valid(r.plan_json) THEN json_extract(r.plan_json, '${path}') END`;
const HEAD_SELECT = `
  SELECT r.id, r.plan_name AS planName, r.status, r.created_at AS createdAt, r.updated_at AS updatedAt, r.finished_at AS finishedAt,
    ${plan('$.app.package')} AS package, ${plan('$.build.apk')} AS build,
    CASE WHEN json_valid(r.plan_json) AND json_type(r.plan_json, '$.app.push') = 'object' THEN json_extract(r.plan_json, '$.app.push') END AS pushJson
  FROM runs r`;

export class MatrixRepository {
  private readonly selectCells: Statement<[string], RawCell>;
  private readonly selectHead: Statement<[string], MatrixRunHead>;
  private readonly selectPhones: Statement<[string], MatrixPhoneRow>;
  private readonly selectSnapshotWithin: Statement<
    [string, string, string, string],
    { id: number; report_json: string }
  >;
  private readonly selectSnapshotNearest: Statement<
    [string, string, string],
    { id: number; report_json: string }
  >;
  private readonly selectRuns: Statement<[{ pkg: string | null }], MatrixRunHead>;

  public constructor(db: Database) {
    // raw(): arrays, not objects, for 5,000 rows; the UNIQUE (run_id, serial, scenario_id, repeat) index gives the order.
    this.selectCells = db
      .prepare<[string], RawCell>(
        `
        SELECT id, serial, scenario_id, repeat, ordinal, verdict_kind, reason_key, reason_values, delivered, latency_ms
        FROM run_attempts WHERE run_id = ? ORDER BY serial, scenario_id, repeat`,
      )
      .raw(true);
    this.selectHead = db.prepare(`${HEAD_SELECT} WHERE r.id = ?`);
    this.selectPhones = db.prepare(`
      SELECT serial, vendor, model, channel,
        CASE WHEN json_valid(context_json) AND json_type(context_json, '$.details') = 'object' THEN json_extract(context_json, '$.details') END AS detailsJson
      FROM run_phones WHERE run_id = ? ORDER BY rowid`);
    // The run's own snapshot (taken as each phone starts) is the one inside the run: the earliest.
    this.selectSnapshotWithin = db.prepare(`
      SELECT id, report_json FROM doctor_snapshots
      WHERE serial = ? AND package = ? AND taken_at >= ? AND taken_at <= ?
      ORDER BY taken_at, id LIMIT 1`);
    this.selectSnapshotNearest = db.prepare(`
      SELECT id, report_json FROM doctor_snapshots WHERE serial = ? AND package = ?
      ORDER BY abs(julianday(taken_at) - julianday(?)), id DESC LIMIT 1`);
    this.selectRuns = db.prepare<[{ pkg: string | null }], MatrixRunHead>(
      `SELECT * FROM (${HEAD_SELECT}) h WHERE (@pkg IS NULL OR h.package = @pkg) ORDER BY h.createdAt DESC, h.id`,
    );
  }

  /** Every attempt of the run: plain columns only. */
  public cells(runId: string): MatrixCellRow[] {
    const rows = guarded({ en: 'read the run matrix', zh: '读取运行矩阵' }, () =>
      this.selectCells.all(runId),
    );
    return rows.map((r): MatrixCellRow => ({
      id: r[0],
      serial: r[1],
      scenarioId: r[2],
      repeat: r[3],
      ordinal: r[4],
      verdictKind: r[5],
      reasonKey: r[6],
      reasonValues: r[7],
      delivered: r[8] === null ? null : r[8] === 1,
      latencyMs: r[9],
    }));
  }

  public head(runId: string): MatrixRunHead | undefined {
    return guarded({ en: 'read the run', zh: '读取运行' }, () => this.selectHead.get(runId));
  }

  public phones(runId: string): MatrixPhoneRow[] {
    return guarded({ en: 'read the run phones', zh: '读取运行中的手机' }, () => this.selectPhones.all(runId));
  }

  /**
   * The doctor report of this phone and app nearest a run: the first taken during the run
   * (fromIso..toIso), else the one nearest its start. Null when there is none or it is damaged.
   */
  public snapshotNear(serial: string, pkg: string, fromIso: string, toIso: string): DoctorReport | null {
    const row = guarded(
      { en: 'read the doctor snapshot', zh: '读取诊断快照' },
      () =>
        this.selectSnapshotWithin.get(serial, pkg, fromIso, toIso) ??
        this.selectSnapshotNearest.get(serial, pkg, fromIso),
    );
    if (!row) return null;
    const report = parseStoredJson<DoctorReport | null>(row.report_json, null);
    return report !== null && typeof report === 'object' && Array.isArray(report.checks)
      ? { ...report, id: row.id }
      : null;
  }

  /** Runs, newest first, of one app and/or one build (the APK path, or just its file name). */
  public runs(
    filter: { readonly package?: string; readonly build?: string; readonly limit?: number } = {},
  ): MatrixRunHead[] {
    const limit = Math.min(
      500,
      Math.max(1, Math.floor(Number.isFinite(filter.limit) ? (filter.limit as number) : 50)),
    );
    const fileName = (path: string): string => path.split(/[\\/]/).pop() ?? path;
    const build = filter.build;
    const matches = (head: MatrixRunHead): boolean =>
      build === undefined ||
      (head.build !== null && (head.build === build || fileName(head.build) === build));
    const heads = guarded({ en: 'read the list of runs', zh: '读取运行列表' }, () =>
      this.selectRuns.all({ pkg: filter.package ?? null }),
    );
    return heads.filter(matches).slice(0, limit);
  }
}
