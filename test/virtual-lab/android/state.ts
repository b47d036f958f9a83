/**
 * The virtual phone's state: identity from the real getprop capture, installed packages with the
 * fields PackageManager keeps (PackageSetting / PackageUserState in AOSP frameworks/base
 * services/core/java/com/android/server/pm), running processes, screen, keyguard, settings,
 * storage and vendor policy switches.
 */
import {
  channelFromSpec,
  MIUI_OP_AUTOSTART,
  newAppSettings,
  type AppSettingsState,
  type ChannelSpec,
} from './app-settings';
import { setProp } from './props';
import { detectVendor, systemDozeAllowlist, systemPackages, type VendorInfo } from './vendor';

export interface AppPackage {
  readonly name: string;
  versionCode: number;
  versionName: string | null;
  minSdk: number;
  targetSdk: number;
  /** Digest of the signing certificate bytes; system apps share the platform key. */
  signer: string;
  installer: string | null;
  firstInstallTime: number;
  lastUpdateTime: number;
  /** PackageUserState.stopped: set by a fresh install and by force-stop, cleared by a launch. */
  stopped: boolean;
  notLaunched: boolean;
  enabled: boolean;
  /** Installed for user 0 (false after `pm uninstall --user 0` of a system app). */
  installed: boolean;
  readonly system: boolean;
  /** sourceDir, e.g. /data/app/~~x==/com.example-y==/base.apk */
  apkPath: string;
  codePath: string;
  /** Fully qualified class name of the MAIN/LAUNCHER activity, if any. */
  launcherActivity: string | null;
  primaryCpuAbi: string | null;
  readonly uid: number;
  requestedPermissions: string[];
  readonly grantedPermissions: Set<string>;
  testOnly: boolean;
  sizeBytes: number;
  /** Notification, app-op, battery and network settings of this package. */
  readonly settings: AppSettingsState;
}

export interface Foreground {
  readonly package: string;
  /** Fully qualified class name. */
  readonly activity: string;
  readonly taskId: number;
}

export type LockScreen = 'none' | 'swipe' | 'pin';

export interface PhoneState {
  readonly profile: string;
  /** Properties in getprop order; writable so vendor switches show up in getprop. */
  readonly props: Map<string, string>;
  readonly sdk: number;
  readonly release: string;
  readonly abis: readonly string[];
  readonly vendor: VendorInfo;
  readonly packages: Map<string, AppPackage>;
  /** Running processes: package (main process name) -> pid. */
  readonly processes: Map<string, number>;
  foreground: Foreground;
  screen: 'awake' | 'asleep';
  readonly keyguard: { lockScreen: LockScreen; showing: boolean };
  readonly settings: {
    readonly global: Map<string, string>;
    readonly secure: Map<string, string>;
    readonly system: Map<string, string>;
  };
  freeStorageBytes: number;
  readonly policy: PhonePolicy;
  /** Doze allow-lists from the system image, data saver. */
  readonly power: {
    dataSaver: boolean;
    readonly dozeSystem: readonly string[];
    readonly dozeExceptIdle: readonly string[];
  };
  /** Channels user apps create on first launch unless set per app; next notification id. */
  readonly notifications: { defaultLaunchChannels: readonly ChannelSpec[]; nextId: number };
  /** Wall clock in ms (the phone's own clock, shared with the shell). */
  readonly clock: () => number;
  /** Wall-clock time of boot; uptime = now - bootEpoch. */
  readonly bootEpoch: number;
  lastWakeTime: number;
  lastSleepTime: number;
  nextPid: number;
  nextUid: number;
  nextTaskId: number;
}

/** Vendor switches that decide whether adb may change settings. */
export interface PhonePolicy {
  /** MIUI/HyperOS Developer options > "Install via USB". */
  installViaUsb: boolean;
  /**
   * MIUI/HyperOS "USB debugging (Security settings)", ColorOS "Disable permission monitoring":
   * while off, the shell may not grant permissions or change app ops (SecurityException).
   */
  adbSecuritySettings: boolean;
  /** MIUI/HyperOS refuses `appops set <pkg> 10008 ...` from the shell (see index.ts for the source). */
  refuseAppOpsFor10008: boolean;
}

