/**
 * The send request for a simulator attempt, and the positive control: before judging "nothing
 * showed", prove that a push that must show does show on this simulator in this run (the
 * catalog's background text), keeping what it saw as evidence.
 */
import { checkRecord, recordMatches } from '../../../../shared/runs/match';
import { deviceTokenFor } from '../../../../shared/runs/plan';
import { expectFor } from '../../../../shared/scenarios/rules/expect';
import type { Expectation, Scenario } from '../../../../shared/scenarios/types';
import type { SendRequest } from '../../push/sender-types';
import { CONTROL_SCENARIO_ID, recordControl } from '../../runs/engine/attempt-end';
import { scenarioOf } from '../../runs/engine/resolve-run';
import { captureDelivered, deliveredKeys } from './simulator-capture';
import { dataPathOf, simulatorGone, type SimulatorSession } from './simulator-session';
import { enterSimulatorState, leaveSimulatorState } from './simulator-states';

export function sendFor(
  session: SimulatorSession,
  scenario: Scenario,
  expectation: Expectation,
): SendRequest {
  const { plan, signal } = session.run;
  const account = session.account;
  const token = deviceTokenFor(plan, session.phone.serial);
  return {
    serial: session.phone.serial,
    package: plan.app.package,
    recipient: {
      account: account?.account ?? '',
      ...(account?.nickname ? { nickname: account.nickname } : {}),
    },
    scenarioId: scenario.id,
    message: scenario.message,
    expected: {
      title: expectation.title?.value ?? null,
      text: expectation.text?.value ?? null,
      channelId: expectation.channelId,
    },
    channel: 'apns',
    ...(token === null ? {} : { deviceToken: token }),
    timeoutMs: plan.timeouts.stepMs,
    signal,
  };
}

/** True when the control showed; false when it could not be shown (the attempt then stays inconclusive). */
export async function runSimulatorControl(session: SimulatorSession, attemptId: number): Promise<boolean> {
  session.controlTried = true;
  session.controlShown = false;
  const { plan, sender, deps, profile } = session.run;
  const scenario = scenarioOf(CONTROL_SCENARIO_ID);
  const expectation = expectFor(scenario, session.context, profile);
  if (expectation.outcome !== 'shown' || session.account === null) return false;
  const state = await enterSimulatorState(session, scenario.state);
  if (!state.ok) return false;
  try {
    const dataPath = dataPathOf(session);
    const baseline = await deliveredKeys(dataPath, plan.app.package);
    const receipt = await sender.send(sendFor(session, scenario, expectation));
    const isMatch = (r: Parameters<typeof checkRecord>[1]): boolean =>
      recordMatches(checkRecord(expectation, r));
    const seen = await captureDelivered({
      dataPath,
      bundleId: plan.app.package,
      since: receipt.sentAt,
      baseline,
      timeoutMs: plan.timeouts.pushMs,
      now: () => deps.clock.now(),
      isMatch,
      present: () => !simulatorGone(session),
      signal: session.run.signal,
      ...(deps.pollMs === undefined ? {} : { pollMs: deps.pollMs }),
    });
    const shown = seen.records.some((r) => isMatch(r.observed));
    return recordControl(session, attemptId, receipt.requestId, seen, shown);
  } finally {
    await leaveSimulatorState(session, scenario.state).catch(() => undefined);
  }
}
