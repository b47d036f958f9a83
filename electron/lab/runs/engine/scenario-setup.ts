/**
 * Conditions a scenario forces on top of the phone (shared/scenarios ScenarioSetup), applied before
 * the state and undone after. What the lab cannot force honestly (removing a system push service)
 * blocks the attempt with the reason, unless the phone already is that way.
 */
import type { PhoneContext, Scenario } from '../../../../shared/scenarios/types';
import type { AdbDeviceIo } from '../../adb/device-io';
import { grantPermission } from '../../android/commands/doctor/grant-permission';
import { setAppOp } from '../../android/commands/doctor/set-app-op';
import { revokePermission } from '../../android/commands/state/revoke-permission';

const POST_NOTIFICATIONS = 'android.permission.POST_NOTIFICATIONS';
const ANDROID_13 = 33;

export type SetupApplied = { readonly blocked: string } | { readonly blocked: null; readonly steps: readonly string[]; undo(): Promise<void> };

export async function applyScenarioSetup(io: AdbDeviceIo, scenario: Scenario, phone: PhoneContext, pkg: string): Promise<SetupApplied> {
  const setup = scenario.setup ?? {};
  if (setup.pushServiceReady === false && phone.pushServiceReady !== false) {
    return {
      blocked:
        "This scenario needs a phone whose push service is missing or too old; this phone's is fine, and PushLab never removes system push services. Run it on such a phone.",
    };
  }
  if (setup.notificationsBlocked !== true) return { blocked: null, steps: [], undo: async () => undefined };
  if (phone.sdk !== null && phone.sdk >= ANDROID_13) {
    await revokePermission(io, pkg, POST_NOTIFICATIONS);
    return { blocked: null, steps: [`pm revoke ${pkg} ${POST_NOTIFICATIONS}`], undo: async () => void (await grantPermission(io, pkg, POST_NOTIFICATIONS)) };
  }
  // Before Android 13 the app-level switch is the POST_NOTIFICATION app op (what Settings flips too).
  await setAppOp(io, pkg, 'POST_NOTIFICATION', 'ignore');
  return { blocked: null, steps: [`appops set ${pkg} POST_NOTIFICATION ignore`], undo: async () => void (await setAppOp(io, pkg, 'POST_NOTIFICATION', 'allow')) };
}
