/**
 * Senders: who sends the push for a run (Tencent IM REST, APNs, FCM, or Mi Push, HMS, Honor, OPPO,
 * vivo or Flyme Push directly, the team's own command, or a person). `createSender` picks one from
 * the plan's `sender`. The direct vendor senders share electron/lab/push/direct/.
 */
import { createApnsSender } from './apns/apns-sender';
import { createFcmSender } from './fcm/fcm-sender';
import { createSimctlSender } from './simctl/simctl-sender';
import { createCommandSender } from './command/command-sender';
import { createManualSender } from './manual/manual-sender';
import { createMeizuSender } from './meizu/meizu-sender';
import { createOppoSender } from './oppo/oppo-sender';
import { createVivoSender } from './vivo/vivo-sender';
import { createTencentSender } from './tencent/tencent-sender';
import { createXiaomiSender } from './xiaomi/xiaomi-sender';
import { createHuaweiSender } from './huawei/huawei-sender';
import { createHonorSender } from './honor/honor-sender';
import type { PlanSender, Sender, SenderDeps } from './sender-types';

export type {
  AccountPresence,
  OperatorPort,
  SendReceipt,
  SendRequest,
  Sender,
  SenderDeps,
} from './sender-types';
export { SendError } from './send-error';
export type { VendorFault } from './direct/refusal';
export { vendorSendCap, type VendorSendCap } from './direct/send-cap';
export { buildTencentMessage, type TencentBody } from './tencent/tencent-message';
export { commandEnv, requestIdFrom } from './command/command-sender';
export { manualPrompt } from './manual/manual-sender';
export { VENDOR_SEND_LIMITS, type VendorSendLimits } from '../../../shared/push/vendor-limits';

/** The sender the plan names; nothing is contacted until the first send. */
export function createSender(config: PlanSender, deps: SenderDeps): Sender {
  switch (config.kind) {
    case 'tencent':
      return createTencentSender(config, deps);
    case 'command':
      return createCommandSender(config, deps);
    case 'manual':
      return createManualSender(deps);
    case 'apns':
      return createApnsSender(config, deps);
    case 'fcm':
      return createFcmSender(config, deps);
    case 'simctl':
      return createSimctlSender(deps);
    case 'xiaomi':
      return createXiaomiSender(config, deps);
    case 'huawei':
      return createHuaweiSender(config, deps);
    case 'honor':
      return createHonorSender(config, deps);
    case 'oppo':
      return createOppoSender(config, deps);
    case 'vivo':
      return createVivoSender(config, deps);
    case 'meizu':
      return createMeizuSender(config, deps);
  }
}
