/**
 * The run store (issue 4): every step of a run is written as it happens, each write in its own
 * transaction, so killing the app at any moment leaves a consistent database: the run reads as
 * interrupted on the next start and resumes from the attempts that have no verdict yet. A verdict,
 * once stored, is never overwritten (resume must not replace evidence). A signed-off run is frozen:
 * every write to it is RUN_SIGNED_OFF (enforced by the 0005 triggers, checked here first where a
 * write would otherwise be a silent no-op). Reads: run-repository-read.ts.
 */
import type { Database, Statement } from 'better-sqlite3';
import {
  EVIDENCE_KINDS,
  RUN_STATUSES,
  STEP_NAMES,
  type EvidenceKind,
  type RunStatus,
  type StepName,
  type StepStatus,
} from '../../../shared/domain/run';
import type { ErrorInfo } from '../../../shared/errors';
import type { RunPlan } from '../../../shared/runs/plan';
import { VERDICT_KINDS, type RunPhone, type Verdict } from '../../../shared/runs/types';
import type { Phrase } from '../util/phrase';
import { LabError } from '../errors';
import { attemptNotFound, runNotFound, RunReadRepository, type AttemptRow } from './run-repository-read';
import { guardedWrite, runSignedOff } from './signoff-repository';
import { guarded } from './storage-guard';

/** The process running a run: its PID and start token (runs/engine/process-identity.ts). */
export interface RunOwner {
  readonly pid: number | null;
  /** Null when the OS would not say, or for runs stored before migration 0006. */
  readonly start: string | null;
}

export interface NewRun {
  readonly id: string;
  readonly plan: RunPlan;
  /** ISO time. */
  readonly createdAt: string;
  /** The process that runs it; a dead owner makes the run interrupted on the next start. */
  readonly ownerPid: number | null;
  /** The owner's start token, so a reused PID is not taken for the owner (default: unknown). */
  readonly ownerStart?: string | null;
  readonly phones: readonly RunPhone[];
  /** Per serial: the PhoneContext and whatever else the engine needs to resume. */
  readonly phoneContexts?: Readonly<Record<string, unknown>>;
  /** `ordinal` is the run order within the phone. */
  readonly attempts: readonly {
    readonly serial: string;
    readonly scenarioId: string;
    readonly repeat: number;
    readonly ordinal: number;
  }[];
}

export interface NewStep {
  readonly name: StepName;
  readonly status: StepStatus;
  /** Host epoch ms. */
  readonly at: number;
  readonly detail?: string | null;
}

export interface NewEvidence {
  readonly kind: EvidenceKind;
  /** Relative to the evidence folder. */
  readonly path?: string | null;
  /** Small JSON-able value (secrets already stripped by the caller). */
  readonly data?: unknown;
  readonly at: number;
}

export interface AttemptOutcome {
  readonly verdict: Verdict;
  readonly finishedAt: number;
  readonly latencyMs: number | null;
}

const STEP_STATUSES: readonly StepStatus[] = ['started', 'ok', 'failed', 'skipped'];
const FINISHED: readonly RunStatus[] = ['completed', 'cancelled', 'failed'];
const INTERRUPTED_DETAIL = 'PushLab stopped while this attempt ran; it runs again when the run resumes.';

const invalid = (message: string): LabError =>
  new LabError('INVALID_ARGUMENT', message, {
    hint: 'This is a PushLab bug: please report it with the log file.',
    // The message names an internal value; it is for the bug report, so zh keeps it as is.
    zh: {
      message: `PushLab 内部数据无效：${message}`,
      hint: '这是 PushLab 的缺陷：请附上日志文件报告此问题。',
    },
  });

function requireOneOf<T extends string>(value: string, allowed: readonly T[], what: string): void {
  if (!(allowed as readonly string[]).includes(value))
    throw invalid(`"${value.slice(0, 40)}" is not a ${what}.`);
}

function requireEpochMs(at: number, what: string): string {
  if (!Number.isFinite(at) || !Number.isInteger(at) || at < 0)
    throw invalid(`${what} must be host epoch milliseconds.`);
  return new Date(at).toISOString();
}

function requireIso(at: string, what: string): number {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw invalid(`${what} must be an ISO time.`);
  return ms;
}

