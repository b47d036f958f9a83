/**
 * Scenarios a simulator cannot answer honestly, with the reason the attempt is blocked: what
 * simctl cannot do (lock the screen, turn notifications off), and what the direct senders skip
 * by design: simctl push uses neither the push backend nor a device token (logged-out, kicked and
 * environment-mismatch scenarios test those), and the apns sender sends to the one environment
 * the plan names, so it cannot set up the environment mismatch. Pure.
 */
import { senderCannotTest } from '../sender-limits';
import type { PlanSender } from '../../../../../shared/runs/plan';
import type { PhoneContext, Scenario } from '../../../../../shared/scenarios/types';

export function simulatorBlock(scenario: Scenario, sender: PlanSender['kind'], context: PhoneContext): string | null {
  if (scenario.state === 'screen-locked') return "simctl cannot lock a simulator's screen: run this scenario on a real iPhone.";
  const direct = senderCannotTest(scenario, sender);
  if (direct !== null) return direct;
  if (sender === 'simctl' && scenario.setup?.apns !== undefined) {
    return 'simctl push uses no device token, so a Debug/Release vs sandbox/production mismatch cannot happen: run this scenario with the tencent sender and a real device token.';
  }
  if (sender === 'apns' && scenario.setup?.apns !== undefined) {
    return 'the apns sender sends to sender.environment, which the plan keeps in step with the build, so this Debug/Release vs sandbox/production mismatch is not set up: run it with the tencent sender (a plan whose sender.environment does not fit the token shows APNs answering BadDeviceToken instead).';
  }
  if (scenario.setup?.notificationsBlocked === true && context.notificationsBlocked !== true) {
    return 'PushLab cannot turn notifications off on a simulator (simctl has no notifications privacy service): turn them off in Settings › Notifications for the app, then run again.';
  }
  return null;
}
