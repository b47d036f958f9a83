/**
 * The SendRequest for an attempt, the same for the run's sender and (diagnose mode) the vendor
 * path's direct sender: same message, same expected words, so "same message, other link" holds.
 */
import type { Expectation, Scenario } from '../../../../shared/scenarios/types';
import type { SendRequest } from '../../push/sender-types';
import type { PhoneSession } from './phone-session';

export function sendRequestFor(
  session: PhoneSession,
  scenario: Scenario,
  expectation: Expectation,
  deviceToken: string | null,
): SendRequest {
  const { plan, signal } = session.run;
  const account = session.account!;
  return {
    serial: session.phone.serial,
    package: plan.app.package,
    recipient: { account: account.account, ...(account.nickname ? { nickname: account.nickname } : {}) },
    scenarioId: scenario.id,
    message: scenario.message,
    expected: {
      title: expectation.title?.value ?? null,
      text: expectation.text?.value ?? null,
      channelId: expectation.channelId,
    },
    channel: session.context.channel,
    ...(deviceToken === null ? {} : { deviceToken }),
    timeoutMs: plan.timeouts.stepMs,
    signal,
  };
}
