/**
 * The pure statistics the matrix and the core's run stats share: nearest-rank percentiles and the
 * order of cell statuses (worst first). Public API:
 *   percentile(values, p): number | null
 *   CELL_STATUSES, cellStatusSeverity(status), worstStatus(statuses)
 *   WAIVABLE_STATUSES, isWaivable(status)
 */
import type { CellStatus } from './types';

/**
 * Nearest-rank percentile (0 < p <= 100) of the finite values; null for none. Sort ascending, the
 * p-th percentile is the value at rank ceil(p/100 x n) (1-based): always an observed value, never
 * interpolated. With n = 20, p95 is the 19th value; with n < 20 it is the maximum.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`Percentile must be in (0, 100], got ${p}.`);
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return null;
  const sorted = [...finite].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.max(1, rank) - 1] as number;
}

/** Every cell status, worst first: the order a cell's repeats are summarised by. */
export const CELL_STATUSES = [
  'fail',
  'blocked',
  'device-lost',
  'inconclusive',
  'pending',
  'pass',
  'not-run',
] as const satisfies readonly CellStatus[];

const SEVERITY: Readonly<Record<CellStatus, number>> = Object.fromEntries(
  CELL_STATUSES.map((s, i) => [s, CELL_STATUSES.length - i]),
) as Record<CellStatus, number>;

/** Higher is worse. */
export function cellStatusSeverity(status: CellStatus): number {
  return SEVERITY[status];
}

/** The worst of the statuses; null for none. */
export function worstStatus(statuses: Iterable<CellStatus>): CellStatus | null {
  let worst: CellStatus | null = null;
  for (const s of statuses) if (worst === null || SEVERITY[s] > SEVERITY[worst]) worst = s;
  return worst;
}

/** Statuses a lead may waive at sign-off: results that are not a pass and were judged. */
export const WAIVABLE_STATUSES = [
  'fail',
  'blocked',
  'device-lost',
  'inconclusive',
] as const satisfies readonly CellStatus[];

export function isWaivable(status: CellStatus): boolean {
  return (WAIVABLE_STATUSES as readonly CellStatus[]).includes(status);
}

/** A count of zero for every status. */
export function emptyCounts(): Record<CellStatus, number> {
  // A literal, not fromEntries: the matrix makes one per cell (5,000 for a 50 x 100 run).
  return { fail: 0, blocked: 0, 'device-lost': 0, inconclusive: 0, pending: 0, pass: 0, 'not-run': 0 };
}
