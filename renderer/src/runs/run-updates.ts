/**
 * How the run view folds what the core says into what it shows: progress events into the run list
 * and the open run, and a PLAN_INVALID error into its list of problems. Pure.
 */
import type { RunDetail, RunProgressEvent, RunSummary } from '../../../shared/domain/run';
import type { ErrorInfo } from '../../../shared/errors';

/** The list with `summary` replacing the run of the same id (or added), newest first. */
export function upsertSummary(list: readonly RunSummary[], summary: RunSummary): RunSummary[] {
  const rest = list.filter((r) => r.id !== summary.id);
  return [summary, ...rest].sort((a, b) =>
    a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0,
  );
}

/**
 * The list after a fresh `runs:list`: the server's summaries, except where an event already
 * brought a newer one (events and replies travel separately, either may be first).
 */
export function mergeSummaries(current: readonly RunSummary[], loaded: readonly RunSummary[]): RunSummary[] {
  let merged = [...current];
  for (const summary of loaded) {
    const known = merged.find((r) => r.id === summary.id);
    if (!known || known.updatedAt <= summary.updatedAt) merged = upsertSummary(merged, summary);
  }
  return merged;
}

/**
 * The open run after one progress event. Events carry the state at the time they were sent and
 * arrive in order, so applying them one after another (also over a freshly loaded detail) ends
 * at the latest state.
 */
export function applyProgress(detail: RunDetail, event: RunProgressEvent): RunDetail {
  if (event.runId !== detail.summary.id) return detail;
  const attempt = event.attempt;
  if (attempt === null) return { ...detail, summary: event.summary };
  const known = detail.attempts.some((a) => a.id === attempt.id);
  return {
    ...detail,
    summary: event.summary,
    attempts: known
      ? detail.attempts.map((a) => (a.id === attempt.id ? attempt : a))
      : [...detail.attempts, attempt],
  };
}

export interface PlanProblemLine {
  /** Where in the plan ("sender.secret", "scenarios[2]"); null for the plan as a whole. */
  readonly path: string | null;
  readonly message: string;
}

/**
 * The problems of a PLAN_INVALID error, one per "- path: message" line of its message (the core's
 * PlanError format); an error without such lines is one problem about the whole plan. Null for
 * any other error.
 */
export function planProblems(error: ErrorInfo): PlanProblemLine[] | null {
  if (error.code !== 'PLAN_INVALID') return null;
  const lines = error.message
    .split('\n')
    .map((line) => /^- (.+?): (.+)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m): PlanProblemLine => ({ path: m[1] === '(plan)' ? null : (m[1] ?? null), message: m[2] ?? '' }));
  return lines.length > 0 ? lines : [{ path: null, message: error.message }];
}
