/**
 * What shells may know about a platform without a lab (pure, no device is touched): which build
 * it installs, how its serials look, whether it needs adb, and how its OS version reads. One entry
 * per platform; a new platform makes the compiler ask for its own.
 */
import type { DeviceIdentity, Platform } from '../../../shared/domain/device';
import { UDID_PATTERN } from '../ios/parsers/simctl-list';

export interface PlatformFacts {
  readonly id: Platform;
  /** The build file it installs: an APK, or a simulator .app folder. */
  readonly build: 'apk' | 'app';
  /** Serials of this platform when no device view says so; null: any serial no other claims. */
  readonly serialPattern: RegExp | null;
  /** Reached through adb (false: reachable where no adb server runs). */
  readonly needsAdb: boolean;
  androidVersion(identity: DeviceIdentity | null): string | null;
  iosVersion(identity: DeviceIdentity | null): string | null;
  /** "Android 14 (SDK 34)" on the device list; empty where the ROM line says it all. */
  osLine(identity: DeviceIdentity): string;
}

// Typed as a Record so every platform must be listed (Heroic's `satisfies Record<Runner, …>`).
export const PLATFORM_FACTS: { readonly [P in Platform]: PlatformFacts & { readonly id: P } } = {
  android: {
    id: 'android',
    build: 'apk',
    serialPattern: null,
    needsAdb: true,
    androidVersion: (id) => id?.androidVersion ?? null,
    iosVersion: () => null,
    osLine: (id) => `Android ${id.androidVersion} (SDK ${id.sdk ?? '?'})`,
  },
  ios: {
    id: 'ios',
    build: 'app',
    serialPattern: UDID_PATTERN,
    needsAdb: false,
    androidVersion: () => null,
    iosVersion: (id) => id?.rom.version ?? null,
    osLine: () => '',
  },
};
