/**
 * Scenarios a simulator cannot answer honestly, with the reason the attempt is blocked: what
 * simctl cannot do (lock the screen, turn notifications off), and what the simctl sender skips
 * by design (the push backend and the device token: logged-out, kicked and environment-mismatch
 * scenarios test those). Pure.
 */
import type { PlanSender } from '../../../../../shared/runs/plan';
import type { PhoneContext, Scenario } from '../../../../../shared/scenarios/types';

export function simulatorBlock(scenario: Scenario, sender: PlanSender['kind'], context: PhoneContext): string | null {
  if (scenario.state === 'screen-locked') return "simctl cannot lock a simulator's screen: run this scenario on a real iPhone.";
  if (sender === 'simctl' && (scenario.state === 'logged-out' || scenario.state === 'kicked-offline')) {
    return 'simctl push delivers straight to the simulator without the push backend, so a logged-out or kicked account cannot stop it: run this scenario with the tencent or apns sender.';
  }
  if (sender === 'simctl' && scenario.setup?.apns !== undefined) {
    return 'simctl push uses no device token, so a Debug/Release vs sandbox/production mismatch cannot happen: run this scenario with the apns sender and a real token.';
  }
  if (scenario.setup?.notificationsBlocked === true && context.notificationsBlocked !== true) {
    return 'PushLab cannot turn notifications off on a simulator (simctl has no notifications privacy service): turn them off in Settings › Notifications for the app, then run again.';
  }
  return null;
}