/** Evidence paths are opened later under the evidence folder: they must stay inside it. */
function requireRelativePath(path: string): void {
  const escapes = path.split(/[\\/]/).some((part) => part === '..');
  if (path === '' || path.includes('\0') || /^([\\/]|[A-Za-z]:)/.test(path) || escapes) {
    throw invalid(`Evidence path "${path.slice(0, 80)}" is not a plain path inside the evidence folder.`);
  }
}

export class RunRepository extends RunReadRepository {
  private readonly createTx: (run: NewRun) => void;
  private readonly setStatusStmt: Statement<[Record<string, unknown>]>;
  private readonly touch: Statement<[string, string]>;
  private readonly selectRunning: Statement<
    [],
    { id: string; owner_pid: number | null; owner_start: string | null }
  >;
  private readonly startTx: (attemptId: number, at: number) => void;
  private readonly stepTx: (attemptId: number, step: NewStep) => void;
  private readonly finishTx: (attemptId: number, r: AttemptOutcome) => void;
  private readonly evidenceTx: (attemptId: number, e: NewEvidence) => number;
  private readonly requeueTx: (runId: string, at: number) => number;
  private readonly interruptTx: (runIds: readonly string[], at: string) => string[];
  private readonly lostTx: (runId: string, serial: string, verdict: Verdict, at: number) => number;