export interface PhoneStateOptions {
  readonly now: number;
  readonly clock?: () => number;
  readonly adbSecuritySettings?: boolean;
  readonly refuseAppOpsFor10008?: boolean;
  readonly freeStorageBytes?: number;
  readonly installViaUsb?: boolean;
  readonly lockScreen?: LockScreen;
  readonly screenOn?: boolean;
  readonly locked?: boolean;
}

const PLATFORM_SIGNER = 'platform';
/** MIUI/HyperOS "Install via USB" switch as a property. */
export const ADB_INSTALL_PROP = 'persist.security.adbinstall';
/** Fixed "boot" time of the preinstalled apps: the build date, as real dumps show for /system apps. */
function buildTime(props: ReadonlyMap<string, string>, now: number): number {
  const utc = Number(props.get('ro.build.date.utc'));
  return Number.isFinite(utc) && utc > 0 ? utc * 1000 : now - 90 * 86_400_000;
}

/** Java String.hashCode, which orders PackageManager's ArrayMaps (and so `pm list packages`). */
export function javaHashCode(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

/** A stable 7-hex-digit "identity hash" for ActivityRecord{...}-style dumps. */
export function identityHash(text: string): string {
  return ((javaHashCode(`id:${text}`) >>> 0) % 0xfffffff).toString(16).padStart(7, '0');
}

function defaultSettings(props: ReadonlyMap<string, string>, lock: LockScreen): PhoneState['settings'] {
  const androidId = (javaHashCode(props.get('ro.serialno') ?? props.get('ro.product.model') ?? 'x') >>> 0)
    .toString(16)
    .padStart(8, '0');
  return {
    global: new Map([
      ['adb_enabled', '1'],
      ['development_settings_enabled', '1'],
      ['package_verifier_enable', '1'],
      ['stay_on_while_plugged_in', '0'],
      ['zen_mode', '0'],
      ['airplane_mode_on', '0'],
    ]),
    secure: new Map([
      ['android_id', `${androidId}${androidId.split('').reverse().join('')}`],
      ['lockscreen.disabled', lock === 'none' ? '1' : '0'],
      ['install_non_market_apps', '1'],
      ['lock_screen_show_notifications', '1'],
      ['lock_screen_allow_private_notifications', '1'],
    ]),
    system: new Map([
      ['screen_off_timeout', '30000'],
      ['screen_brightness', '102'],
      ['screen_brightness_mode', '1'],
    ]),
  };
}

/** Shared system uids (android.uid.system, .phone, .shell) instead of an app uid. */
const WELL_KNOWN_UIDS: ReadonlyMap<string, number> = new Map([
  ['android', 1000],
  ['com.android.settings', 1000],
  ['com.android.providers.settings', 1000],
  ['com.android.phone', 1001],
  ['com.android.shell', 2000],
]);

/** A system package's settings: its channels exist from boot. */
function systemSettings(vendor: VendorInfo, sdk: number, channels: readonly ChannelSpec[]): AppSettingsState {
  const settings = newAppSettings({ sdk, family: vendor.family, system: true, requestedPermissions: [] });
  if (sdk >= 26) for (const spec of channels) settings.channels.set(spec.id, channelFromSpec(spec));
  settings.channelsCreated = channels.length > 0;
  return settings;
}

/** Builds the boot-time state of a phone from its properties. */
export function createPhoneState(
  profile: string,
  props: Map<string, string>,
  options: PhoneStateOptions,
): PhoneState {
  const sdk = Number.parseInt(props.get('ro.build.version.sdk') ?? '', 10) || 29;
  const vendor = detectVendor(props, sdk);
  const abis = (props.get('ro.product.cpu.abilist') ?? props.get('ro.product.cpu.abi') ?? 'arm64-v8a')
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
  const lockScreen = options.lockScreen ?? 'swipe';
  const booted = buildTime(props, options.now);
  const doze = systemDozeAllowlist(vendor, sdk);
  const state: PhoneState = {
    profile,
    props,
    sdk,
    release: props.get('ro.build.version.release') ?? String(sdk),
    abis,
    vendor,
    packages: new Map(),
    processes: new Map(),
    foreground: { package: vendor.launcher.package, activity: vendor.launcher.activity, taskId: 1 },
    screen: options.screenOn === false ? 'asleep' : 'awake',
    keyguard: {
      lockScreen,
      showing: lockScreen !== 'none' && (options.locked ?? options.screenOn === false),
    },
    settings: defaultSettings(props, lockScreen),
    freeStorageBytes: options.freeStorageBytes ?? 24 * 1024 ** 3,
    policy: {
      installViaUsb: options.installViaUsb ?? true,
      adbSecuritySettings: options.adbSecuritySettings ?? true,
      refuseAppOpsFor10008: options.refuseAppOpsFor10008 ?? false,
    },
    power: { dataSaver: false, dozeSystem: doze.dozeSystem, dozeExceptIdle: doze.dozeExceptIdle },
    notifications: {
      defaultLaunchChannels: [{ id: 'pushlab_default', name: 'Messages', importance: 3 }],
      nextId: 1,
    },
    clock: options.clock ?? (() => options.now),
    bootEpoch: options.now - 3 * 3_600_000,
    lastWakeTime: options.now - 60_000,
    lastSleepTime: options.now - 3_600_000,
    nextPid: 1800,
    nextUid: 10000,
    nextTaskId: 2,
  };
  for (const spec of systemPackages(vendor, props, sdk)) {
    const codePath =
      spec.apkPath.endsWith('/base.apk') || spec.apkPath.startsWith('/system/framework')
        ? spec.apkPath.replace(/\/[^/]+$/, '')
        : spec.apkPath.replace(/\/[^/]+\.apk$/, '');
    state.packages.set(spec.name, {
      name: spec.name,
      versionCode: spec.versionCode,
      versionName: spec.versionName,
      minSdk: Math.min(sdk, 28),
      targetSdk: sdk,
      signer:
        spec.name.startsWith('com.google.') || spec.name === 'com.android.vending'
          ? 'google'
          : PLATFORM_SIGNER,
      installer: null,
      firstInstallTime: booted,
      lastUpdateTime: booted,
      stopped: false,
      notLaunched: false,
      enabled: true,
      installed: true,
      system: true,
      apkPath: spec.apkPath,
      codePath,
      launcherActivity: spec.launcherActivity ?? null,
      primaryCpuAbi: null,
      uid: WELL_KNOWN_UIDS.get(spec.name) ?? state.nextUid++,
      requestedPermissions: [],
      grantedPermissions: new Set(),
      testOnly: false,
      sizeBytes: 8 * 1024 * 1024,
      settings: systemSettings(vendor, sdk, spec.channels ?? []),
    });
    if (spec.running) state.processes.set(spec.name, state.nextPid++ * 3 + 1);
  }
  // The ROM's own push service may autostart (MIUIOP(10008) allow, as on the HyperOS capture).
  state.packages.get('com.xiaomi.xmsf')?.settings.ops.set(MIUI_OP_AUTOSTART, 'allow');
  for (const name of doze.dozeUser) {
    const app = state.packages.get(name);
    if (app) app.settings.dozeAllowlisted = true;
  }
  state.nextUid = Math.max(state.nextUid, 10200);
  state.nextPid = 9000;
  // Xiaomi keeps the "Install via USB" switch in this property (seen as [1] in the captures).
  if (vendor.family === 'xiaomi') setProp(props, ADB_INSTALL_PROP, state.policy.installViaUsb ? '1' : '0');
  return state;
}
