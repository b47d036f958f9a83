/**
 * The one seam between the core's services and the kinds of device PushLab drives. Each platform
 * (adb phones, iOS simulators) provides one DevicePlatform from its own folder; the registry, the
 * doctor, the install service and the run engine reach devices only through it. The composition
 * root builds a `PlatformTable` (`satisfies Record<Platform, DevicePlatform>`), so a new platform
 * makes the compiler list everything it must provide.
 */
import type { DeviceIdentity, DeviceSnapshot, DeviceView, Platform } from '../../../shared/domain/device';
import type { DoctorReport, DoctorSubject, FixId } from '../../../shared/domain/doctor';
import type { ApkInfo, InstallItem, InstallOptions, SimulatorAppInfo } from '../../../shared/domain/install';
import type { RequestArgs, RequestResult } from '../../../shared/ipc';
import type { RunPlan } from '../../../shared/runs/plan';
import type { DeviceLoop } from '../runs/engine/device-loop';
import type { ResolvedPhone } from '../runs/engine/resolve-run';
import type { RunContext } from '../runs/engine/session';

/** Tracking and identity: the devices of one platform as the registry merges them. */
export interface DeviceSource {
  /** Follows the tracker's events (nothing is asked of a device yet). */
  start(): void;
  /** Starts and stops watching for devices (adb track-devices, simctl polling). */
  track(): void;
  untrack(): void;
  views(): readonly DeviceView[];
  get(serial: string): DeviceView | undefined;
  /** Reads the identity again (or returns the current view where it is always current). */
  refreshIdentity(serial: string): Promise<DeviceView>;
  /** This platform's status line(s) in a snapshot (adb's, iOS's). */
  statusPart(): Partial<Pick<DeviceSnapshot, 'adb' | 'ios' | 'hosts'>>;
  on(event: 'changed', listener: () => void): unknown;
}

/** One device's part of an install job; never throws: every outcome is an InstallItem. */
interface InstallTarget {
  readonly serial: string;
  readonly view: DeviceView | undefined;
  readonly now: () => string;
  readonly update: (item: InstallItem) => void;
}

export interface ApkInstallTarget extends InstallTarget {
  readonly apk: ApkInfo;
  readonly options: InstallOptions;
  /** Where the APK goes on the phone before pm installs it. */
  readonly remotePath: string;
}

export interface AppInstallTarget extends InstallTarget {
  readonly app: SimulatorAppInfo;
}

/** Builds a platform takes, and the refusal (with what to do) for those it does not. */
export interface PlatformInstall {
  apk(target: ApkInstallTarget): Promise<InstallItem>;
  app(target: AppInstallTarget): Promise<InstallItem>;
}

/** Doctor facts (examine) and fixes for one device. */
export interface PlatformDoctor {
  /** Reads and judges without storing; refuses a device that cannot be checked now. */
  examine(subject: DoctorSubject, view: DeviceView | undefined): Promise<DoctorReport>;
  /** Why no fix applies on this platform at all, or null (asked before anything is read). */
  fixRefusal(): Error | null;
  /** Applies one fix; the doctor reads again after to confirm it. */
  fix(
    subject: DoctorSubject,
    fix: FixId,
    identity: DeviceIdentity | null,
  ): Promise<{ detail: string | null }>;
}

/** What the run engine needs: planning (pure) and one device's share of a run. */
export interface PlatformRuns {
  /** What a run needs to know about a ready device (channel, expectation context, report details). */
  resolve(view: DeviceView, identity: DeviceIdentity): ResolvedPhone;
  /** Why this plan cannot run on these devices of this platform, or null. */
  refusePlan(plan: RunPlan, serials: readonly string[]): Error | null;
  /** Opens the device's session: prepared once, then app states, send, capture, screenshot and tap. */
  open(run: RunContext, resolved: ResolvedPhone, controlShown: boolean | null): DeviceLoop;
}

/** The pure planning half of PlatformRuns (tests and the engine's planner use it alone). */
export type RunPlanning = Pick<PlatformRuns, 'resolve' | 'refusePlan'>;

/**
 * Request channels only one platform serves, and which one (the board's iOS simulator list and its
 * boot / shutdown buttons, the Android phone card's push tokens). handlers.ts serves them through the platforms (`platformRequests`), so
 * it names no platform; a channel added here makes the compiler ask its platform for the handler.
 */
export interface PlatformRequestOwners {
  /** The phone card's push tokens: read from an Android phone's log. */
  readonly 'devices:pushTokens': 'android';
  readonly 'simulators:list': 'ios';
  readonly 'simulators:boot': 'ios';
  readonly 'simulators:shutdown': 'ios';
}
export type PlatformRequestChannel = keyof PlatformRequestOwners;

/** The platform-only request handlers platform P serves (all of them without P). */
export type PlatformRequests<P extends Platform = Platform> = {
  readonly [C in PlatformRequestChannel as PlatformRequestOwners[C] extends P ? C : never]: (
    ...args: RequestArgs<C>
  ) => Promise<RequestResult<C>>;
};

export interface DevicePlatform {
  readonly id: Platform;
  /** Serials of this platform when no view says so (UDIDs); null: the fallback for any other serial. */
  readonly serialPattern: RegExp | null;
  /** Refuses an app id this platform cannot name (package name, bundle ID) before it reaches a device. */
  assertAppId(appId: string): void;
  readonly devices: DeviceSource;
  readonly install: PlatformInstall;
  readonly doctor: PlatformDoctor;
  readonly runs: PlatformRuns;
  /** The device's screen now, as PNG bytes (the board's Screenshot button). */
  screenshot(serial: string): Promise<Buffer>;
  /** The request channels this platform alone serves (PlatformRequestOwners); {} for none. */
  readonly requests: Partial<PlatformRequests>;
}

/** Every platform, by id. Built once in the composition root. */
export type PlatformTable = {
  readonly [P in Platform]: DevicePlatform & { readonly id: P; readonly requests: PlatformRequests<P> };
};

/** Every platform-only request handler, each from the platform that owns its channel. */
export function platformRequests(table: PlatformTable): PlatformRequests {
  // Each platform provides exactly its own channels (PlatformTable), and every channel has an owner.
  return Object.assign({}, ...Object.values(table).map((p) => p.requests)) as PlatformRequests;
}

/**
 * The platform of a device: its view's when listed, else the one whose serial pattern matches
 * (a simulator's UDID), else the fallback platform.
 */
export function platformFor<Table extends Readonly<Record<Platform, Pick<DevicePlatform, 'serialPattern'>>>>(
  table: Table,
  serial: string,
  view?: Pick<DeviceView, 'platform'>,
): Table[Platform] {
  if (view) return table[view.platform];
  const all = Object.values(table) as Table[Platform][];
  return (
    all.find((p) => p.serialPattern?.test(serial) === true) ??
    all.find((p) => p.serialPattern === null) ??
    (all[0] as Table[Platform])
  );
}
