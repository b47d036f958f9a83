/**
 * A virtual Android phone behind a virtual adbd: identity from a real getprop capture, a POSIX-ish
 * shell with the commands host tools send (pm, cmd, am, monkey, input, wm, dumpsys, screencap,
 * settings, toybox basics), installs decided like PackageManager decides them, and a filesystem
 * for sync push/pull. The adbd side talks to it through DeviceBackend (../adbd/backend.ts).
 * adbd feature sets per release: AOSP adb at android-10.0.0_r36 and platform-tools 29.0.6 (see
 * /work/shared/reference/protocols.md); `delayed_ack` is never offered.
 */
import type { DeviceBackend, ShellIo } from '../adbd/backend';
import type {
  ChannelPatch,
  ChannelSpec,
  ChannelState,
  NotificationRecordState,
  OpMode,
} from './app-settings';
import * as faults from './faults';
import { MemoryFs } from './fs';
import { logBoot, setEventsLogAccess, type EventsLogAccess } from './logbuffer';
import { postNotification, type PostInput, type PostOutcome } from './notifications';
import { currentDeepState, powerExtras, type DeepState } from './power-state';
import { loadProfileProps, setProp } from './props';
import { Interpreter, type Streams } from './shell/interpreter';
import { lookupCommand } from './shell/registry';
import { StdinReader, type CommandEnv } from './shell/types';
import {
  ADB_INSTALL_PROP,
  createPhoneState,
  type AppPackage,
  type LockScreen,
  type PhoneState,
} from './state';

export type { AppPackage, LockScreen, PhoneState } from './state';
export type {
  ChannelPatch,
  ChannelSpec,
  ChannelState,
  NotificationRecordState,
  OpMode,
} from './app-settings';
export type { PostInput, PostOutcome } from './notifications';
export type { EventsLogAccess } from './logbuffer';
export type { PostNotificationsState, ZenSetting } from './faults';
export { listProfiles } from './props';

export interface VirtualAndroidOptions {
  /** Wall clock in ms (default Date.now); drives install times and dumps. */
  readonly now?: () => number;
  /** Wait as long as real operations take (install: 30 ms + size at 400 MB/s). Default true. */
  readonly realisticTiming?: boolean;
  /** Free space on /data, default 24 GiB. */
  readonly freeStorageBytes?: number;
  /** Xiaomi "Install via USB" switch, default on. */
  readonly installViaUsb?: boolean;
  /** Lock screen kind, default 'swipe' (insecure). */
  readonly lockScreen?: LockScreen;
  /** Start with the screen on (default) or off (then locked if there is a lock screen). */
  readonly screenOn?: boolean;
  /** Start with the keyguard showing. */
  readonly locked?: boolean;
  /**
   * MIUI/HyperOS "USB debugging (Security settings)" / ColorOS "Disable permission monitoring",
   * default on. Off: `pm grant|revoke`, permission flags and `appops set` throw SecurityException.
   */
  readonly adbSecuritySettings?: boolean;
  /**
   * MIUI/HyperOS refuses `appops set <pkg> 10008 ...` (autostart) from the shell. Default false: we
   * found no report of the shell being refused (only that MIUI's Security Center restores its own
   * op settings later, RikkaApps/App-Ops-issue-tracker#11), so the switch lets tests model a ROM
   * that does refuse, with the SecurityException MIUI gave the shell uid in liudongmiao/Brevent#117.
   */
  readonly refuseAppOpsFor10008?: boolean;
  /** Channels every user app creates on its first launch (default: pushlab_default). */
  readonly launchChannels?: readonly (string | ChannelSpec)[];
  /** Whether the shell can read the events buffer (default 'readable', as on AOSP user builds). */
  readonly eventsLog?: EventsLogAccess;
}

