/**
 * Scenarios a simulator cannot answer honestly, with the reason the attempt is blocked: what
 * simctl cannot do (lock the screen, turn notifications off), and what the direct senders skip
 * by design: simctl push uses neither the push backend nor a device token (logged-out, kicked and
 * environment-mismatch scenarios test those), and the apns sender sends to the one environment
 * the plan names, so it cannot set up the environment mismatch. Pure.
 */
import { senderCannotTest, type Reason } from '../../runs/engine/sender-limits';
import type { PlanSender } from '../../../../shared/runs/plan';
import type { PhoneContext, Scenario } from '../../../../shared/scenarios/types';

export function simulatorBlock(
  scenario: Scenario,
  sender: PlanSender['kind'],
  context: PhoneContext,
): Reason | null {
  if (scenario.state === 'screen-locked') {
    return {
      en: "simctl cannot lock a simulator's screen: run this scenario on a real iPhone.",
      zh: 'simctl 无法锁定模拟器的屏幕：请在真实的 iPhone 上运行此场景。',
    };
  }
  const direct = senderCannotTest(scenario, sender);
  if (direct !== null) return direct;
  if (sender === 'simctl' && scenario.setup?.apns !== undefined) {
    return {
      en:
        'simctl push uses no device token, so a Debug/Release vs sandbox/production mismatch ' +
        'cannot happen: run this scenario with the tencent sender and a real device token.',
      zh: '`simctl push` 不使用设备令牌，所以不会出现 Debug/Release 与 sandbox/production 不匹配：请用发送方式“tencent”和真实的设备令牌运行此场景。',
    };
  }
  if (sender === 'apns' && scenario.setup?.apns !== undefined) {
    return {
      en:
        'the apns sender sends to sender.environment, which the plan keeps in step with ' +
        'the build, so this Debug/Release vs sandbox/production mismatch is not set up: ' +
        'run it with the tencent sender (a plan whose sender.environment does not fit the ' +
        'token shows APNs answering BadDeviceToken instead).',
      zh:
        '发送方式“apns”发往 sender.environment，计划让它与构建保持一致，所以不会构造出这种 Debug/Release 与 sandbox/production ' +
        '不匹配：请用发送方式“tencent”运行（如果计划的 sender.environment 与令牌不符，会看到 APNs 返回 BadDeviceToken）。',
    };
  }
  if (scenario.setup?.notificationsBlocked === true && context.notificationsBlocked !== true) {
    return {
      en:
        'PushLab cannot turn notifications off on a simulator (simctl has no notifications ' +
        'privacy service): turn them off in Settings › Notifications for the app, then run again.',
      zh: 'PushLab 无法在模拟器上关闭通知（simctl 没有通知的隐私服务）：请在“Settings › Notifications”中关闭该应用的通知，然后重新运行。',
    };
  }
  return null;
}
