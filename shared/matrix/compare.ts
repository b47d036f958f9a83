/**
 * Compares the matrices of two runs cell by cell (same serial, same scenario id). Pure. Public API:
 *   compareMatrices(before, after, threshold?, drift?): RunComparison
 *   DEFAULT_THRESHOLD
 *
 * Each cell gets at most one change, the first that applies:
 * - new / gone: the cell exists in one run only;
 * - regressed: was pass, now fail, blocked, device lost or inconclusive;
 * - recovered: was one of those, now pass;
 * - changed: any other status change (fail -> inconclusive, pass -> not run, pending …);
 * - slower / faster: same status, both with a p50 latency, and the p50 moved by more than
 *   `threshold.ms` AND by more than `threshold.ratio` times (both, so neither a 40 -> 120 ms
 *   jitter nor a 20 s -> 21 s drift counts).
 * A re-run of some cells (one run's cells a strict subset of the other's) is compared cell by
 * cell with its source: the cells it did not run are counted as `carried`, never new or gone.
 * `direction` says whether the baseline is the older run ('forward') or a later one ('backward').
 * Unchanged cells are left out. `drift` (per serial, from the doctor snapshots nearest each run,
 * computed by the core) is attached to every change of that phone: it may explain it.
 * Changes are ordered regressed, recovered, slower, faster, changed, new, gone; then by the
 * after-run's rows and columns (the before-run's for gone cells).
 */
import { isWaivable } from './stats';
import type { CellChange, DriftEntry, MatrixCell, RunComparison, RunMatrix } from './types';

export const DEFAULT_THRESHOLD: RunComparison['threshold'] = { ms: 500, ratio: 1.5 };

const KIND_ORDER: readonly CellChange['kind'][] = [
  'regressed',
  'recovered',
  'slower',
  'faster',
  'changed',
  'new',
  'gone',
];

const key = (c: { serial: string; scenarioId: string }): string => `${c.serial}\u0000${c.scenarioId}`;

/** A threshold from partial input; throws RangeError for a negative ms or a ratio below 1. */
function thresholdOf(input: Partial<RunComparison['threshold']> | undefined): RunComparison['threshold'] {
  const ms = input?.ms ?? DEFAULT_THRESHOLD.ms;
  const ratio = input?.ratio ?? DEFAULT_THRESHOLD.ratio;
  if (!Number.isFinite(ms) || ms < 0)
    throw new RangeError(`The latency threshold must be 0 ms or more, got ${ms}.`);
  if (!Number.isFinite(ratio) || ratio < 1)
    throw new RangeError(`The latency ratio must be 1 or more, got ${ratio}.`);
  return { ms, ratio };
}

function kindOf(
  before: MatrixCell,
  after: MatrixCell,
  t: RunComparison['threshold'],
): CellChange['kind'] | null {
  if (before.status === 'pass' && isWaivable(after.status)) return 'regressed';
  if (isWaivable(before.status) && after.status === 'pass') return 'recovered';
  if (before.status !== after.status) return 'changed';
  const b = before.latencyP50Ms;
  const a = after.latencyP50Ms;
  if (b === null || a === null) return null;
  if (a - b > t.ms && a > b * t.ratio) return 'slower';
  if (b - a > t.ms && b > a * t.ratio) return 'faster';
  return null;
}

/** Position of each cell in a matrix's grid order (cells are stored rows then columns). */
function orderOf(matrix: RunMatrix): Map<string, number> {
  const rows = new Map(matrix.phones.map((p, i) => [p.serial, i]));
  const cols = new Map(matrix.columns.map((c, i) => [c.scenarioId, i]));
  const width = matrix.columns.length + 1;
  return new Map(
    matrix.cells.map((c) => [key(c), (rows.get(c.serial) ?? 0) * width + (cols.get(c.scenarioId) ?? 0)]),
  );
}

export function compareMatrices(
  before: RunMatrix,
  after: RunMatrix,
  threshold?: Partial<RunComparison['threshold']>,
  drift: Readonly<Record<string, readonly DriftEntry[]>> = {},
): RunComparison {
  const t = thresholdOf(threshold);
  const driftOf = (serial: string): readonly DriftEntry[] =>
    Object.hasOwn(drift, serial) ? (drift[serial] ?? []) : [];
  const old = new Map(before.cells.map((c) => [key(c), c]));
  const now = new Map(after.cells.map((c) => [key(c), c]));
  const afterOrder = orderOf(after);
  const beforeOrder = orderOf(before);
  const changes: { change: CellChange; rank: number }[] = [];
  const push = (
    kind: CellChange['kind'],
    b: MatrixCell | undefined,
    a: MatrixCell | undefined,
    rank: number,
  ): void => {
    const cell = (a ?? b) as MatrixCell;
    changes.push({
      rank,
      change: {
        serial: cell.serial,
        scenarioId: cell.scenarioId,
        kind,
        before: b?.status ?? null,
        after: a?.status ?? null,
        latencyBeforeMs: b?.latencyP50Ms ?? null,
        latencyAfterMs: a?.latencyP50Ms ?? null,
        drift: driftOf(cell.serial),
      },
    });
  };
  // A partial re-run: every cell of the smaller run exists in the larger one.
  const partial = isStrictSubset(now, old) || isStrictSubset(old, now);
  let carried = 0;
  for (const a of after.cells) {
    const k = key(a);
    const b = old.get(k);
    if (b === undefined && partial) {
      carried += 1;
      continue;
    }
    const kind = b === undefined ? 'new' : kindOf(b, a, t);
    if (kind !== null) push(kind, b, a, afterOrder.get(k) ?? 0);
  }
  for (const b of before.cells) {
    const k = key(b);
    if (now.has(k)) continue;
    if (partial) carried += 1;
    else push('gone', b, undefined, beforeOrder.get(k) ?? 0);
  }
  changes.sort(
    (x, y) => KIND_ORDER.indexOf(x.change.kind) - KIND_ORDER.indexOf(y.change.kind) || x.rank - y.rank,
  );
  const phoneDrift = Object.fromEntries(Object.entries(drift).filter(([, items]) => items.length > 0));
  const direction = Date.parse(before.createdAt) > Date.parse(after.createdAt) ? 'backward' : 'forward';
  return {
    before: before.runId,
    after: after.runId,
    threshold: t,
    changes: changes.map((c) => c.change),
    carried,
    direction,
    drift: phoneDrift,
  };
}

function isStrictSubset(small: ReadonlyMap<string, unknown>, large: ReadonlyMap<string, unknown>): boolean {
  if (small.size === 0 || small.size >= large.size) return false;
  for (const k of small.keys()) if (!large.has(k)) return false;
  return true;
}