/** Commands the phone ran (each `shell:`/`exec:`/`abb:` service), for cost benchmarks. */
export interface CommandCounts {
  total: number;
  /** By program name (argv[0]), and by argv[0..1] ("dumpsys notification", "logcat -b"). */
  readonly byName: Map<string, number>;
}

export interface RunResult {
  readonly status: number;
  readonly stdout: Buffer;
  readonly stderr: Buffer;
}

function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** adbd's advertised features by Android release (no abb before 10, nothing new after). */
function adbdFeatures(sdk: number): readonly string[] {
  if (sdk >= 29)
    return [
      'shell_v2',
      'cmd',
      'stat_v2',
      'fixed_push_mkdir',
      'apex',
      'abb',
      'fixed_push_symlink_timestamp',
      'abb_exec',
    ];
  if (sdk >= 26) return ['shell_v2', 'cmd', 'stat_v2'];
  if (sdk >= 24) return ['shell_v2', 'cmd'];
  return [];
}

export class VirtualAndroid implements DeviceBackend {
  public readonly state: PhoneState;
  public readonly fs: MemoryFs;
  public readonly commandCounts: CommandCounts = { total: 0, byName: new Map() };
  private readonly env: CommandEnv;

  public constructor(profile: string, options: VirtualAndroidOptions = {}) {
    const now = options.now ?? Date.now;
    this.state = createPhoneState(profile, loadProfileProps(profile), {
      now: now(),
      clock: now,
      ...(options.adbSecuritySettings === undefined
        ? {}
        : { adbSecuritySettings: options.adbSecuritySettings }),
      ...(options.refuseAppOpsFor10008 === undefined
        ? {}
        : { refuseAppOpsFor10008: options.refuseAppOpsFor10008 }),
      ...(options.freeStorageBytes === undefined ? {} : { freeStorageBytes: options.freeStorageBytes }),
      ...(options.installViaUsb === undefined ? {} : { installViaUsb: options.installViaUsb }),
      ...(options.lockScreen === undefined ? {} : { lockScreen: options.lockScreen }),
      ...(options.screenOn === undefined ? {} : { screenOn: options.screenOn }),
      ...(options.locked === undefined ? {} : { locked: options.locked }),
    });
    if (options.launchChannels)
      this.state.notifications.defaultLaunchChannels = faults.launchChannels(options.launchChannels);
    if (options.eventsLog) setEventsLogAccess(this.state, options.eventsLog);
    logBoot(this.state);
    this.fs = new MemoryFs(this.state, now);
    const realistic = options.realisticTiming ?? true;
    this.env = {
      phone: this.state,
      fs: this.fs,
      now,
      delay: realistic ? abortableDelay : async () => undefined,
    };
  }

  /** Banner values (adb's parse_banner splits on ':' and ';', so those never go out raw). */
  public bannerProps(): { readonly name: string; readonly model: string; readonly device: string } {
    const clean = (key: string): string => (this.state.props.get(key) ?? '').replace(/[:;=]/g, '_');
    return {
      name: clean('ro.product.name'),
      model: clean('ro.product.model'),
      device: clean('ro.product.device'),
    };
  }

  public features(): readonly string[] {
    return adbdFeatures(this.state.sdk);
  }

  private streams(io: ShellIo): Streams {
    return {
      stdin: new StdinReader(io.stdin),
      out: (c) => io.stdout(c),
      err: (c) => io.stderr(c),
      signal: io.signal,
    };
  }

