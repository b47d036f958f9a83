/**
 * The one attempt loop, whatever the device: (refuse what cannot run) → set-up (positive control,
 * scenario set-up, app state) → send → capture → leave state → evidence → judge → redirect check.
 * Every step is stored as it happens. Set-up trouble is 'blocked', a vanished device 'device lost';
 * only the judge gives pass. Each platform supplies the device half as an AttemptDriver. In
 * diagnose mode a platform with a second path runs it before the state is left (send refused or
 * after the capture) and the link it gives is kept with the verdict.
 */
import type { AttemptView } from '../../../../shared/domain/run';
import type { ErrorInfo } from '../../../../shared/errors';
import type { Diagnosis, PathOutcome } from '../../../../shared/runs/diagnose';
import { checkRecord, recordMatches } from '../../../../shared/runs/match';
import type { PlanAccount } from '../../../../shared/runs/plan';
import type {
  CaptureOutcome,
  ObservedRecord,
  Observation,
  RunPhone,
  SetupOutcome,
  Verdict,
} from '../../../../shared/runs/types';
import { expectFor } from '../../../../shared/scenarios/rules/expect';
import type { Bilingual, Expectation, PhoneContext, Scenario } from '../../../../shared/scenarios/types';
import { toErrorInfo } from '../../errors';
import type { SendReceipt } from '../../push/sender-types';
import { judge } from '../verdict';
import { diagnoseExpectation, shownIn } from './attempt-diagnose';
import { finishAttempt, stopIfCancelled, type Capture, type CapturedRecord } from './attempt-end';
import { scenarioOf } from './resolve-run';
import { step, type RunContext } from './session';

/** What the loop reads and writes on a device's session. */
export interface AttemptSession {
  readonly run: RunContext;
  readonly phone: RunPhone;
  readonly account: PlanAccount | null;
  context: PhoneContext;
  controlShown: boolean | null;
  lost: boolean;
}

/** The device half of one attempt (one driver per attempt, so it may keep the attempt's undo). */
export interface AttemptDriver<Info> {
  readonly session: AttemptSession;
  /** A scenario this device cannot set up at all: the attempt is 'not applicable' for this reason. */
  outOfReach(scenario: Scenario): Bilingual | null;
  /** Why the attempt is blocked before anything is touched (sender, account, device limits), or null. */
  refuse(scenario: Scenario): ErrorInfo | null;
  /** Positive control, scenario set-up and app state; may sharpen the expectation from what it read. */
  prepare(
    attemptId: number,
    scenario: Scenario,
    expectation: Expectation,
  ): Promise<{ readonly outcome: SetupOutcome; readonly expectation: Expectation }>;
  /** Leaves the state and undoes the set-up; trouble is logged, never a verdict. */
  restore(attemptId: number, scenario: Scenario): Promise<void>;
  /** Reads what must be known before the send (outside the send step). */
  beforeSend(): Promise<void>;
  send(scenario: Scenario, expectation: Expectation): Promise<SendReceipt>;
  /** The send step's detail. */
  sent(receipt: SendReceipt): string;
  /** Watches (with its own steps) and stores what it saw as the attempt's record evidence. */
  capture(
    attemptId: number,
    scenario: Scenario,
    expectation: Expectation,
    receipt: SendReceipt,
    isMatch: (record: ObservedRecord) => boolean,
  ): Promise<{ readonly captured: Capture<Info>; readonly idleLeft?: boolean }>;
  /** The device is gone (the error says so, or it left the device list). */
  gone(error?: unknown): boolean;
  /** What went wrong when the device went away during the capture. */
  lostError(captured: Capture<Info>): ErrorInfo;
  /** The ± every latency on this device carries (clock offset); null when unknown. */
  latencyUncertaintyMs(): number | null;
  /** Screenshots, logs, doctor snapshot: never changes the verdict. */
  evidence(attemptId: number, receipt: SendReceipt): Promise<void>;
  /** Checks the redirect of a passed attempt that carries an ext (tap, or what the record carried). */
  redirect(attemptId: number, ext: string, record: CapturedRecord<Info>, passed: Verdict): Promise<Verdict>;
  /**
   * diagnose mode: the second path (the vendor's direct send, captured with the app still in its
   * state) and the link the facts give. Absent: the platform has none; its attempts run plainly.
   */
  diagnose?(
    attemptId: number,
    scenario: Scenario,
    expectation: Expectation,
    tencent: PathOutcome,
  ): Promise<Diagnosis>;
}

const nothing = { kind: 'records', records: [] } as const;

