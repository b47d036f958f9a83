/**
 * The read side of the run store: summaries, details, the attempts still to run, the plan and
 * the results of a run. Stored JSON goes back through parseStoredJson and a shape check; a damaged
 * verdict, plan or evidence value is a STORAGE_FAILED LabError naming the row, never a crash or a
 * silently wrong result. Counts come from plain columns, so a damaged row never hides a run.
 */
import type { Database, Statement } from 'better-sqlite3';
import type {
  AttemptDetail,
  AttemptStatus,
  AttemptView,
  EvidenceKind,
  EvidenceView,
  RunDetail,
  RunStatus,
  RunSummary,
  RunTotalsByKind,
  StepName,
  StepStatus,
  StepView,
} from '../../../shared/domain/run';
import { isErrorInfo, type ErrorInfo } from '../../../shared/errors';
import type { RunPlan } from '../../../shared/runs/plan';
import {
  VERDICT_KINDS,
  type AttemptResult,
  type RunPhone,
  type RunResult,
  type Verdict,
  type VerdictKind,
} from '../../../shared/runs/types';
import type { TargetChannel } from '../../../shared/scenarios/types';
import { phraseEn, phraseZh, type Phrase } from '../util/phrase';
import { LabError } from '../errors';
import { guarded, parseStoredJson } from './storage-guard';

interface SummaryRow {
  id: string;
  plan_name: string;
  status: RunStatus;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  error_json: string | null;
  phones: number;
  scenarios: number;
  repeats: number;
  attempts: number;
}

export interface AttemptRow {
  id: number;
  run_id: string;
  serial: string;
  scenario_id: string;
  repeat: number;
  ordinal: number;
  status: AttemptStatus;
  step: StepName | null;
  verdict_kind: VerdictKind | null;
  verdict_json: string | null;
  started_at: number | null;
  finished_at: number | null;
  latency_ms: number | null;
}

interface PhoneRow {
  serial: string;
  vendor: string;
  model: string;
  channel: TargetChannel | null;
  context_json: string | null;
}

interface StepRow {
  seq: number;
  name: StepName;
  status: StepStatus;
  at: number;
  detail: string | null;
}

interface EvidenceRow {
  id: number;
  kind: EvidenceKind;
  path: string | null;
  data_json: string | null;
  at: number;
}

const SUMMARY_SELECT = `
  SELECT r.id, r.plan_name, r.status, r.created_at, r.updated_at, r.finished_at, r.error_json,
    (SELECT count(*) FROM run_phones p WHERE p.run_id = r.id) AS phones,
    (SELECT count(DISTINCT a.scenario_id) FROM run_attempts a WHERE a.run_id = r.id) AS scenarios,
    (SELECT coalesce(max(a.repeat), 0) FROM run_attempts a WHERE a.run_id = r.id) AS repeats,
    (SELECT count(*) FROM run_attempts a WHERE a.run_id = r.id) AS attempts
  FROM runs r`;

export const runNotFound = (runId: string): LabError =>
  new LabError('NOT_FOUND', `Run ${runId} does not exist.`, {
    hint: 'Pick a run from the list of runs (`pushlab runs`).',
    zh: { message: `运行 ${runId} 不存在。`, hint: '请从运行列表（`pushlab runs`）中选择一个运行。' },
  });

export const attemptNotFound = (attemptId: number): LabError =>
  new LabError('NOT_FOUND', `Attempt ${attemptId} does not exist.`, {
    hint: 'Open the run again; its attempts may have been removed.',
    zh: { message: `尝试 ${attemptId} 不存在。`, hint: '请重新打开该运行；它的尝试可能已被删除。' },
  });

/** A stored value that no longer parses or has the wrong shape (disk damage, a hand edit). */
function damaged(what: Phrase): LabError {
  return new LabError('STORAGE_FAILED', `The stored ${phraseEn(what)} is damaged and cannot be read.`, {
    hint: 'Keep a copy of the PushLab database for a bug report; run the plan again to get fresh results.',
    zh: {
      message: `保存的${phraseZh(what)}已损坏，无法读取。`,
      hint: '请保留一份 PushLab 数据库副本用于报告问题；重新运行计划以获得新的结果。',
    },
  });
}

