/**
 * One-click fixes. Each plan names the checks it addresses (exact ids, or a prefix ending in ':')
 * and runs over adb; a refusal throws LabError with the phone's words, never reports success.
 * The doctor service re-reads the phone afterwards to confirm. open-* fixes only open a screen
 * on the phone: a human finishes there.
 */
import type { DeviceIdentity } from '../../../shared/domain/device';
import type { DoctorSubject, FixId } from '../../../shared/domain/doctor';
import type { AdbDeviceIo } from '../adb/device-io';
import { LabError, toErrorInfo } from '../errors';
import { launchApp } from '../android/commands/launch-app';
import { clearPermissionFlags } from '../android/commands/doctor/clear-permission-flags';
import { dozeAllowlistAdd } from '../android/commands/doctor/doze-allowlist-add';
import { grantPermission } from '../android/commands/doctor/grant-permission';
import { openActivity } from '../android/commands/doctor/open-activity';
import { openAppNotificationSettings } from '../android/commands/doctor/open-app-notification-settings';
import { setAppOp } from '../android/commands/doctor/set-app-op';
import { setStandbyBucket } from '../android/commands/doctor/set-standby-bucket';
import { isMiuiFamily } from './checks/check';
import { POST_NOTIFICATIONS_SDK } from './checks/permission';
import { MIUI_OP_AUTOSTART } from './checks/vendor';
import { loadVendorKnowledge, vendorEntryFor, type VendorKnowledge } from './vendor-knowledge';

export interface FixPlan {
  /** Check ids this fix addresses; a prefix ending in ':' matches a family ("channel:"). */
  readonly appliesTo: readonly string[];
  run(
    io: AdbDeviceIo,
    subject: DoctorSubject,
    identity: DeviceIdentity | null,
  ): Promise<{ readonly detail: string | null }>;
}

const POST_NOTIFICATIONS = 'android.permission.POST_NOTIFICATIONS';

/** Output worth keeping as the fix's detail (most commands print nothing on success). */
const detailOf = (out: string): string | null => (out.trim() === '' ? null : out.trim().slice(0, 600));

interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

function notApplicable(message: Bilingual, hint?: Bilingual): LabError {
  return new LabError('INVALID_ARGUMENT', message.en, {
    ...(hint === undefined ? {} : { hint: hint.en }),
    zh: { message: message.zh, ...(hint === undefined ? {} : { hint: hint.zh }) },
  });
}

const FOLLOW_PATH_HINT: Bilingual = {
  en: 'Follow the settings path shown with the check.',
  zh: '请按检查项中显示的设置路径操作。',
};

/** Opens the first of the ROM's settings screens that this phone has. */
async function openVendorScreen(
  io: AdbDeviceIo,
  subject: DoctorSubject,
  identity: DeviceIdentity | null,
  knowledge: VendorKnowledge,
): Promise<{ detail: string | null }> {
  const entry = identity ? vendorEntryFor(knowledge, identity.rom) : null;
  if (!identity || !entry || entry.activities.length === 0) {
    throw notApplicable(
      {
        en: `PushLab knows no autostart screen for ${identity ? identity.rom.name : 'this phone'}.`,
        zh: `PushLab 不知道${identity ? ` ${identity.rom.name} ` : '这台手机'}的自启动设置界面。`,
      },
      FOLLOW_PATH_HINT,
    );
  }
  const refusals: string[] = [];
  for (const target of entry.activities) {
    try {
      return { detail: detailOf(await openActivity(io, target, subject.package)) };
    } catch (error) {
      const info = toErrorInfo(error);
      if (info.code !== 'COMMAND_FAILED') throw error;
      refusals.push(`${target.component}: ${info.detail ?? info.message}`);
    }
  }
  throw new LabError(
    'COMMAND_FAILED',
    `None of the ${identity.rom.name} autostart screens opened on ${io.serial}.`,
    {
      hint: FOLLOW_PATH_HINT.en,
      detail: refusals.join('\n').slice(0, 1200),
      zh: {
        message: `${io.serial} 上没有一个 ${identity.rom.name} 自启动设置界面能打开。`,
        hint: FOLLOW_PATH_HINT.zh,
      },
    },
  );
}

