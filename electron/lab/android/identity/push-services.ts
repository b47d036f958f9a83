/**
 * The system apps that carry each push channel. Their presence decides ambiguous cases (Honor
 * before/after the split, OPPO-family China vs global ROMs, missing Google Play services) and
 * their versions are what the core reads with `dumpsys package`.
 */
import type { PushChannel, PushServiceInfo } from '../../../../shared/domain/device';

export interface PushServicePackage {
  readonly package: string;
  readonly channel: PushChannel;
  readonly name: string;
  readonly minimumVersionCode: number | null;
}

export type InstalledPackages = ReadonlyArray<{
  readonly package: string;
  readonly versionCode: number | null;
}>;

/** Push service packages PushLab knows, by channel. */
export const PUSH_SERVICE_PACKAGES: ReadonlyArray<PushServicePackage> = [
  // Mi Push runs inside the Xiaomi Service Framework.
  {
    package: 'com.xiaomi.xmsf',
    channel: 'xiaomi',
    name: 'Xiaomi Service Framework',
    minimumVersionCode: null,
  },
  // Tencent's vendor-push guide requires HMS Core newer than 20401300.
  { package: 'com.huawei.hwid', channel: 'huawei', name: 'HMS Core', minimumVersionCode: 20401301 },
  // Honor's push agent; the Honor push SDK binds its proxy service in the system ("android") package.
  {
    package: 'com.hihonor.android.pushagent',
    channel: 'honor',
    name: 'Honor Push service',
    minimumVersionCode: null,
  },
  { package: 'com.heytap.mcs', channel: 'oppo', name: 'HeyTap push service', minimumVersionCode: null },
  // Name used by older ColorOS builds for the same service.
  { package: 'com.coloros.mcs', channel: 'oppo', name: 'ColorOS push service', minimumVersionCode: null },
  { package: 'com.vivo.pushservice', channel: 'vivo', name: 'vivo push service', minimumVersionCode: null },
  {
    package: 'com.meizu.cloud',
    channel: 'meizu',
    name: 'Meizu push service (Flyme cloud)',
    minimumVersionCode: null,
  },
  {
    package: 'com.google.android.gms',
    channel: 'fcm',
    name: 'Google Play services',
    minimumVersionCode: null,
  },
];

/** The known push services present in `packages`, with their versions checked against minimums. */
export function findPushServices(packages: InstalledPackages | null): PushServiceInfo[] {
  if (!packages) return [];
  const installed = new Map(packages.map((p) => [p.package, p.versionCode] as const));
  const found: PushServiceInfo[] = [];
  for (const service of PUSH_SERVICE_PACKAGES) {
    if (!installed.has(service.package)) continue;
    const versionCode = installed.get(service.package) ?? null;
    const meetsMinimum =
      service.minimumVersionCode === null || versionCode === null
        ? null
        : versionCode >= service.minimumVersionCode;
    found.push({ ...service, versionCode, meetsMinimum });
  }
  return found;
}

/** The first installed service of a channel, if any. */
export function serviceFor(
  services: readonly PushServiceInfo[],
  channel: PushChannel,
): PushServiceInfo | null {
  return services.find((s) => s.channel === channel) ?? null;
}
