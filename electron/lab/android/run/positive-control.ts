/**
 * The positive control: before judging "nothing showed" on a phone, prove that a push that must
 * show does show there in this run (a dead channel also shows nothing). Runs the catalog's
 * background text once, outside the attempt's verdict, and keeps what it saw as evidence.
 */
import { checkRecord, recordMatches } from '../../../../shared/runs/match';
import { expectFor } from '../../../../shared/scenarios/rules/expect';
import { enterState, leaveState } from '../app-states';
import { withTimeout } from '../../util/timeout';
import { stateContext } from './state-context';
import { capturePush } from './capture-push';
import { scenarioOf } from '../../runs/engine/resolve-run';
import type { PhoneSession } from './phone-session';

import { CONTROL_SCENARIO_ID, recordControl } from '../../runs/engine/attempt-end';

/** True when the control showed; false when it could not be shown (the attempt then stays inconclusive). */
export async function runPositiveControl(session: PhoneSession, attemptId: number): Promise<boolean> {
  session.controlTried = true;
  session.controlShown = false;
  const { plan, sender, deps, profile } = session.run;
  const scenario = scenarioOf(CONTROL_SCENARIO_ID);
  const expectation = expectFor(scenario, session.context, profile);
  if (expectation.outcome !== 'shown' || session.account === null) return false;
  const ctx = stateContext(session);
  const state = await withTimeout(enterState(session.io, scenario.state, ctx), plan.timeouts.stepMs, {
    en: 'Putting the app in the background for the control push',
    zh: '为对照推送把应用切到后台',
  });
  if (!state.ok) return false;
  try {
    const receipt = await sender.send({
      serial: session.phone.serial,
      package: plan.app.package,
      recipient: { account: session.account.account },
      scenarioId: scenario.id,
      message: scenario.message,
      expected: {
        title: expectation.title?.value ?? null,
        text: expectation.text?.value ?? null,
        channelId: expectation.channelId,
      },
      channel: session.context.channel,
      timeoutMs: plan.timeouts.stepMs,
      signal: session.run.signal,
    });
    const seen = await capturePush(session.io, {
      package: plan.app.package,
      since: receipt.sentAt,
      timeoutMs: plan.timeouts.pushMs,
      offset: session.offset,
      now: () => deps.clock.now(),
      isMatch: (r) => recordMatches(checkRecord(expectation, r)),
      signal: session.run.signal,
      ...(deps.pollMs === undefined ? {} : { pollMs: deps.pollMs }),
    });
    const shown = seen.records.some((r) => recordMatches(checkRecord(expectation, r.observed)));
    session.dirty = seen.records.length > 0;
    return recordControl(session, attemptId, receipt.requestId, seen, shown);
  } finally {
    await leaveState(session.io, scenario.state, ctx).catch(() => undefined);
  }
}
