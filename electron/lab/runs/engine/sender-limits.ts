/**
 * What a sender cannot test, whatever the device. Logged-out and kicked-offline are states of the
 * IM backend: Tencent stops offline pushes to such an account. A direct push (APNs, FCM, simctl)
 * goes straight to the device token and never asks the backend, so it would show and be judged a
 * false fail. Those cells are blocked with the reason instead.
 */
import type { PlanSender } from '../../../../shared/runs/plan';
import type { Scenario } from '../../../../shared/scenarios/types';

const DIRECT_SENDERS: ReadonlySet<PlanSender['kind']> = new Set(['apns', 'fcm', 'simctl']);

export function senderCannotTest(scenario: Scenario, sender: PlanSender['kind']): string | null {
  if (DIRECT_SENDERS.has(sender) && (scenario.state === 'logged-out' || scenario.state === 'kicked-offline')) {
    return `the ${sender} sender pushes straight to the device without the IM backend, so a logged-out or kicked account cannot stop it: run this scenario with the tencent sender (or your own command that goes through your backend).`;
  }
  return null;
}
