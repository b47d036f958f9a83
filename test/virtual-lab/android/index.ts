/**
 * A virtual Android phone behind a virtual adbd: identity from a real getprop capture, a POSIX-ish
 * shell with the commands host tools send (pm, cmd, am, monkey, input, wm, dumpsys, screencap,
 * settings, toybox basics), installs decided like PackageManager decides them, and a filesystem
 * for sync push/pull. The adbd side talks to it through DeviceBackend (../adbd/backend.ts).
 * adbd feature sets per release: AOSP adb at android-10.0.0_r36 and platform-tools 29.0.6 (see
 * /work/shared/reference/protocols.md); `delayed_ack` is never offered.
 */
import type { DeviceBackend, ShellIo } from '../adbd/backend';
import { MemoryFs } from './fs';
import { loadProfileProps, setProp } from './props';
import { Interpreter, type Streams } from './shell/interpreter';
import { lookupCommand } from './shell/registry';
import { StdinReader, type CommandEnv } from './shell/types';
import { ADB_INSTALL_PROP, createPhoneState, type AppPackage, type LockScreen, type PhoneState } from './state';

export type { AppPackage, LockScreen, PhoneState } from './state';
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
  if (sdk >= 29) return ['shell_v2', 'cmd', 'stat_v2', 'fixed_push_mkdir', 'apex', 'abb', 'fixed_push_symlink_timestamp', 'abb_exec'];
  if (sdk >= 26) return ['shell_v2', 'cmd', 'stat_v2'];
  if (sdk >= 24) return ['shell_v2', 'cmd'];
  return [];
}

export class VirtualAndroid implements DeviceBackend {
  public readonly state: PhoneState;
  public readonly fs: MemoryFs;
  private readonly env: CommandEnv;

  public constructor(profile: string, options: VirtualAndroidOptions = {}) {
    const now = options.now ?? Date.now;
    this.state = createPhoneState(profile, loadProfileProps(profile), {
      now: now(),
      ...(options.freeStorageBytes === undefined ? {} : { freeStorageBytes: options.freeStorageBytes }),
      ...(options.installViaUsb === undefined ? {} : { installViaUsb: options.installViaUsb }),
      ...(options.lockScreen === undefined ? {} : { lockScreen: options.lockScreen }),
      ...(options.screenOn === undefined ? {} : { screenOn: options.screenOn }),
      ...(options.locked === undefined ? {} : { locked: options.locked }),
    });
    this.fs = new MemoryFs(this.state, now);
    const realistic = options.realisticTiming ?? true;
    this.env = { phone: this.state, fs: this.fs, now, delay: realistic ? abortableDelay : async () => undefined };
  }

  /** Banner values (adb's parse_banner splits on ':' and ';', so those never go out raw). */
  public bannerProps(): { readonly name: string; readonly model: string; readonly device: string } {
    const clean = (key: string): string => (this.state.props.get(key) ?? '').replace(/[:;=]/g, '_');
    return { name: clean('ro.product.name'), model: clean('ro.product.model'), device: clean('ro.product.device') };
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
    return new Interpreter(this.env, lookupCommand).invoke(['cmd', ...args], this.streams(io));
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
    if (this.state.vendor.family === 'xiaomi') setProp(this.state.props, ADB_INSTALL_PROP, enabled ? '1' : '0');
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
}

/** Creates a virtual phone from a getprop capture name (test/fixtures/getprop/<profile>.txt). */
export function createVirtualAndroid(profile: string, options: VirtualAndroidOptions = {}): VirtualAndroid {
  return new VirtualAndroid(profile, options);
}
