/**
 * Run statistics. Push is flaky, so each cell (one phone x one scenario, over its repeats) reports
 * its delivery rate and latency percentiles, and the run reports totals.
 *
 * - Delivery rate = delivered / (delivered + not delivered), over attempts that should show.
 *   Attempts judged against "nothing may show" (or an undecided rule) are not in it; the ones
 *   that passed are counted as `silentAsRequired`. Attempts where delivery cannot be told
 *   (set-up failed, phone lost, capture error, read errors) are counted as `undetermined` and
 *   left out of the rate, which is null when no attempt could tell.
 * - Latency percentiles use the nearest-rank method over the delivered attempts' latencies:
 *   sort ascending, p-th percentile = value at rank ceil(p/100 x n) (1-based). With n = 20,
 *   p95 is the 19th value; with n < 20 it is the maximum. Always an observed value, never
 *   interpolated. Null when no latency was measured.
 */
import { percentile } from '../../../shared/matrix/stats';
import { countsForDelivery, isSilentPass } from '../../../shared/runs/delivery';
import {
  VERDICT_KINDS,
  type AttemptResult,
  type RunResult,
  type VerdictKind,
} from '../../../shared/runs/types';

// The percentile lives in shared/ so the sign-off matrix computes latencies the same way.
export { percentile };

export interface LatencyStats {
  readonly count: number;
  readonly min: number | null;
  readonly p50: number | null;
  readonly p95: number | null;
  readonly max: number | null;
}

export interface DeliveryStats {
  readonly attempts: number;
  readonly delivered: number;
  readonly notDelivered: number;
  readonly undetermined: number;
  /** Attempts that passed because nothing showed, as required (not in the rate). */
  readonly silentAsRequired: number;
  /** delivered / (delivered + notDelivered), 0..1; null when no attempt could tell. */
  readonly deliveryRate: number | null;
  readonly latency: LatencyStats;
  readonly verdicts: Readonly<Record<VerdictKind, number>>;
}

export interface CellStats extends DeliveryStats {
  readonly serial: string;
  readonly scenarioId: string;
}

export interface RunTotals extends DeliveryStats {
  readonly cells: number;
  readonly phones: number;
  readonly durationMs: number;
  /** Every attempt that ran passed (not-run attempts aside) and at least one ran. */
  readonly allPassed: boolean;
}

/** min, p50, p95 and max of a list of latencies (ms). */
export function latencyStats(values: readonly number[]): LatencyStats {
  const finite = values.filter((v) => Number.isFinite(v));
  return {
    count: finite.length,
    min: finite.length === 0 ? null : Math.min(...finite),
    p50: percentile(finite, 50),
    p95: percentile(finite, 95),
    max: finite.length === 0 ? null : Math.max(...finite),
  };
}

function emptyVerdicts(): Record<VerdictKind, number> {
  return Object.fromEntries(VERDICT_KINDS.map((k) => [k, 0])) as Record<VerdictKind, number>;
}

/** Delivery and latency over any set of attempts. */
export function deliveryStats(attempts: readonly AttemptResult[]): DeliveryStats {
  const verdicts = emptyVerdicts();
  let delivered = 0;
  let notDelivered = 0;
  let silentAsRequired = 0;
  const latencies: number[] = [];
  for (const a of attempts) {
    verdicts[a.verdict.kind] += 1;
    if (a.verdict.kind === 'not-run') continue;
    // The rate is over pushes that should show; a required silence is counted apart.
    if (isSilentPass(a.verdict.reason.key)) silentAsRequired += 1;
    if (!countsForDelivery(a.verdict.reason.key)) continue;
    const d = a.verdict.details;
    if (d.delivered === true) {
      delivered += 1;
      if (d.latencyMs !== null) latencies.push(d.latencyMs);
    } else if (d.delivered === false) {
      notDelivered += 1;
    }
  }
  const decided = delivered + notDelivered;
  return {
    attempts: attempts.length,
    delivered,
    notDelivered,
    silentAsRequired,
    undetermined: attempts.length - verdicts['not-run'] - decided - notJudgedForDelivery(attempts),
    deliveryRate: decided === 0 ? null : delivered / decided,
    latency: latencyStats(latencies),
    verdicts,
  };
}

/** Judged attempts that were not about delivery ("nothing may show", undecided). */
function notJudgedForDelivery(attempts: readonly AttemptResult[]): number {
  return attempts.filter((a) => a.verdict.kind !== 'not-run' && !countsForDelivery(a.verdict.reason.key))
    .length;
}

/** One entry per (phone, scenario) in first-seen order, over that cell's repeats. */
export function cellStats(attempts: readonly AttemptResult[]): CellStats[] {
  const cells = new Map<string, AttemptResult[]>();
  for (const a of attempts) {
    const key = JSON.stringify([a.serial, a.scenarioId]);
    const list = cells.get(key);
    if (list === undefined) cells.set(key, [a]);
    else list.push(a);
  }
  return [...cells.values()].map((list) => {
    const first = list[0] as AttemptResult;
    return { serial: first.serial, scenarioId: first.scenarioId, ...deliveryStats(list) };
  });
}

/** Totals over the whole run. */
export function runTotals(run: RunResult): RunTotals {
  const stats = deliveryStats(run.attempts);
  const ran = stats.attempts - stats.verdicts['not-run'];
  return {
    ...stats,
    cells: cellStats(run.attempts).length,
    phones: new Set(run.attempts.map((a) => a.serial)).size,
    durationMs: Math.max(0, run.finishedAt - run.startedAt),
    allPassed: ran > 0 && stats.verdicts.pass === ran,
  };
}