  public constructor(db: Database) {
    super(db);
    const insertRun = db.prepare(
      "INSERT INTO runs (id, plan_name, plan_json, status, created_at, updated_at, owner_pid, owner_start) VALUES (?, ?, ?, 'running', ?, ?, ?, ?)",
    );
    const insertPhone = db.prepare(
      'INSERT INTO run_phones (run_id, serial, vendor, model, channel, context_json) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const insertAttempt = db.prepare(
      "INSERT INTO run_attempts (run_id, serial, scenario_id, repeat, ordinal, status) VALUES (?, ?, ?, ?, ?, 'pending')",
    );
    this.setStatusStmt = db.prepare(`
      UPDATE runs SET status = @status, updated_at = @at, finished_at = @finishedAt, error_json = @error,
        owner_pid = CASE WHEN @setOwner THEN @ownerPid ELSE owner_pid END,
        owner_start = CASE WHEN @setOwner THEN @ownerStart ELSE owner_start END
      WHERE id = @id`);
    this.touch = db.prepare('UPDATE runs SET updated_at = ? WHERE id = ?');
    this.selectRunning = db.prepare(
      "SELECT id, owner_pid, owner_start FROM runs WHERE status = 'running' ORDER BY created_at, rowid",
    );
    const runExists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM runs WHERE id = ?');
    const markStarted = db.prepare<[number, number]>(
      "UPDATE run_attempts SET status = 'running', started_at = ?, finished_at = NULL, step = NULL WHERE id = ? AND status != 'done'",
    );
    const insertStep = db.prepare<[number, number, string, string, number, string | null]>(`
      INSERT INTO run_steps (attempt_id, seq, name, status, at, detail)
      VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM run_steps WHERE attempt_id = ?), ?, ?, ?, ?)`);
    const setStep = db.prepare<[string, number]>('UPDATE run_attempts SET step = ? WHERE id = ?');
    // reason_key, reason_values and delivered (0005) let the matrix skip parsing verdict_json.
    // diagnose_link (0007): the diagnose mode's link, NULL in verify mode.
    const markDone = db.prepare<
      [string, string, string, string, number | null, string | null, number, number | null, number]
    >(`
      UPDATE run_attempts SET status = 'done', verdict_kind = ?, verdict_json = ?, reason_key = ?, reason_values = ?, delivered = ?,
        diagnose_link = ?, finished_at = ?, latency_ms = ?
      WHERE id = ? AND status != 'done'`);
    const insertEvidence = db.prepare<[number, string, string | null, string | null, number]>(
      'INSERT INTO run_evidence (attempt_id, kind, path, data_json, at) VALUES (?, ?, ?, ?, ?)',
    );
    const runningIds = db.prepare<[string], { id: number }>(
      "SELECT id FROM run_attempts WHERE run_id = ? AND status = 'running' ORDER BY id",
    );
    const markPending = db.prepare<[number]>(
      "UPDATE run_attempts SET status = 'pending', step = 'interrupted', started_at = NULL WHERE id = ? AND status = 'running'",
    );
    const markRunInterrupted = db.prepare<[string, string]>(
      "UPDATE runs SET status = 'interrupted', updated_at = ?, finished_at = NULL WHERE id = ? AND status = 'running'",
    );
    const markPhoneLost = db.prepare<
      [string, string, string, string, number | null, number, string, string]
    >(`
      UPDATE run_attempts SET status = 'done', verdict_kind = ?, verdict_json = ?, reason_key = ?, reason_values = ?, delivered = ?,
        finished_at = ?, latency_ms = NULL
      WHERE run_id = ? AND serial = ? AND status != 'done'`);
    const signed = db.prepare<[string], { one: number }>(
      'SELECT 1 AS one FROM run_signoffs WHERE run_id = ?',
    );
    /** A write that would change nothing on a signed run still says why it was refused. */
    const refuseSigned = (runId: string, what: Phrase): void => {
      if (signed.get(runId)) throw runSignedOff(what);
    };

    /** The attempt, or NOT_FOUND; a done one is refused when `open` is asked for. */
    const attempt = (attemptId: number, open: boolean): AttemptRow => {
      const row = this.selectAttempt.get(attemptId);
      if (!row) throw attemptNotFound(attemptId);
      if (open && row.status === 'done') {
        refuseSigned(row.run_id, { en: `change attempt ${attemptId}`, zh: `更改尝试 ${attemptId}` });
        throw alreadyJudged(row);
      }
      return row;
    };

    this.createTx = db.transaction((run: NewRun) => {
      insertRun.run(
        run.id,
        run.plan.name,
        JSON.stringify(run.plan),
        run.createdAt,
        run.createdAt,
        run.ownerPid,
        run.ownerStart ?? null,
      );
      for (const p of run.phones) {
        const context = run.phoneContexts?.[p.serial];
        insertPhone.run(
          run.id,
          p.serial,
          p.vendor,
          p.model,
          p.channel,
          context === undefined ? null : JSON.stringify(context),
        );
      }
      for (const a of run.attempts) insertAttempt.run(run.id, a.serial, a.scenarioId, a.repeat, a.ordinal);
    });
    this.startTx = db.transaction((attemptId: number, at: number) => {
      const row = attempt(attemptId, true);
      markStarted.run(at, attemptId);
      this.touch.run(new Date(at).toISOString(), row.run_id);
    });
    this.stepTx = db.transaction((attemptId: number, step: NewStep) => {
      const row = attempt(attemptId, false);
      insertStep.run(attemptId, attemptId, step.name, step.status, step.at, step.detail ?? null);
      setStep.run(step.name, attemptId);
      this.touch.run(new Date(step.at).toISOString(), row.run_id);
    });
    this.finishTx = db.transaction((attemptId: number, r: AttemptOutcome) => {
      const row = attempt(attemptId, true);
      markDone.run(
        r.verdict.kind,
        JSON.stringify(r.verdict),
        ...verdictColumns(r.verdict),
        r.verdict.diagnosis?.link ?? null,
        r.finishedAt,
        r.latencyMs,
        attemptId,
      );
      this.touch.run(new Date(r.finishedAt).toISOString(), row.run_id);
    });
    this.evidenceTx = db.transaction((attemptId: number, e: NewEvidence) => {
      const row = attempt(attemptId, false);
      const data = e.data === undefined ? null : (JSON.stringify(e.data) ?? null);
      const info = insertEvidence.run(attemptId, e.kind, e.path ?? null, data, e.at);
      this.touch.run(new Date(e.at).toISOString(), row.run_id);
      return Number(info.lastInsertRowid);
    });
    this.requeueTx = db.transaction((runId: string, at: number) => {
      if (!runExists.get(runId)) throw runNotFound(runId);
      refuseSigned(runId, { en: `requeue the attempts of run ${runId}`, zh: `重新排队运行 ${runId} 的尝试` });
      const ids = runningIds.all(runId).map((r) => r.id);
      for (const id of ids) {
        // The broken try stays in the timeline; its evidence stays too.
        insertStep.run(id, id, 'interrupted', 'failed', at, INTERRUPTED_DETAIL);
        markPending.run(id);
      }
      if (ids.length > 0) this.touch.run(new Date(at).toISOString(), runId);
      return ids.length;
    });
    this.interruptTx = db.transaction((runIds: readonly string[], at: string) => {
      const marked = runIds.filter((id) => markRunInterrupted.run(at, id).changes > 0);
      // No attempt of a run nobody runs may still read "running".
      for (const id of marked) this.requeueTx(id, Date.parse(at));
      return marked;
    });
    this.lostTx = db.transaction((runId: string, serial: string, verdict: Verdict, at: number) => {
      if (!runExists.get(runId)) throw runNotFound(runId);
      refuseSigned(runId, {
        en: `mark ${serial} lost in run ${runId}`,
        zh: `在运行 ${runId} 中把 ${serial} 标记为失联`,
      });
      const { changes } = markPhoneLost.run(
        verdict.kind,
        JSON.stringify(verdict),
        ...verdictColumns(verdict),
        at,
        runId,
        serial,
      );
      if (changes > 0) this.touch.run(new Date(at).toISOString(), runId);
      return changes;
    });
  }