export async function runAttemptLoop<Info>(
  driver: AttemptDriver<Info>,
  attempt: AttemptView,
): Promise<Verdict> {
  const { session } = driver;
  const { deps, profile } = session.run;
  const scenario = scenarioOf(attempt.scenarioId);
  deps.repo.startAttempt(attempt.id, deps.clock.now());
  session.run.changed(attempt.id);
  const end = (verdict: Verdict): Verdict => finishAttempt(session, attempt.id, verdict);
  let expectation = expectFor(scenario, session.context, profile);
  const outOfReach = driver.outOfReach(scenario);
  if (outOfReach !== null && expectation.outcome !== 'not-applicable')
    expectation = {
      ...expectation,
      outcome: 'not-applicable',
      needsPositiveControl: false,
      reason: outOfReach,
    };
  if (expectation.outcome === 'not-applicable')
    return end(judge(expectation, { setup: { kind: 'ok' }, captured: nothing }));
  const refused = driver.refuse(scenario);
  if (refused !== null)
    return end(judge(expectation, { setup: { kind: 'failed', error: refused }, captured: nothing }));

  const setup = await driver.prepare(attempt.id, scenario, expectation);
  stopIfCancelled(session);
  expectation = setup.expectation;
  if (setup.outcome.kind !== 'ok') {
    await driver.restore(attempt.id, scenario);
    return end(judge(expectation, { setup: setup.outcome, captured: nothing }));
  }

  const diagnosing = driver.diagnose === undefined ? null : diagnoseExpectation(session, scenario);
  const secondPath = (tencent: PathOutcome): Promise<Diagnosis> | undefined =>
    diagnosing === null ? undefined : driver.diagnose?.(attempt.id, scenario, diagnosing, tencent);
  let receipt: SendReceipt;
  try {
    await driver.beforeSend();
    const sending = expectation;
    receipt = await step(session, attempt.id, 'send', () => driver.send(scenario, sending), driver.sent);
    deps.repo.addEvidence(attempt.id, {
      kind: 'send',
      data: { sentAt: receipt.sentAt, requestId: receipt.requestId, ...receipt.evidence },
      at: deps.clock.now(),
    });
  } catch (error) {
    stopIfCancelled(session);
    const info = toErrorInfo(error);
    // diagnose: Tencent refused the send; the vendor path still says whether the rest works.
    const refused = driver.gone(error)
      ? undefined
      : await secondPath({ shown: false, requestId: null, error: info });
    await driver.restore(attempt.id, scenario);
    const outcome: SetupOutcome = driver.gone(error)
      ? { kind: 'device-lost', error: info }
      : { kind: 'failed', error: info };
    const verdict = judge(expectation, { setup: outcome, captured: nothing });
    return end(refused === undefined ? verdict : { ...verdict, diagnosis: refused });
  }

  const judged = expectation;
  // 'shown' waits for a matching record (a wrong one may be followed by the right one); for
  // 'not-shown' or 'undecided' the first record of the app settles it.
  const isMatch = (r: ObservedRecord): boolean =>
    judged.outcome === 'shown' ? recordMatches(checkRecord(judged, r)) : true;
  const { captured, idleLeft } = await driver.capture(attempt.id, scenario, judged, receipt, isMatch);
  const diagnosis =
    diagnosing === null || captured.lost || driver.gone()
      ? undefined
      : await secondPath({ shown: shownIn(diagnosing, captured), requestId: receipt.requestId, error: null });
  // A run stopped during the vendor path leaves the attempt open, as after the Tencent capture.
  if (diagnosis !== undefined) stopIfCancelled(session);
  if (!captured.lost) await driver.restore(attempt.id, scenario);

  const lost = captured.lost || driver.gone();
  const outcome: CaptureOutcome = lost
    ? { kind: 'capture-error', error: { ...driver.lostError(captured), code: 'DEVICE_LOST' } }
    : captured.records.length > 0
      ? { kind: 'records', records: captured.records.map((r) => r.observed) }
      : { kind: 'timeout', readErrors: captured.readErrors };
  const matched =
    captured.records.find((r) => judged.outcome === 'shown' && isMatch(r.observed)) ??
    captured.records[0] ??
    null;
  const observation: Observation = {
    setup: { kind: 'ok' },
    captured: outcome,
    ...(session.controlShown === null ? {} : { positiveControlShown: session.controlShown }),
    latencyMs: matched?.latencyMs ?? null,
    latencyUncertaintyMs: driver.latencyUncertaintyMs(),
    timeoutMs: session.run.plan.timeouts.pushMs,
    ...(idleLeft === undefined ? {} : { idleLeft }),
  };
  if (!lost) await driver.evidence(attempt.id, receipt);
  let verdict = judge(judged, observation);
  if (verdict.kind === 'pass' && judged.tapExt !== null && matched !== null && !lost)
    verdict = await driver.redirect(attempt.id, judged.tapExt, matched, verdict);
  if (verdict.kind === 'pass' && judged.outcome === 'shown') session.controlShown = true;
  return end(diagnosis === undefined ? verdict : { ...verdict, diagnosis });
}
