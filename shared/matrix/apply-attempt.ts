/**
 * Folds one attempt event (the attempt as `runs:progress` carries it) into a running run's matrix,
 * so the matrix view follows a run without reading the whole run again after each attempt. Pure.
 * Public API:
 *   applyAttempt(matrix: RunMatrix, attempt: AttemptView): RunMatrix | null
 *
 * The result is exactly what buildMatrix gives on the same attempts (tests fold events one by one
 * and compare). Only the attempt's phone row is rebuilt (its quota tail is per phone, so a verdict
 * can change another cell's hint), the other rows are carried over as they are, and only the
 * roll-ups a changed cell counts in (its group, its column, the total) are summed again.
 * Null when the event cannot be folded and the matrix must be read again: the matrix has no basis
 * (not running), or the attempt is not one of the basis (a row or column the matrix does not have
 * yet). A verdict is never overwritten: a late event without one changes nothing.
 */
import type { AttemptView } from '../domain/run';
import { phoneCells, rollupOf, waiverMap } from './build';
import type { MatrixAttempt, MatrixCell, MatrixPhone, Rollup, RunMatrix } from './types';

/** The attempt as the matrix keeps it; `ordinal` (run order) is not in the event and never changes. */
export function leanAttempt(attempt: AttemptView, ordinal: number): MatrixAttempt {
  const verdict = attempt.verdict;
  return {
    id: attempt.id,
    serial: attempt.serial,
    scenarioId: attempt.scenarioId,
    repeat: attempt.repeat,
    ordinal,
    verdict: verdict?.kind ?? null,
    reason: verdict === null ? null : { key: verdict.reason.key, values: verdict.reason.values },
    delivered: verdict?.details.delivered ?? null,
    latencyMs: attempt.latencyMs,
  };
}

function sameValues(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

function sameAttempt(a: MatrixAttempt, b: MatrixAttempt): boolean {
  return (
    a.verdict === b.verdict &&
    a.delivered === b.delivered &&
    a.latencyMs === b.latencyMs &&
    (a.reason === null || b.reason === null
      ? a.reason === b.reason
      : a.reason.key === b.reason.key && sameValues(a.reason.values, b.reason.values))
  );
}

/** The cell counts the same in every roll-up (rollupOf reads only these). */
function sameForRollups(a: MatrixCell, b: MatrixCell): boolean {
  return (
    a.status === b.status &&
    a.delivered === b.delivered &&
    a.notDelivered === b.notDelivered &&
    a.silentAsRequired === b.silentAsRequired &&
    (a.waiver === null) === (b.waiver === null) &&
    (a.hint === null) === (b.hint === null)
  );
}

/** The roll-ups after the phone's row changed: the others are kept, the touched ones summed again. */
function rollupsAfter(
  matrix: RunMatrix,
  phone: MatrixPhone,
  cells: readonly MatrixCell[],
  changedColumns: ReadonlySet<string>,
): Pick<RunMatrix, 'byGroup' | 'byColumn' | 'total'> {
  if (changedColumns.size === 0)
    return { byGroup: matrix.byGroup, byColumn: matrix.byColumn, total: matrix.total };
  const inGroup = new Set(matrix.phones.filter((p) => p.group === phone.group).map((p) => p.serial));
  // fromEntries defines own keys, so even an id like "__proto__" stays an ordinary key.
  const byColumn: Record<string, Rollup> = Object.fromEntries(
    matrix.columns.map((c) => [
      c.scenarioId,
      changedColumns.has(c.scenarioId)
        ? rollupOf(cells.filter((cell) => cell.scenarioId === c.scenarioId))
        : (matrix.byColumn[c.scenarioId] as Rollup),
    ]),
  );
  return {
    byGroup: { ...matrix.byGroup, [phone.group]: rollupOf(cells.filter((c) => inGroup.has(c.serial))) },
    byColumn,
    total: rollupOf(cells),
  };
}

export function applyAttempt(matrix: RunMatrix, attempt: AttemptView): RunMatrix | null {
  const basis = matrix.basis;
  if (basis === undefined) return null;
  const index = basis.attempts.findIndex((a) => a.id === attempt.id);
  const before = basis.attempts[index];
  if (
    before === undefined ||
    before.serial !== attempt.serial ||
    before.scenarioId !== attempt.scenarioId ||
    before.repeat !== attempt.repeat
  )
    return null;
  const after = leanAttempt(attempt, before.ordinal);
  // Pending and running look the same here; an event that arrives after the verdict is old news.
  if ((after.verdict === null && before.verdict !== null) || sameAttempt(before, after)) return matrix;

  const phone = matrix.phones.find((p) => p.serial === attempt.serial);
  const first = matrix.cells.findIndex((c) => c.serial === attempt.serial);
  if (phone === undefined || first < 0) return null;
  const attempts = basis.attempts.map((a, i) => (i === index ? after : a));
  const row = phoneCells(
    phone,
    attempts.filter((a) => a.serial === phone.serial),
    {
      columns: matrix.columns,
      waivers: waiverMap(matrix.signOff?.waivers ?? basis.waivers),
      profile: basis.profile,
      dnd: basis.dnd,
    },
  );
  // The phone's cells are contiguous (row order) and the same cells as before: only their values change.
  const old = matrix.cells.slice(first, first + row.length);
  if (old.some((c, i) => c.serial !== phone.serial || c.scenarioId !== (row[i] as MatrixCell).scenarioId))
    return null;
  const cells = [...matrix.cells.slice(0, first), ...row, ...matrix.cells.slice(first + row.length)];
  const changed = new Set(
    row.filter((c, i) => !sameForRollups(old[i] as MatrixCell, c)).map((c) => c.scenarioId),
  );
  return { ...matrix, cells, ...rollupsAfter(matrix, phone, cells, changed), basis: { ...basis, attempts } };
}