  /** Stores the run (status running), its phones and every attempt as pending, all or nothing. */
  public createRun(run: NewRun): void {
    if (run.id === '') throw invalid('A run needs an id.');
    requireIso(run.createdAt, 'The run creation time');
    const serials = new Set(run.phones.map((p) => p.serial));
    if (serials.size !== run.phones.length) throw invalid(`Run ${run.id} lists a phone twice.`);
    for (const a of run.attempts) {
      if (!serials.has(a.serial))
        throw invalid(`Run ${run.id} has an attempt for ${a.serial}, which is not one of its phones.`);
      if (!Number.isInteger(a.repeat) || a.repeat < 1 || !Number.isInteger(a.ordinal)) {
        throw invalid(
          `Run ${run.id} has an attempt with repeat ${a.repeat} / ordinal ${a.ordinal}; both must be whole numbers, repeat from 1.`,
        );
      }
    }
    guarded({ en: `store run ${run.id}`, zh: `保存运行 ${run.id}` }, () => this.createTx(run));
  }

  /**
   * Sets the run's status at `at` (ISO). finished_at is set for completed/cancelled/failed and
   * cleared otherwise. `error` replaces the stored one (omitted: none). The owner is changed only
   * when given (a resume takes the run over); null clears it.
   */
  public setStatus(
    runId: string,
    status: RunStatus,
    at: string,
    error?: ErrorInfo | null,
    owner?: RunOwner | null,
  ): void {
    requireOneOf(status, RUN_STATUSES, 'run status');
    requireIso(at, 'The status time');
    const { changes } = guardedWrite({ en: `update run ${runId}`, zh: `更新运行 ${runId}` }, () =>
      this.setStatusStmt.run({
        id: runId,
        status,
        at,
        finishedAt: FINISHED.includes(status) ? at : null,
        error: error ? JSON.stringify(error) : null,
        setOwner: owner === undefined ? 0 : 1,
        ownerPid: owner?.pid ?? null,
        ownerStart: owner?.start ?? null,
      }),
    );
    if (changes === 0) throw runNotFound(runId);
  }

  /** pending -> running from `at` (epoch ms). Refused for an attempt that already has a verdict. */
  public startAttempt(attemptId: number, at: number): void {
    requireEpochMs(at, 'The start time');
    guardedWrite({ en: `start attempt ${attemptId}`, zh: `开始尝试 ${attemptId}` }, () =>
      this.startTx(attemptId, at),
    );
  }

  /** Appends a step (next seq) and makes it the attempt's current step. */
  public recordStep(attemptId: number, step: NewStep): void {
    requireOneOf(step.name, STEP_NAMES, 'step name');
    requireOneOf(step.status, STEP_STATUSES, 'step status');
    requireEpochMs(step.at, 'The step time');
    guardedWrite({ en: `store a step of attempt ${attemptId}`, zh: `保存尝试 ${attemptId} 的一个步骤` }, () =>
      this.stepTx(attemptId, step),
    );
  }

