/**
 * The numbers behind the two charts (plain SVG): a linear scale with round ticks, box-plot
 * statistics, a deterministic jitter for the strip plot, latencies per vendor group from the
 * run's attempts, and which earlier runs of the same plan the delivery chart shows. Pure.
 */
import type { AttemptView, RunSummary } from '../../../shared/domain/run';
import { VENDOR_GROUPS, type RunMatrix, type VendorGroup } from '../../../shared/matrix/types';

export type Scale = (value: number) => number;

/** Maps [d0, d1] onto [r0, r1]; a zero-width domain maps everything to r0. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const width = d1 - d0;
  return (value) => (width === 0 ? r0 : r0 + ((value - d0) / width) * (r1 - r0));
}

/** 1, 2, 2.5 or 5 times a power of ten: the step for about `count` ticks up to `max`. */
export function niceStep(max: number, count = 5): number {
  if (!Number.isFinite(max) || max <= 0) return 1;
  const raw = max / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  return step;
}

/** Ticks from 0 to the first round value at or above `max` (the axis then ends on a tick). */
export function niceTicks(max: number, count = 5): number[] {
  const step = niceStep(max, count);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let i = 0; i * step <= top + step / 1e9; i += 1) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

/** Linear-interpolated quantile of sorted values (q in 0…1); null for no values. */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] ?? 0;
  const b = sorted[hi] ?? a;
  return a + (b - a) * (pos - lo);
}

export interface BoxStats {
  readonly n: number;
  readonly min: number;
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
  readonly max: number;
}

export function boxStats(values: readonly number[]): BoxStats | null {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  if (min === undefined || max === undefined) return null;
  return {
    n: sorted.length,
    min,
    max,
    q1: quantile(sorted, 0.25) ?? min,
    median: quantile(sorted, 0.5) ?? min,
    q3: quantile(sorted, 0.75) ?? max,
  };
}

/** At most `max` of `values`, evenly spread (a strip plot of thousands of dots says no more than a few hundred). */
export function thinOut<T>(values: readonly T[], max: number): T[] {
  if (values.length <= max) return [...values];
  const step = values.length / max;
  return Array.from({ length: max }, (_, i) => values[Math.floor(i * step)] as T);
}

/** A stable offset in -1…1 for the i-th point (golden-ratio sequence): the same data always draws the same. */
export function jitter(i: number): number {
  const frac = (i * 0.6180339887498949) % 1;
  return frac * 2 - 1;
}

export interface GroupLatencies {
  readonly group: VendorGroup;
  /** Send-to-shown latencies (ms) of every attempt with one, repeats included. */
  readonly values: readonly number[];
}

/** Latencies per vendor group (VENDOR_GROUPS order), for the groups that have phones in the matrix. */
export function latencyByGroup(
  matrix: Pick<RunMatrix, 'phones'>,
  attempts: readonly AttemptView[],
  serials?: ReadonlySet<string>,
): GroupLatencies[] {
  const groupOf = new Map(matrix.phones.map((p) => [p.serial, p.group]));
  const values = new Map<VendorGroup, number[]>();
  for (const a of attempts) {
    const group = groupOf.get(a.serial);
    if (
      group === undefined ||
      a.latencyMs === null ||
      !Number.isFinite(a.latencyMs) ||
      (serials && !serials.has(a.serial))
    )
      continue;
    values.set(group, [...(values.get(group) ?? []), a.latencyMs]);
  }
  const present = new Set(groupOf.values());
  return VENDOR_GROUPS.filter((g) => present.has(g)).map((group) => ({
    group,
    values: values.get(group) ?? [],
  }));
}

/** Runs that can be compared or charted: they have stopped (a running run's numbers still move). */
export function isSettled(run: Pick<RunSummary, 'status'>): boolean {
  return run.status !== 'running';
}

/** The last `limit` settled runs of the same plan up to and including `current`, oldest first. */
export function samePlanHistory(
  runs: readonly RunSummary[],
  current: Pick<RunSummary, 'id' | 'planName' | 'createdAt'>,
  limit = 10,
): RunSummary[] {
  return runs
    .filter(
      (r) =>
        r.planName === current.planName &&
        (r.id === current.id || (isSettled(r) && r.createdAt <= current.createdAt)),
    )
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
    .slice(-limit);
}

/** How an axis label sits on its tick: the last one ends at it, so the chart's edge never cuts it. */
export function tickAnchor(index: number, count: number): 'middle' | 'end' {
  return count > 1 && index === count - 1 ? 'end' : 'middle';
}