const DAMAGED = Symbol('damaged');

/** parseStoredJson, but a damaged or misshapen value throws instead of reading as a fallback. */
function readJson<T>(text: string | null, what: Phrase, valid: (value: unknown) => value is T): T {
  const value = parseStoredJson<unknown>(text, DAMAGED);
  if (value === DAMAGED || !valid(value)) throw damaged(what);
  return value;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isAny = (_v: unknown): _v is unknown => true;

function isVerdict(v: unknown): v is Verdict {
  return (
    isObject(v) &&
    (VERDICT_KINDS as readonly unknown[]).includes(v.kind) &&
    isObject(v.reason) &&
    typeof v.reason.key === 'string' &&
    isObject(v.details)
  );
}

const isPlan = (v: unknown): v is RunPlan =>
  isObject(v) && typeof v.name === 'string' && typeof v.repeats === 'number';

function toVerdict(row: AttemptRow): Verdict | null {
  if (row.verdict_json === null) return null;
  const what = {
    en: `verdict of attempt ${row.id} (run ${row.run_id})`,
    zh: `尝试 ${row.id}（运行 ${row.run_id}）的判定`,
  };
  const verdict = readJson(row.verdict_json, what, isVerdict);
  // The kind column drives the totals; a verdict that disagrees with it is as bad as unreadable.
  if (verdict.kind !== row.verdict_kind) throw damaged(what);
  return verdict;
}

export function toAttemptView(row: AttemptRow): AttemptView {
  return {
    id: row.id,
    serial: row.serial,
    scenarioId: row.scenario_id,
    repeat: row.repeat,
    status: row.status,
    step: row.step,
    verdict: toVerdict(row),
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    latencyMs: row.latency_ms,
  };
}

/** A damaged stored error still reads as an error (the run did stop), just without its words. */
function toError(row: SummaryRow): ErrorInfo | null {
  if (row.error_json === null) return null;
  const error = parseStoredJson<unknown>(row.error_json, null);
  if (isErrorInfo(error)) return error;
  return {
    code: 'STORAGE_FAILED',
    message: `The stored reason why run ${row.id} stopped is damaged.`,
    zh: { message: `保存的运行 ${row.id} 停止原因已损坏。` },
  };
}

/** The phone as stored, with the brand and marketing name from its context when known (for its display name). */
function toPhone(row: PhoneRow): RunPhone {
  const phone: RunPhone = { serial: row.serial, vendor: row.vendor, model: row.model, channel: row.channel };
  const context = row.context_json === null ? null : parseStoredJson<unknown>(row.context_json, null);
  const details = isObject(context) && isObject(context.details) ? context.details : null;
  const named = (key: 'brand' | 'marketingName') =>
    typeof details?.[key] === 'string' && details[key] !== '' ? { [key]: details[key] } : {};
  return { ...phone, ...named('brand'), ...named('marketingName') };
}

export class RunReadRepository {
  private readonly selectSummary: Statement<[string], SummaryRow>;
  private readonly selectRecent: Statement<[number], SummaryRow>;
  private readonly selectTotals: Statement<[string], { kind: string; n: number }>;
  private readonly selectPhones: Statement<[string], PhoneRow>;
  private readonly selectScenarioIds: Statement<[string], { scenario_id: string }>;
  private readonly selectAttempts: Statement<[string], AttemptRow>;
  private readonly selectOpenAttempts: Statement<[string], AttemptRow>;
  private readonly selectDoneAttempts: Statement<[string], AttemptRow>;
  private readonly selectSteps: Statement<[number], StepRow>;
  private readonly selectEvidence: Statement<[number], EvidenceRow>;
  private readonly selectPlan: Statement<[string], { plan_json: string }>;
  private readonly selectLinks: Statement<[string], { link: string; n: number }>;
  protected readonly selectAttempt: Statement<[number], AttemptRow>;

  public constructor(db: Database) {
    this.selectSummary = db.prepare(`${SUMMARY_SELECT} WHERE r.id = ?`);
    this.selectRecent = db.prepare(`${SUMMARY_SELECT} ORDER BY r.created_at DESC, r.rowid DESC LIMIT ?`);
    // Done attempts count by verdict; the others by their status (pending, running).
    this.selectTotals = db.prepare(`
      SELECT CASE WHEN status = 'done' THEN verdict_kind ELSE status END AS kind, count(*) AS n
      FROM run_attempts WHERE run_id = ? GROUP BY kind`);
    this.selectPhones = db.prepare(
      'SELECT serial, vendor, model, channel, context_json FROM run_phones WHERE run_id = ? ORDER BY rowid',
    );
    this.selectScenarioIds = db.prepare(
      'SELECT scenario_id FROM run_attempts WHERE run_id = ? GROUP BY scenario_id ORDER BY min(id)',
    );
    this.selectAttempts = db.prepare('SELECT * FROM run_attempts WHERE run_id = ? ORDER BY serial, ordinal');
    this.selectOpenAttempts = db.prepare(
      "SELECT * FROM run_attempts WHERE run_id = ? AND status != 'done' ORDER BY serial, ordinal",
    );
    this.selectDoneAttempts = db.prepare(
      "SELECT * FROM run_attempts WHERE run_id = ? AND status = 'done' ORDER BY serial, ordinal",
    );
    this.selectAttempt = db.prepare('SELECT * FROM run_attempts WHERE id = ?');
    this.selectSteps = db.prepare(
      'SELECT seq, name, status, at, detail FROM run_steps WHERE attempt_id = ? ORDER BY seq',
    );
    this.selectEvidence = db.prepare(
      'SELECT id, kind, path, data_json, at FROM run_evidence WHERE attempt_id = ? ORDER BY at, id',
    );
    this.selectPlan = db.prepare('SELECT plan_json FROM runs WHERE id = ?');
    this.selectLinks = db.prepare(
      'SELECT diagnose_link AS link, count(*) AS n FROM run_attempts ' +
        'WHERE run_id = ? AND diagnose_link IS NOT NULL GROUP BY diagnose_link ORDER BY diagnose_link',
    );
  }

  /** Diagnose mode: how many attempts found each link (0007 column); empty for a verify run. */
  public diagnoseLinks(runId: string): Record<string, number> {
    const rows = guarded({ en: 'read the diagnosed links', zh: '读取诊断出的链路' }, () =>
      this.selectLinks.all(runId),
    );
    return Object.fromEntries(rows.map((r) => [r.link, r.n]));
  }

  public summary(runId: string): RunSummary | undefined {
    const row = guarded({ en: 'read the run', zh: '读取运行' }, () => this.selectSummary.get(runId));
    return row ? this.toSummary(row) : undefined;
  }

  /** The latest runs, newest first (limit clamped to 1..500). */
  public list(limit = 50): RunSummary[] {
    const bounded = Math.min(500, Math.max(1, Math.floor(Number.isFinite(limit) ? limit : 50)));
    return guarded({ en: 'read the list of runs', zh: '读取运行列表' }, () =>
      this.selectRecent.all(bounded),
    ).map((row) => this.toSummary(row));
  }

  /** The run with its phones (in the order stored), scenarios and attempts (by serial, then run order). */
  public detail(runId: string): RunDetail | undefined {
    const summary = this.summary(runId);
    if (!summary) return undefined;
    return guarded({ en: 'read the run', zh: '读取运行' }, () => ({
      summary,
      phones: this.selectPhones.all(runId).map(toPhone),
      scenarioIds: this.selectScenarioIds.all(runId).map((r) => r.scenario_id),
      attempts: this.selectAttempts.all(runId).map(toAttemptView),
    }));
  }

  /** One attempt's row alone (progress events: no steps or evidence parsed). */
  public attempt(attemptId: number): AttemptView | undefined {
    const row = guarded({ en: 'read the attempt', zh: '读取尝试' }, () => this.selectAttempt.get(attemptId));
    return row ? toAttemptView(row) : undefined;
  }

  public attemptDetail(attemptId: number): AttemptDetail | undefined {
    return guarded({ en: 'read the attempt', zh: '读取尝试' }, () => {
      const row = this.selectAttempt.get(attemptId);
      if (!row) return undefined;
      const evidence = this.selectEvidence.all(attemptId).map((e): EvidenceView => ({
        id: e.id,
        kind: e.kind,
        path: e.path,
        data:
          e.data_json === null
            ? null
            : readJson(
                e.data_json,
                { en: `evidence ${e.id} of attempt ${attemptId}`, zh: `尝试 ${attemptId} 的证据 ${e.id}` },
                isAny,
              ),
        at: e.at,
      }));
      const steps = this.selectSteps.all(attemptId).map((s): StepView => ({ ...s }));
      return { attempt: toAttemptView(row), steps, evidence };
    });
  }

  /** Attempts without a verdict (pending or running), by serial then run order: what resume runs. */
  public pending(runId: string): AttemptView[] {
    return guarded({ en: 'read the open attempts', zh: '读取未完成的尝试' }, () =>
      this.selectOpenAttempts.all(runId),
    ).map(toAttemptView);
  }

  /** The plan the run was started with. */
  public plan(runId: string): RunPlan | undefined {
    const row = guarded({ en: 'read the run plan', zh: '读取运行计划' }, () => this.selectPlan.get(runId));
    return row
      ? readJson(row.plan_json, { en: `plan of run ${runId}`, zh: `运行 ${runId} 的计划` }, isPlan)
      : undefined;
  }

  /** What the engine kept per phone at creation (PhoneContext and more), by serial. */
  public phoneContexts(runId: string): Readonly<Record<string, unknown>> | undefined {
    if (!this.summary(runId)) return undefined;
    const rows = guarded({ en: 'read the run phones', zh: '读取运行中的手机' }, () =>
      this.selectPhones.all(runId),
    );
    return Object.fromEntries(
      rows.map((r) => [
        r.serial,
        r.context_json === null
          ? null
          : readJson(
              r.context_json,
              { en: `context of ${r.serial} in run ${runId}`, zh: `运行 ${runId} 中 ${r.serial} 的上下文` },
              isAny,
            ),
      ]),
    );
  }

  /** The verdicts so far, for reports (JUnit, stats): done attempts only, by serial then run order. */
  public results(runId: string): RunResult | undefined {
    const summary = this.summary(runId);
    if (!summary) return undefined;
    const { phones, done } = guarded({ en: 'read the run results', zh: '读取运行结果' }, () => ({
      phones: this.selectPhones.all(runId).map(toPhone),
      done: this.selectDoneAttempts.all(runId),
    }));
    const attempts = done.map((row): AttemptResult => {
      const finishedAt = row.finished_at ?? row.started_at ?? 0;
      // Attempts judged without running (not applicable, phone lost before its turn) have no start.
      const startedAt = row.started_at ?? finishedAt;
      return {
        serial: row.serial,
        scenarioId: row.scenario_id,
        repeat: row.repeat,
        verdict: toVerdict(row) as Verdict,
        startedAt,
        durationMs: Math.max(0, finishedAt - startedAt),
      };
    });
    const startedAt = Date.parse(summary.createdAt);
    // reduce, not Math.max(...spread): a big run has more attempts than a call can take arguments.
    const lastFinish = attempts.reduce(
      (latest, a) => Math.max(latest, a.startedAt + a.durationMs),
      startedAt,
    );
    return {
      planName: summary.planName,
      startedAt,
      finishedAt: summary.finishedAt === null ? lastFinish : Date.parse(summary.finishedAt),
      repeats: summary.repeats,
      phones,
      attempts,
    };
  }

  private toSummary(row: SummaryRow): RunSummary {
    const totals: Record<string, number> = Object.fromEntries(
      [...VERDICT_KINDS, 'pending', 'running'].map((k) => [k, 0]),
    );
    for (const t of guarded({ en: 'read the run totals', zh: '读取运行汇总' }, () =>
      this.selectTotals.all(row.id),
    )) {
      if (t.kind in totals) totals[t.kind] = t.n;
    }
    return {
      id: row.id,
      planName: row.plan_name,
      status: row.status,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      finishedAt: row.finished_at,
      phones: row.phones,
      scenarios: row.scenarios,
      repeats: row.repeats,
      attempts: row.attempts,
      totals: totals as RunTotalsByKind,
      error: toError(row),
    };
  }
}