  /** Stores the verdict; the attempt is done. A second verdict for the same attempt is refused. */
  public finishAttempt(attemptId: number, r: AttemptOutcome): void {
    requireOneOf(r.verdict.kind, VERDICT_KINDS, 'verdict');
    requireEpochMs(r.finishedAt, 'The finish time');
    if (r.latencyMs !== null && !Number.isFinite(r.latencyMs))
      throw invalid('The latency must be a number of milliseconds.');
    guardedWrite(
      { en: `store the verdict of attempt ${attemptId}`, zh: `保存尝试 ${attemptId} 的判定` },
      () => this.finishTx(attemptId, r),
    );
  }

  /** Keeps a piece of evidence (a file under the evidence folder and/or small JSON); returns its id. */
  public addEvidence(attemptId: number, e: NewEvidence): number {
    requireOneOf(e.kind, EVIDENCE_KINDS, 'evidence kind');
    if (e.path !== undefined && e.path !== null) requireRelativePath(e.path);
    requireEpochMs(e.at, 'The evidence time');
    return guardedWrite(
      { en: `store evidence of attempt ${attemptId}`, zh: `保存尝试 ${attemptId} 的证据` },
      () => this.evidenceTx(attemptId, e),
    );
  }

  /** Running attempts of the run go back to pending with an 'interrupted' step; returns how many. */
  public requeueRunning(runId: string, at: number): number {
    requireEpochMs(at, 'The requeue time');
    return guardedWrite(
      { en: `requeue the attempts of run ${runId}`, zh: `重新排队运行 ${runId} 的尝试` },
      () => this.requeueTx(runId, at),
    );
  }

  /**
   * On start-up: every running run whose owner process is gone becomes interrupted (its running
   * attempts are requeued as by requeueRunning). The owner is its PID and start token, so a live
   * process that only reuses the PID does not keep a run 'running'. Returns the ids marked.
   */
  public markInterrupted(isOwnerAlive: (owner: RunOwner) => boolean, at: string): string[] {
    requireIso(at, 'The interruption time');
    const running = guarded({ en: 'read the running runs', zh: '读取正在进行的运行' }, () =>
      this.selectRunning.all(),
    );
    // Asked outside the transaction: the check is the caller's and may look at the OS.
    const orphaned = running
      .filter((r) => !isOwnerAlive({ pid: r.owner_pid, start: r.owner_start }))
      .map((r) => r.id);
    if (orphaned.length === 0) return [];
    return guarded({ en: 'mark interrupted runs', zh: '把运行标记为已中断' }, () =>
      this.interruptTx(orphaned, at),
    );
  }

  /** The phone went away: each of its attempts without a verdict gets `verdict`. Returns how many. */
  public markLost(runId: string, serial: string, verdict: Verdict, at: number): number {
    requireOneOf(verdict.kind, VERDICT_KINDS, 'verdict');
    requireEpochMs(at, 'The time the phone was lost');
    return guardedWrite({ en: `store that ${serial} was lost`, zh: `记录 ${serial} 已失联` }, () =>
      this.lostTx(runId, serial, verdict, at),
    );
  }
}

/** reason_key, reason_values (JSON) and delivered (1/0/NULL) of a verdict, for the 0005 columns. */
function verdictColumns(verdict: Verdict): [string, string, number | null] {
  const delivered = verdict.details.delivered;
  return [
    verdict.reason.key,
    JSON.stringify(verdict.reason.values),
    delivered === true ? 1 : delivered === false ? 0 : null,
  ];
}

function alreadyJudged(row: AttemptRow): LabError {
  return new LabError(
    'STORAGE_FAILED',
    `Attempt ${row.id} of run ${row.run_id} already has a verdict (${row.verdict_kind ?? 'unknown'}).`,
    {
      hint: 'A verdict is never overwritten. Resume runs only attempts without one; start a new run to test again.',
      zh: {
        message: `运行 ${row.run_id} 的尝试 ${row.id} 已有判定（${row.verdict_kind ?? 'unknown'}）。`,
        hint: '判定永远不会被覆盖。继续运行只会执行还没有判定的尝试；要重新测试请开始新的运行。',
      },
    },
  );
}
