/**
 * What a verdict says about delivery, in one place so the stats, the matrix, the reports and the
 * renderer agree with the evidence:
 *  - the delivery rate is taken over attempts that should deliver (judged against "must show");
 *    "nothing may show" attempts are counted apart, so a run where every cell passed never reads
 *    as partly undelivered;
 *  - what the capture saw, in words that never contradict a captured record.
 */
import type { ReasonKey, VerdictDetails } from './types';

/** Reasons given only when the expectation was not "must show" (nothing may show, or undecided). */
const NOT_EXPECTED_TO_SHOW: ReadonlySet<ReasonKey> = new Set<ReasonKey>([
  'pass.not-shown',
  'fail.shown-when-must-not',
  'inconclusive.no-positive-control',
  'inconclusive.positive-control-missing',
  'inconclusive.undecided',
  'inconclusive.undecided-shown',
  'not-run.not-applicable',
]);

/** True when the attempt was judged as a push that should show, so it counts in the delivery rate. */
export function countsForDelivery(key: ReasonKey): boolean {
  return !NOT_EXPECTED_TO_SHOW.has(key);
}

/** A pass where nothing showed, as required: counted apart from the delivery rate. */
export function isSilentPass(key: ReasonKey): boolean {
  return key === 'pass.not-shown';
}

/**
 * What the capture saw: 'captured' (a record of the app is kept with the verdict), 'nothing'
 * (provably nothing of the app showed), or 'unknown' (reads failed, the capture broke, or the
 * attempt never got that far). 'nothing' is said only when it is proven.
 */
export type CaptureSeen = 'captured' | 'nothing' | 'unknown';

export function captureSeen(
  details: Pick<VerdictDetails, 'record' | 'delivered'> | null | undefined,
): CaptureSeen {
  if (details?.record != null || details?.delivered === true) return 'captured';
  return details?.delivered === false ? 'nothing' : 'unknown';
}
