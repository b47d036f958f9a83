/**
 * The system apps that carry each push channel. Their presence decides ambiguous cases (Honor
 * before/after the split, OPPO-family China vs global ROMs, missing Google Play services) and
 * their versions are what the core reads with `dumpsys package`.
 */
import { PUSH_CHANNELS, type PushChannel, type PushServiceInfo } from '../../../../shared/domain/device';
import { CHANNEL_TABLE } from '../../../../shared/vendors/vendor-table';

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

/** Push service packages PushLab knows, by channel: the vendor table's `services`, in channel order. */
export const PUSH_SERVICE_PACKAGES: ReadonlyArray<PushServicePackage> = PUSH_CHANNELS.flatMap((channel) =>
  CHANNEL_TABLE[channel].services.map((service) => ({ ...service, channel })),
);

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
