/**
 * What one `runs:progress` event does to the open run's matrix: the attempt it carries is folded in
 * (shared/matrix applyAttempt), or the event changes nothing, or the matrix must be read again
 * (null). Reading again is for what a fold cannot know: the run started, resumed or finished (its
 * status and end time, attempts put back to pending), a row or column the matrix has not got, and
 * attempts that changed without an event of their own (a lost phone marks all its attempts at once,
 * seen as the run's totals disagreeing with the matrix). Pure.
 */
import type { RunProgressEvent, RunTotalsByKind } from '../../../shared/domain/run';
import { applyAttempt } from '../../../shared/matrix/apply-attempt';
import type { MatrixBasis, RunMatrix } from '../../../shared/matrix/types';
import { VERDICT_KINDS } from '../../../shared/runs/types';

/** The run's totals (every attempt by verdict, pending and running apart) are those of the basis. */
export function basisAgrees(basis: MatrixBasis, totals: RunTotalsByKind): boolean {
  const counts = new Map<string, number>();
  for (const a of basis.attempts) counts.set(a.verdict ?? 'open', (counts.get(a.verdict ?? 'open') ?? 0) + 1);
  return (
    (counts.get('open') ?? 0) === totals.pending + totals.running &&
    VERDICT_KINDS.every((kind) => (counts.get(kind) ?? 0) === totals[kind])
  );
}

export function foldProgress(matrix: RunMatrix, event: RunProgressEvent): RunMatrix | null {
  if (matrix.basis === undefined || event.summary.status !== matrix.status) return null;
  const next = event.attempt === null ? matrix : applyAttempt(matrix, event.attempt);
  return next?.basis !== undefined && basisAgrees(next.basis, event.summary.totals) ? next : null;
}
