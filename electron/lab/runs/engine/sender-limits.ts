/**
 * What a sender cannot test, whatever the device. Logged-out and kicked-offline are states of the
 * IM backend: Tencent stops offline pushes to such an account. A direct push (APNs, FCM, simctl, vendors)
 * goes straight to the device token and never asks the backend, so it would show and be judged a
 * false fail. Those cells are blocked with the reason instead.
 */
import type { PlanSender } from '../../../../shared/runs/plan';
import { DIRECT_SENDER_KINDS } from '../../../../shared/runs/direct-senders';
import type { Phrase } from '../../util/phrase';
import type { Scenario } from '../../../../shared/scenarios/types';

/** A reason in English and zh-CN (the blocked verdict's error shows the one the user reads). */
export type Reason = Exclude<Phrase, string>;

const DIRECT_SENDERS: ReadonlySet<string> = new Set([...DIRECT_SENDER_KINDS, 'simctl']);

export function senderCannotTest(scenario: Scenario, sender: PlanSender['kind']): Reason | null {
  if (
    DIRECT_SENDERS.has(sender) &&
    (scenario.state === 'logged-out' || scenario.state === 'kicked-offline')
  ) {
    return {
      en:
        `the ${sender} sender pushes straight to the device without the IM backend, so ` +
        `a logged-out or kicked account cannot stop it: run this scenario with the tencent ` +
        `sender (or your own command that goes through your backend).`,
      zh: `发送方式“${sender}”不经过 IM 后台，直接推送到设备，所以退出登录或被踢下线的账号挡不住它：请用发送方式“tencent”（或经过你自己后台的命令）运行此场景。`,
    };
  }
  return null;
}
