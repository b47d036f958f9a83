/**
 * The diagnose mode's question in the attempt loop, whatever the device: which attempts ask it,
 * and whether a capture shows the push reached the phone. The second path itself (the vendor's
 * direct send and its capture) is the platform's (AttemptDriver.diagnose); the link it gives is
 * decided in shared/runs/diagnose.ts.
 */
import { checkRecord } from '../../../../shared/runs/match';
import type { ObservedRecord } from '../../../../shared/runs/types';
import { expectFor } from '../../../../shared/scenarios/rules/expect';
import type { Expectation, Scenario } from '../../../../shared/scenarios/types';
import type { Capture } from './attempt-end';
import type { AttemptSession } from './attempt-loop';

/**
 * What a healthy phone would show: the diagnose question is asked only where a push must show as
 * a notification there (the doctor's own findings, e.g. notifications off, are what it explains).
 */
export function diagnoseExpectation(session: AttemptSession, scenario: Scenario): Expectation | null {
  if (session.run.plan.mode !== 'diagnose') return null;
  const healthy = {
    ...session.context,
    notificationsBlocked: false,
    pushServiceReady: true,
    pushServiceProblem: null,
  };
  const expectation = expectFor(scenario, healthy, session.run.profile);
  return expectation.outcome === 'shown' && expectation.surface === 'notification' ? expectation : null;
}

/**
 * The question is "did it reach the phone", not "is it well formed" (the verdict judges that): a
 * record of the app whose text is not a mismatch counts, whatever title the link gave it (FCM has
 * no default title, Tencent puts the sender's nickname there).
 */
export function reached(expectation: Expectation, record: ObservedRecord): boolean {
  return checkRecord(expectation, record).text !== 'mismatch';
}

export function shownIn<Info>(expectation: Expectation, capture: Capture<Info> | null): boolean | null {
  if (capture === null || capture.lost) return null;
  return capture.records.some((r) => reached(expectation, r.observed));
}
