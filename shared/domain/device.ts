/**
 * What PushLab knows about a phone: its adb connection state and its identity (vendor ROM,
 * push channel, push services). Plain serialisable data, shared by core, IPC, CLI and renderer.
 */
import type { ErrorInfo } from '../errors';

export type Platform = 'android' | 'ios';

/** adb connection states (adb's own words, `no permissions` as `no-permissions`). */
export const ADB_STATES = [
  'device',
  'unauthorized',
  'offline',
  'no-permissions',
  'authorizing',
  'connecting',
  'recovery',
  'sideload',
  'rescue',
  'bootloader',
  'host',
  'unknown',
] as const;
export type AdbState = (typeof ADB_STATES)[number];

/** How the lab reaches the device: adb over USB or TCP, an Android emulator, or an iOS simulator (simctl). */
export type Transport = 'usb' | 'tcp' | 'emulator' | 'simulator';

export const PUSH_CHANNELS = ['xiaomi', 'huawei', 'honor', 'oppo', 'vivo', 'meizu', 'fcm'] as const;
export type PushChannel = (typeof PUSH_CHANNELS)[number];

/** A device's push channel: one of the Android channels, or Apple's APNs on iOS. */
export type DeviceChannel = PushChannel | 'apns';

export const ROM_NAMES = [
  'MIUI',
  'HyperOS',
  'EMUI',
  'HarmonyOS',
  'MagicOS',
  'Magic UI',
  'ColorOS',
  'OxygenOS',
  'realme UI',
  'Funtouch OS',
  'OriginOS',
  'Flyme',
  'One UI',
  'Android',
] as const;
export type RomName = (typeof ROM_NAMES)[number];

/** The system a device runs: an Android ROM, or iOS on a simulator. */
export type OsName = RomName | 'iOS';

export interface RomInfo {
  readonly name: OsName;
  /** As the ROM states it, e.g. "14.0.2", "2.0.207.0", "V12.5.4.0"; null when not exposed. */
  readonly version: string | null;
}

/** Why the push channel was chosen: a message key plus the facts behind it (for i18n). */
export interface ChannelReason {
  readonly key: string;
  readonly values: Readonly<Record<string, string>>;
}

export interface PushServiceInfo {
  readonly package: string;
  readonly channel: PushChannel;
  /** Human name of the service, e.g. "HMS Core", "Google Play services". */
  readonly name: string;
  readonly versionCode: number | null;
  /** Minimum version the channel needs (HMS Core > 20401300); null when there is none. */
  readonly minimumVersionCode: number | null;
  /** true/false when checked against a minimum, null when no minimum or version unknown. */
  readonly meetsMinimum: boolean | null;
}

export interface DeviceIdentity {
  readonly manufacturer: string;
  readonly brand: string;
  readonly model: string;
  readonly marketingName: string | null;
  /** ro.product.device codename. */
  readonly device: string;
  readonly androidVersion: string;
  readonly sdk: number | null;
  readonly rom: RomInfo;
  /** 'apns' only on iOS. */
  readonly pushChannel: DeviceChannel;
  readonly pushChannelReason: ChannelReason;
  readonly pushServices: readonly PushServiceInfo[];
  readonly abis: readonly string[];
  readonly fingerprint: string;
}

/** What the Android identity reader returns: always an Android push channel. */
export type AndroidIdentity = DeviceIdentity & { readonly pushChannel: PushChannel };

export type IdentityStatus = 'pending' | 'ready' | 'failed' | 'not-applicable';

/** An iOS simulator as `simctl list -j devices` reports it (platform 'ios' views only). */
export interface SimulatorInfo {
  /** simctl's own state word: Booted, Booting, Shutdown, Shutting Down, Creating… */
  readonly state: string;
  /** e.g. "com.apple.CoreSimulator.SimRuntime.iOS-18-0" (or "iOS 9.3" from old Xcodes). */
  readonly runtime: string;
  /** e.g. "com.apple.CoreSimulator.SimDeviceType.iPhone-15"; null on old Xcodes. */
  readonly deviceType: string | null;
}

/** One iOS simulator as simctl lists it, booted or not (the board's simulator list, `pushlab simulators --json`). */
export interface SimulatorEntry {
  readonly udid: string;
  /** simctl's name for it (untrusted text: render as text). */
  readonly name: string;
  /** simctl's state word: Booted, Booting, Shutting Down, Shutdown, Creating… */
  readonly state: string;
  readonly runtime: string;
  readonly platform: string;
  readonly iosVersion: string | null;
  /** false: its runtime is unavailable; `unusableReason` says why (simctl's words). */
  readonly usable: boolean;
  readonly unusableReason: string | null;
}

export interface DeviceView {
  /** The phone's key: adb's serial, `<host>/<serial>` on another lab host (shared/domain/lab-host.ts). */
  readonly serial: string;
  /** The lab host serving it, when it is not the primary host. */
  readonly host?: string;
  readonly platform: Platform;
  readonly state: AdbState;
  readonly transport: Transport;
  readonly identity: DeviceIdentity | null;
  readonly identityStatus: IdentityStatus;
  readonly identityError: ErrorInfo | null;
  /** ISO timestamps. */
  readonly firstSeen: string;
  readonly lastSeen: string;
  /** Set for iOS simulators (platform 'ios'): `state` is then 'device' while Booted. */
  readonly simulator?: SimulatorInfo;
}

/** The adb server as the core sees it; drives the banner in the UI. */
export type AdbConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'unreachable';

export interface AdbStatus {
  readonly state: AdbConnectionState;
  readonly host: string;
  readonly port: number;
  readonly serverVersion: number | null;
  /** ISO time of the last state change. */
  readonly since: string;
  /** Why it is not connected (plain text), when it is not. */
  readonly error: ErrorInfo | null;
  /** The last outage, once recovered: shown so the user knows phones may have blinked. */
  readonly lastOutage: {
    readonly startedAt: string;
    readonly endedAt: string;
    readonly reason: string;
  } | null;
}

/** One lab host's adb server, with the host's name (shared/domain/lab-host.ts). */
export interface HostStatus extends AdbStatus {
  readonly name: string;
}

/** Why iOS simulators cannot be listed here (shown as one status line). */
export type IosUnavailableReason = 'not-macos' | 'no-xcrun' | 'no-simctl' | 'list-failed';

/** iOS simulators as the core sees them: available (xcrun simctl answers) or why not. */
export interface IosStatus {
  readonly available: boolean;
  /** null while available. */
  readonly reason: IosUnavailableReason | null;
  /** simctl's or the system's own words for the problem (untrusted: render as text). */
  readonly detail: string | null;
  /** Available iOS simulators that are shut down (only booted ones are listed as devices). */
  readonly shutdown: number;
}

export interface DeviceSnapshot {
  readonly adb: AdbStatus;
  readonly devices: readonly DeviceView[];
  /** Absent from cores without iOS support (older snapshots, tests). */
  readonly ios?: IosStatus;
  /** Every lab host's adb server, when the lab spans several hosts (`adb` is the primary's). */
  readonly hosts?: readonly HostStatus[];
}
