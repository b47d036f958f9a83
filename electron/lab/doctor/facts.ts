/**
 * Reads everything the doctor judges, in parallel. A failed read is recorded (never thrown), so
 * a partial result stays usable: its checks show as 'unknown'.
 */
import type { ErrorInfo } from '../../../shared/errors';
import type { DeviceIdentity } from '../../../shared/domain/device';
import type { DoctorSubject } from '../../../shared/domain/doctor';
import type { AdbDeviceIo } from '../adb/device-io';
import { toErrorInfo } from '../errors';
import { PUSH_SERVICE_PACKAGES } from '../android/identity/push-services';
import { parseNotificationPreferences, parseZenMode } from '../android/parsers/notification-dump';
import { parseRuntimePermission } from '../android/parsers/runtime-permission';
import { readAppOps } from '../android/commands/doctor/read-app-ops';
import { readDeviceIdle } from '../android/commands/doctor/read-device-idle';
import { readNotificationDump } from '../android/commands/doctor/read-notification-dump';
import { readPackageDump } from '../android/commands/doctor/read-package-dump';
import {
  readRestrictBackground,
  readRestrictBackgroundUids,
} from '../android/commands/doctor/read-restrict-background';
import { DOCTOR_SETTINGS, readSetting, type DoctorSetting } from '../android/commands/doctor/read-setting';
import { readStandbyBucket } from '../android/commands/doctor/read-standby-bucket';
import {
  SOURCES,
  settingSource,
  type AppPackageFacts,
  type DoctorFacts,
  type NotificationFacts,
  type PushServiceFact,
  type Read,
} from './facts-types';

export interface GatheredFacts {
  readonly facts: DoctorFacts;
  readonly errors: ReadonlyArray<{ readonly source: string; readonly error: ErrorInfo }>;
}

const POST_NOTIFICATIONS = 'android.permission.POST_NOTIFICATIONS';
/** App Standby buckets exist from Android 9 (API 28). */
const STANDBY_MIN_SDK = 28;

export async function gatherFacts(
  io: AdbDeviceIo,
  subject: DoctorSubject,
  identity: DeviceIdentity | null,
): Promise<GatheredFacts> {
  const pkg = subject.package;
  const sdk = identity?.sdk ?? null;
  const errors: Array<{ source: string; error: ErrorInfo }> = [];
  const unread: Record<string, string> = {};

  /** Runs one read; a failure is recorded and becomes null. */
  async function settle<T>(source: string, read: () => Promise<T>): Promise<T | null> {
    try {
      return await read();
    } catch (error) {
      const info = toErrorInfo(error);
      errors.push({ source, error: info });
      unread[source] = info.detail ? `${info.message} ${info.detail}` : info.message;
      return null;
    }
  }

  // Parsing runs inside settle too: a parser that finds nothing usable throws MALFORMED_OUTPUT.
  const [
    packageRead,
    notifications,
    appOps,
    deviceIdle,
    standbyBucket,
    settings,
    { dataSaver, allowlist },
    denylist,
    pushServices,
  ] = await Promise.all([
    settle(SOURCES.package, async (): Promise<Read<AppPackageFacts>> => {
      const dump = await readPackageDump(io, pkg);
      const postNotifications = dump.info ? parseRuntimePermission(dump.text, POST_NOTIFICATIONS) : null;
      return { text: dump.text, value: { info: dump.info, uid: dump.uid, postNotifications } };
    }),
    settle(SOURCES.notifications, async (): Promise<Read<NotificationFacts>> => {
      const { text } = await readNotificationDump(io);
      return { text, value: { app: parseNotificationPreferences(text, pkg), zen: parseZenMode(text) } };
    }),
    settle(SOURCES.appOps, async () => {
      const read = await readAppOps(io, pkg);
      return { text: read.text, value: read.ops };
    }),
    settle(SOURCES.deviceIdle, async () => {
      const read = await readDeviceIdle(io);
      return { text: read.text, value: read.info };
    }),
    sdk !== null && sdk < STANDBY_MIN_SDK
      ? Promise.resolve(null)
      : settle(SOURCES.standbyBucket, async () => {
          const read = await readStandbyBucket(io, pkg);
          return { text: read.text, value: read.bucket };
        }),
    Promise.all(
      DOCTOR_SETTINGS.map(async (setting) => {
        const read = await settle(settingSource(setting), () => readSetting(io, setting));
        return [setting, read && { text: read.text, value: read.value }] as const;
      }),
    ),
    // The allow-list matters only while Data Saver is on: read it then, and only then.
    settle(SOURCES.dataSaver, async () => {
      const read = await readRestrictBackground(io);
      return { text: read.text, value: read.enabled };
    }).then(async (dataSaver) => {
      const allowlist =
        dataSaver?.value === true
          ? await settle(SOURCES.allowlist, async () => {
              const read = await readRestrictBackgroundUids(io, 'allowlist');
              return { text: read.text, value: read.uids };
            })
          : null;
      return { dataSaver, allowlist };
    }),
    settle(SOURCES.denylist, async () => {
      const read = await readRestrictBackgroundUids(io, 'denylist');
      return { text: read.text, value: read.uids };
    }),
    readPushServices(io, identity, settle, unread),
  ]);

  const settingReads: Partial<Record<DoctorSetting, Read<string | null>>> = {};
  for (const [setting, read] of settings) if (read) settingReads[setting] = read;

  const facts: DoctorFacts = {
    package: packageRead,
    notifications,
    appOps,
    deviceIdle,
    standbyBucket,
    settings: settingReads,
    dataSaver,
    backgroundDataDenylist: denylist,
    dataSaverAllowlist: allowlist,
    pushServices,
    unread,
  };
  return { facts, errors };
}

type Settle = <T>(source: string, read: () => Promise<T>) => Promise<T | null>;

/** Reads the package of each push service the phone's channel can use (OPPO has two names). */
async function readPushServices(
  io: AdbDeviceIo,
  identity: DeviceIdentity | null,
  settle: Settle,
  unread: Record<string, string>,
): Promise<PushServiceFact[] | null> {
  if (!identity) {
    unread[SOURCES.pushServices] = 'The phone identity (and so its push channel) is not known yet.';
    return null;
  }
  const candidates = PUSH_SERVICE_PACKAGES.filter((s) => s.channel === identity.pushChannel);
  const reads = await Promise.all(
    candidates.map(async (service) => {
      const dump = await settle(SOURCES.pushServices, () => readPackageDump(io, service.package));
      if (!dump) return null;
      const fact: PushServiceFact = {
        package: service.package,
        name: service.name,
        minimumVersionCode: service.minimumVersionCode,
        info: dump.info,
        text: dump.text,
      };
      return fact;
    }),
  );
  // One failed read of several leaves the verdict open: all or nothing.
  return reads.every((r): r is PushServiceFact => r !== null) ? reads : null;
}
