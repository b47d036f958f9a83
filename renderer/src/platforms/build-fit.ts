/**
 * Whether a chosen build fits a device, per build kind (an APK's minSdk against the phone's SDK, an
 * .app's minimum iOS against the simulator's), chosen by table through the device's platform. Pure.
 */
import type { DeviceView } from '../../../shared/domain/device';
import type { ApkInfo, SimulatorAppInfo } from '../../../shared/domain/install';
import { buildFor } from '../../../shared/platforms/install-builds';
import type { BuildKind } from '../../../shared/platforms/platform-facts';

export interface ChosenBuilds {
  readonly apk: ApkInfo | null;
  readonly app: SimulatorAppInfo | null;
}

/** The phone's SDK and the APK's minSdk when the phone is too old for it; else null. */
export function sdkConflict(apk: ApkInfo, device: DeviceView): { sdk: number; minSdk: number } | null {
  const sdk = device.identity?.sdk ?? null;
  if (apk.minSdk === null || sdk === null) return null;
  return sdk < apk.minSdk ? { sdk, minSdk: apk.minSdk } : null;
}

/** -1, 0 or 1 for dotted versions ("17.0.1" vs "17"); missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((n) => Number.parseInt(n, 10) || 0);
  const pb = b.split('.').map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** The simulator's iOS and the build's minimum when the simulator is too old for the .app; else null. */
export function iosConflict(
  app: SimulatorAppInfo,
  device: DeviceView,
): { ios: string; minimum: string } | null {
  // Only a device that takes an .app has an iOS to compare (an Android ROM version is no iOS).
  const ios = buildFor(device.platform) === 'app' ? (device.identity?.rom.version ?? null) : null;
  if (app.minimumOsVersion === null || ios === null) return null;
  return compareVersions(ios, app.minimumOsVersion) < 0 ? { ios, minimum: app.minimumOsVersion } : null;
}

/** Why the device's build is too new for it, as the checklist warns. */
export type TooOld =
  | { readonly build: 'apk'; readonly sdk: number; readonly minSdk: number }
  | { readonly build: 'app'; readonly ios: string; readonly minimum: string };

const TOO_OLD = {
  apk: (device, builds) => {
    const conflict = builds.apk === null ? null : sdkConflict(builds.apk, device);
    return conflict === null ? null : { build: 'apk', ...conflict };
  },
  app: (device, builds) => {
    const conflict = builds.app === null ? null : iosConflict(builds.app, device);
    return conflict === null ? null : { build: 'app', ...conflict };
  },
} as const satisfies Record<BuildKind, (device: DeviceView, builds: ChosenBuilds) => TooOld | null>;

/** The chosen build of the device's kind is known to be too new for it; null when it fits or none is chosen. */
export function tooOldFor(device: DeviceView, builds: ChosenBuilds): TooOld | null {
  return TOO_OLD[buildFor(device.platform)](device, builds);
}

/** A build of the device's kind is among the chosen ones. */
export function hasBuildFor(device: DeviceView, builds: ChosenBuilds): boolean {
  return builds[buildFor(device.platform)] !== null;
}
