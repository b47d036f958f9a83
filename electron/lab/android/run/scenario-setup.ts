/**
 * Conditions a scenario forces on top of the phone (shared/scenarios ScenarioSetup), applied before
 * the state and undone after. What the lab cannot force honestly (removing a system push service)
 * is not run on a phone that provably is not that way, and blocks the attempt where that is unknown.
 */
import type { Bilingual, PhoneContext, Scenario } from '../../../../shared/scenarios/types';
import type { AdbDeviceIo } from '../../adb/device-io';
import { grantPermission } from '../commands/doctor/grant-permission';
import { setAppOp } from '../commands/doctor/set-app-op';
import { revokePermission } from '../commands/state/revoke-permission';

const POST_NOTIFICATIONS = 'android.permission.POST_NOTIFICATIONS';
const ANDROID_13 = 33;

export type SetupApplied =
  | { readonly blocked: string; readonly blockedZh: string }
  | { readonly blocked: null; readonly steps: readonly string[]; undo(): Promise<void> };

/**
 * Why the scenario cannot apply to this phone at all: it needs a condition the phone provably does
 * not have and that PushLab must not force (a missing push service on a phone whose service is
 * present and recent enough). Such an attempt is not run, like a scenario meant for another channel.
 */
export function setupOutOfReach(scenario: Scenario, phone: PhoneContext): Bilingual | null {
  if (scenario.setup?.pushServiceReady === false && phone.pushServiceReady === true) {
    return {
      en:
        "This scenario is for phones whose push service is missing or too old; this phone's " +
        'is present and recent enough, and PushLab never removes system push services.',
      zhCN: '此场景适用于推送服务缺失或版本过低的手机；这台手机的推送服务存在且版本足够，PushLab 不会移除系统推送服务。',
    };
  }
  return null;
}

export async function applyScenarioSetup(
  io: AdbDeviceIo,
  scenario: Scenario,
  phone: PhoneContext,
  pkg: string,
): Promise<SetupApplied> {
  const setup = scenario.setup ?? {};
  if (setup.pushServiceReady === false && phone.pushServiceReady !== false) {
    return {
      blocked:
        'This scenario needs a phone whose push service is missing or too old; PushLab ' +
        "could not tell whether this phone's is, and never removes system push services. " +
        'Run it on a phone known to lack one.',
      blockedZh:
        '此场景需要推送服务缺失或版本过低的手机；PushLab 无法判断这台手机是否如此，而且不会移除系统推送服务。请在已知缺少推送服务的手机上运行。',
    };
  }
  if (setup.notificationsBlocked !== true) return { blocked: null, steps: [], undo: async () => undefined };
  if (phone.sdk !== null && phone.sdk >= ANDROID_13) {
    await revokePermission(io, pkg, POST_NOTIFICATIONS);
    return {
      blocked: null,
      steps: [`pm revoke ${pkg} ${POST_NOTIFICATIONS}`],
      undo: async () => void (await grantPermission(io, pkg, POST_NOTIFICATIONS)),
    };
  }
  // Before Android 13 the app-level switch is the POST_NOTIFICATION app op (what Settings flips too).
  await setAppOp(io, pkg, 'POST_NOTIFICATION', 'ignore');
  return {
    blocked: null,
    steps: [`appops set ${pkg} POST_NOTIFICATION ignore`],
    undo: async () => void (await setAppOp(io, pkg, 'POST_NOTIFICATION', 'allow')),
  };
}