/** The fix plans; `knowledge` is injectable for tests. */
export function createFixPlans(
  knowledge: () => VendorKnowledge = loadVendorKnowledge,
): Readonly<Record<FixId, FixPlan>> {
  return {
    'grant-post-notifications': {
      appliesTo: ['notifications.permission'],
      async run(io, subject, identity) {
        const sdk = identity?.sdk ?? null;
        if (sdk === null) {
          throw notApplicable(
            {
              en: 'The Android version of this phone is not known yet, so PushLab will not grant POST_NOTIFICATIONS.',
              zh: '还不知道这台手机的 Android 版本，所以 PushLab 不会授予 POST_NOTIFICATIONS。',
            },
            {
              en: 'Wait until the phone shows its identity, then try again.',
              zh: '请等手机显示出身份信息后再试。',
            },
          );
        }
        if (sdk < POST_NOTIFICATIONS_SDK) {
          throw notApplicable({
            en: `POST_NOTIFICATIONS is a runtime permission only from Android 13; this phone has SDK ${sdk}.`,
            zh: `POST_NOTIFICATIONS 从 Android 13 起才是运行时权限；这台手机的 SDK 是 ${sdk}。`,
          });
        }
        return { detail: detailOf(await grantPermission(io, subject.package, POST_NOTIFICATIONS)) };
      },
    },
    'clear-notification-permission-flags': {
      appliesTo: ['notifications.permission-flags'],
      async run(io, subject, identity) {
        const sdk = identity?.sdk ?? null;
        if (sdk !== null && sdk < POST_NOTIFICATIONS_SDK) {
          throw notApplicable({
            en: `POST_NOTIFICATIONS has no flags before Android 13; this phone has SDK ${sdk}.`,
            zh: `Android 13 之前 POST_NOTIFICATIONS 没有标记；这台手机的 SDK 是 ${sdk}。`,
          });
        }
        return {
          detail: detailOf(
            await clearPermissionFlags(io, subject.package, POST_NOTIFICATIONS, ['user-set', 'user-fixed']),
          ),
        };
      },
    },
    'allow-run-any-in-background': {
      appliesTo: ['battery.run-any-in-background'],
      async run(io, subject) {
        return { detail: detailOf(await setAppOp(io, subject.package, 'RUN_ANY_IN_BACKGROUND', 'allow')) };
      },
    },
    'allow-run-in-background': {
      appliesTo: ['battery.run-in-background'],
      async run(io, subject) {
        return { detail: detailOf(await setAppOp(io, subject.package, 'RUN_IN_BACKGROUND', 'allow')) };
      },
    },
    'doze-allowlist': {
      appliesTo: ['battery.doze'],
      async run(io, subject) {
        return { detail: detailOf(await dozeAllowlistAdd(io, subject.package)) };
      },
    },
    'standby-bucket-active': {
      appliesTo: ['battery.standby'],
      async run(io, subject, identity) {
        const sdk = identity?.sdk ?? null;
        if (sdk !== null && sdk < 28) {
          throw notApplicable({
            en: `App Standby buckets exist from Android 9; this phone has SDK ${sdk}.`,
            zh: `应用待机分组（App Standby buckets）从 Android 9 起才有；这台手机的 SDK 是 ${sdk}。`,
          });
        }
        return { detail: detailOf(await setStandbyBucket(io, subject.package, 'active')) };
      },
    },
    'launch-app': {
      appliesTo: ['app.stopped'],
      async run(io, subject) {
        await launchApp(io, subject.package);
        return { detail: null };
      },
    },
    'allow-miui-autostart': {
      appliesTo: ['vendor.autostart'],
      async run(io, subject, identity) {
        if (!isMiuiFamily(identity)) {
          throw notApplicable({
            en: 'The autostart app op (10008) exists only on MIUI and HyperOS.',
            zh: '自启动 app op（10008）只存在于 MIUI 和 HyperOS 上。',
          });
        }
        return { detail: detailOf(await setAppOp(io, subject.package, MIUI_OP_AUTOSTART, 'allow')) };
      },
    },
    'open-app-notification-settings': {
      appliesTo: ['notifications.app', 'channel:', 'channels.blocked', 'vendor.notifications'],
      async run(io, subject, identity) {
        return {
          detail: detailOf(await openAppNotificationSettings(io, subject.package, identity?.sdk ?? null)),
        };
      },
    },
    'open-autostart-settings': {
      appliesTo: ['vendor.autostart', 'vendor.app-launch', 'vendor.deep-sleep'],
      async run(io, subject, identity) {
        return openVendorScreen(io, subject, identity, knowledge());
      },
    },
  };
}

/** The fix plans PushLab ships. */
export const FIX_PLANS: Readonly<Record<FixId, FixPlan>> = createFixPlans();