  /** `shell:<command>` / `exec:<command>`; an empty command is an interactive shell on stdin. */
  public async shell(command: string, io: ShellIo): Promise<number> {
    this.count(...command.trim().split(/\s+/).slice(0, 2));
    const interpreter = new Interpreter(this.env, lookupCommand);
    const streams = this.streams(io);
    if (command.trim() !== '') return interpreter.run(command, streams);
    const prompt = `${this.state.props.get('ro.product.device') ?? 'android'}:/ $ `;
    await io.stdout(prompt);
    let pending = '';
    let status = 0;
    for await (const chunk of io.stdin) {
      pending += chunk.toString('utf8');
      for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
        const line = pending.slice(0, nl).replace(/\r$/, '');
        pending = pending.slice(nl + 1);
        if (/^\s*exit\s*$/.test(line)) return status;
        status = await interpreter.run(line, { ...streams, stdin: new StdinReader(null) });
        await io.stdout(prompt);
      }
      if (io.signal.aborted) break;
    }
    return status;
  }

  /** `abb:` / `abb_exec:` (Android 10+): args[0] is the binder service, as `cmd` takes it. */
  public async abb(args: readonly string[], io: ShellIo): Promise<number> {
    this.count('cmd', args[0] ?? '');
    return new Interpreter(this.env, lookupCommand).invoke(['cmd', ...args], this.streams(io));
  }

  private count(name = '', second?: string): void {
    const byName = this.commandCounts.byName;
    this.commandCounts.total++;
    byName.set(name, (byName.get(name) ?? 0) + 1);
    if (second !== undefined) byName.set(`${name} ${second}`, (byName.get(`${name} ${second}`) ?? 0) + 1);
  }

  /** 'refused' / 'empty': the shell cannot read the events buffer (capture then has to poll). */
  public setEventsLog(access: EventsLogAccess): void {
    setEventsLogAccess(this.state, access);
  }

  /** Runs a command line and collects its output (tests and demos). */
  public async run(command: string, stdin: Buffer = Buffer.alloc(0)): Promise<RunResult> {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const status = await this.shell(command, {
      stdin: (async function* () {
        if (stdin.length > 0) yield stdin;
      })(),
      stdout: async (c) => {
        out.push(Buffer.isBuffer(c) ? c : Buffer.from(c));
      },
      stderr: async (c) => {
        err.push(Buffer.isBuffer(c) ? c : Buffer.from(c));
      },
      signal: new AbortController().signal,
    });
    return { status, stdout: Buffer.concat(out), stderr: Buffer.concat(err) };
  }

  /** The installed package, if any (also preinstalled system apps). */
  public installedPackage(pkg: string): AppPackage | undefined {
    const app = this.state.packages.get(pkg);
    return app?.installed ? app : undefined;
  }

  public getprop(key: string): string | undefined {
    return this.state.props.get(key);
  }

  /** MIUI/HyperOS Developer options > "Install via USB". */
  public setInstallViaUsb(enabled: boolean): void {
    this.state.policy.installViaUsb = enabled;
    if (this.state.vendor.family === 'xiaomi')
      setProp(this.state.props, ADB_INSTALL_PROP, enabled ? '1' : '0');
  }

  public setFreeStorage(bytes: number): void {
    this.state.freeStorageBytes = Math.max(0, Math.floor(bytes));
  }

  /** Changes the lock screen kind; 'none' also hides a showing keyguard. */
  public setLockScreen(kind: LockScreen): void {
    this.state.keyguard.lockScreen = kind;
    if (kind === 'none') this.state.keyguard.showing = false;
    this.state.settings.secure.set('lockscreen.disabled', kind === 'none' ? '1' : '0');
  }

  /** MIUI "USB debugging (Security settings)" / ColorOS "Disable permission monitoring". */
  public setAdbSecuritySettings(enabled: boolean): void {
    this.state.policy.adbSecuritySettings = enabled;
  }

  /** Whether MIUI refuses `appops set <pkg> 10008` from the shell (see the option). */
  public setRefuseAppOpsFor10008(refuse: boolean): void {
    this.state.policy.refuseAppOpsFor10008 = refuse;
  }

  /** The user turns the app's notifications off (Android 13+: revokes POST_NOTIFICATIONS, user-fixed). */
  public blockApp(pkg: string, blocked = true): void {
    faults.blockApp(this.state, pkg, blocked);
  }

  /** POST_NOTIFICATIONS grant and flags (before Android 13: the app-level switch). */
  public setPostNotifications(pkg: string, state: faults.PostNotificationsState): void {
    faults.setPostNotifications(this.state, pkg, state);
  }

  /** Creates or changes one of the app's channels. */
  public setChannel(pkg: string, id: string, patch: ChannelPatch = {}): ChannelState {
    return faults.setChannel(this.state, pkg, id, patch);
  }

  /** The app deletes one of its channels. */
  public deleteChannel(pkg: string, id: string): void {
    faults.deleteChannel(this.state, pkg, id);
  }

  /** The channels this app creates on its first launch (default: the phone's list). */
  public setLaunchChannels(pkg: string, channels: readonly (string | ChannelSpec)[]): void {
    faults.requireApp(this.state, pkg).settings.launchChannels = faults.launchChannels(channels);
  }

  /** Do Not Disturb: off, priority (important interruptions), none (total silence), alarms. */
  public setZenMode(mode: faults.ZenSetting): void {
    this.state.settings.global.set('zen_mode', String(faults.zenValue(mode)));
  }

  /** Lock-screen notifications (Settings.Secure lock_screen_show_notifications / ..._allow_private_...). */
  public setLockScreenNotifications(show: boolean, allowPrivate = true): void {
    this.state.settings.secure.set('lock_screen_show_notifications', show ? '1' : '0');
    this.state.settings.secure.set('lock_screen_allow_private_notifications', allowPrivate ? '1' : '0');
  }

  /** A standby bucket as `am set-standby-bucket` sets it (ignored for exempted apps). */
  public setStandbyBucket(pkg: string, bucket: string | number): void {
    faults.forceStandbyBucket(this.state, pkg, bucket);
  }

  /** An app-op mode (names like RUN_ANY_IN_BACKGROUND, or numbers such as MIUI's 10008). */
  public setAppOp(
    pkg: string,
    op: string | number,
    mode: OpMode,
    options: { readonly uid?: boolean } = {},
  ): void {
    faults.setAppOp(this.state, pkg, op, mode, options.uid ?? false);
  }

  /** On or off the Doze user allow-list ("don't optimize battery"). */
  public setDozeAllowlisted(pkg: string, allowlisted: boolean): void {
    faults.requireApp(this.state, pkg).settings.dozeAllowlisted = allowlisted;
  }

  /** Data saver (restrict background data for every app not exempted). */
  public setDataSaver(enabled: boolean): void {
    this.state.power.dataSaver = enabled;
  }

  /** The app's background data switch (restrict-background blacklist). */
  public setBackgroundDataRestricted(pkg: string, restricted: boolean): void {
    faults.requireApp(this.state, pkg).settings.backgroundDataRestricted = restricted;
  }

  /** The app posts a notification; blocks, missing channels and the op decide whether it shows. */
  public postNotification(pkg: string, input: PostInput): PostOutcome {
    return postNotification(this.state, this.state.packages.get(pkg), input);
  }

  /**
   * What happens to adb when `reboot` runs (e.g. unplug, wait, plug from the lab, then `booted()`);
   * without a hook the phone reboots instantly and stays connected.
   */
  public onReboot(hook: ((booted: () => void) => void) | null): void {
    powerExtras(this.state).onReboot = hook;
  }

  /** DeviceIdleController's deep state now (ACTIVE, IDLE, ...). */
  public deepIdleState(): DeepState {
    return currentDeepState(this.state);
  }

  /** The app's posted notifications, oldest first. */
  public notifications(pkg: string): readonly NotificationRecordState[] {
    return [...(this.state.packages.get(pkg)?.settings.records ?? [])];
  }
}

/** Creates a virtual phone from a getprop capture name (test/fixtures/getprop/<profile>.txt). */
export function createVirtualAndroid(profile: string, options: VirtualAndroidOptions = {}): VirtualAndroid {
  return new VirtualAndroid(profile, options);
}
