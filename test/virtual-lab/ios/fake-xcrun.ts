/**
 * A fake Xcode for tests on machines without one: a state folder replaying a real `simctl list
 * -j` capture, an `xcrun` shim that runs fake-simctl.mjs, and helpers to build simulator apps
 * (a .app folder with a binary Info.plist), install them, set their notification permission and
 * read what the fake did. Put `env` into the core's (or the CLI's) environment.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBinaryPlist } from './plist-io.mjs';
import {
  simulatorDataPath,
  writeSectionInfo,
  type FakeAuthorization,
  type FakeNotificationSettings,
} from './sim-files.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
export const FAKE_SIMCTL_SCRIPT = join(HERE, 'fake-simctl.mjs');
/** Real captures the fake can replay (test/fixtures/simctl). */
export const SIMCTL_CAPTURES = {
  xcode16: resolve(HERE, '../../fixtures/simctl/apple-xcode16-ios18.0-1.json'),
  xcode14: resolve(HERE, '../../fixtures/simctl/apple-xcode14beta-ios16.0-1.json'),
  xcode12: resolve(HERE, '../../fixtures/simctl/apple-xcode12.5-ios14.5-3.json'),
  xcode10: resolve(HERE, '../../fixtures/simctl/apple-xcode10.2-ios12.2-unavailable-1.json'),
  xcode7: resolve(HERE, '../../fixtures/simctl/apple-xcode7.3-ios9.3-noise-1.txt'),
} as const;

/** Simulators of the Xcode 16 capture (iOS 18.0 runtime); the iPad is Booted in the capture. */
export const XCODE16 = {
  bootedIpad: 'BA519339-BEC4-4E69-B98B-BE2EFDA190F0',
  /** Shut down in the capture. */
  iphone16Pro: '9ED31B08-43D6-4EFB-93A3-E36E6EA94CBB',
  iphone15: '547F6011-D095-471A-8FB1-0BE2C0BA00B4',
} as const;

export interface FakeApp {
  readonly bundleId: string;
  readonly name?: string;
  readonly version?: string;
  readonly build?: string;
  readonly urlSchemes?: readonly string[];
  /** What the user answers when the app asks for notification permission on its first launch. */
  readonly prompt?: 'allow' | 'deny';
  /** The app shows notifications while in the foreground (UNNotificationPresentationOptions). */
  readonly presentsInForeground?: boolean;
  /** Where iOS keeps its delivered notifications: a folder named by bundle id (default) or by UUID. */
  readonly layout?: 'bundle' | 'uuid';
}

export interface FakeXcrun {
  readonly dir: string;
  readonly stateDir: string;
  /** PATH with the shim first, FAKE_SIMCTL_STATE, and the node to run the fake with. */
  readonly env: NodeJS.ProcessEnv;
  /** Runs the fake `xcrun simctl`; `env` adds variables for this call only. */
  simctl(
    args: readonly string[],
    input?: string,
    env?: NodeJS.ProcessEnv,
  ): Promise<{ code: number; stdout: string; stderr: string }>;
  /** Writes App.app with a binary Info.plist and returns its path. */
  buildApp(app: FakeApp): Promise<string>;
  /** Builds and installs the app on a booted simulator (through the fake simctl, as a user would). */
  installApp(udid: string, app: FakeApp): Promise<string>;
  /** The app's answer to the permission prompt, and what the user changed in Settings since (alert style, sounds, badges). */
  setAuthorization(
    udid: string,
    bundleId: string,
    status: FakeAuthorization,
    settings?: FakeNotificationSettings,
  ): Promise<void>;
  log(): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

/**
 * The APNs device token the app `bundleId` gets on this simulator in `environment`: 32 bytes of
 * hex, derived from the three, so tests, the local APNs server and the plan all know it (Xcode 14+
 * simulators register with APNs like devices do, always in the sandbox environment).
 */
export function simulatorDeviceToken(
  udid: string,
  bundleId: string,
  environment: 'sandbox' | 'production' = 'sandbox',
): string {
  return createHash('sha256')
    .update(`pushlab-fake-apns|${environment}|${udid.toUpperCase()}|${bundleId}`)
    .digest('hex');
}

interface FakeState {
  fixture: string;
  devices: Record<
    string,
    {
      state: string;
      apps: Record<string, unknown>;
      foreground: string | null;
      authorizations?: Record<string, FakeAuthorization>;
      notificationSettings?: Record<string, FakeNotificationSettings>;
    }
  >;
  behaviour: Record<
    string,
    { prompt?: 'allow' | 'deny'; presentsInForeground?: boolean; layout?: 'bundle' | 'uuid' }
  >;
  nextPid: number;
}

/** Every simulator in a capture with its captured state. */
async function captureDevices(fixture: string): Promise<Array<{ udid: string; state: string }>> {
  const text = await readFile(fixture, 'utf8');
  const json = JSON.parse(text.slice(text.search(/^\s*\{/m))) as {
    devices: Record<string, Array<{ udid: string; state: string }>>;
  };
  return Object.values(json.devices).flat();
}

export async function startFakeXcrun(
  options: {
    capture?: string;
    boot?: readonly string[];
    shutdown?: readonly string[];
    pathRest?: string;
  } = {},
): Promise<FakeXcrun> {
  const dir = await mkdtemp(join(tmpdir(), 'pushlab-fake-xcrun-'));
  const binDir = join(dir, 'bin');
  const stateDir = join(dir, 'state');
  await mkdir(binDir, { recursive: true });
  await mkdir(stateDir, { recursive: true });
  const shim = join(binDir, 'xcrun');
  await writeFile(
    shim,
    `#!/bin/sh\nexec "\${FAKE_XCRUN_NODE:-node}" ${JSON.stringify(FAKE_SIMCTL_SCRIPT)} "$@"\n`,
  );
  await chmod(shim, 0o755);
  const fixture = options.capture ?? SIMCTL_CAPTURES.xcode16;
  const state: FakeState = { fixture, devices: {}, behaviour: {}, nextPid: 4000 };
  for (const d of await captureDevices(fixture)) {
    const booted =
      (d.state === 'Booted' || options.boot?.includes(d.udid)) && !options.shutdown?.includes(d.udid);
    state.devices[d.udid] = {
      state: booted ? 'Booted' : 'Shutdown',
      apps: {},
      foreground: booted ? 'com.apple.springboard' : null,
    };
  }
  await writeFile(join(stateDir, 'state.json'), JSON.stringify(state, null, 1));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: [binDir, options.pathRest ?? process.env.PATH ?? ''].join(delimiter),
    FAKE_SIMCTL_STATE: stateDir,
    FAKE_XCRUN_NODE: process.execPath,
  };

  const simctl = (
    args: readonly string[],
    input?: string,
    extra?: NodeJS.ProcessEnv,
  ): Promise<{ code: number; stdout: string; stderr: string }> =>
    new Promise((done) => {
      const child = execFile(
        shim,
        ['simctl', ...args],
        { env: extra ? { ...env, ...extra } : env },
        (error, stdout, stderr) => {
          done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
        },
      );
      child.stdin?.end(input);
    });

  const fake: FakeXcrun = {
    dir,
    stateDir,
    env,
    simctl,
    async buildApp(app) {
      const appPath = join(dir, 'apps', `${app.name ?? app.bundleId.split('.').at(-1)}.app`);
      await mkdir(appPath, { recursive: true });
      const info: Record<string, unknown> = {
        CFBundleIdentifier: app.bundleId,
        CFBundleName: app.name ?? app.bundleId.split('.').at(-1),
        CFBundleExecutable: app.name ?? 'App',
        CFBundleShortVersionString: app.version ?? '1.0',
        CFBundleVersion: app.build ?? '1',
        CFBundleSupportedPlatforms: ['iPhoneSimulator'],
        CFBundlePackageType: 'APPL',
        MinimumOSVersion: '15.0',
        ...(app.urlSchemes
          ? { CFBundleURLTypes: [{ CFBundleURLName: app.bundleId, CFBundleURLSchemes: [...app.urlSchemes] }] }
          : {}),
      };
      await writeFile(join(appPath, 'Info.plist'), writeBinaryPlist(info));
      return appPath;
    },
    async installApp(udid, app) {
      const appPath = await fake.buildApp(app);
      const state = JSON.parse(await readFile(join(stateDir, 'state.json'), 'utf8')) as FakeState;
      state.behaviour[`${udid} ${app.bundleId}`] = {
        ...(app.prompt ? { prompt: app.prompt } : {}),
        ...(app.presentsInForeground ? { presentsInForeground: true } : {}),
        ...(app.layout ? { layout: app.layout } : {}),
      };
      await writeFile(join(stateDir, 'state.json'), JSON.stringify(state, null, 1));
      const result = await simctl(['install', udid, appPath]);
      if (result.code !== 0) throw new Error(`fake install failed: ${result.stderr}`);
      return appPath;
    },
    async setAuthorization(udid, bundleId, status, settings) {
      const file = join(stateDir, 'state.json');
      const state = JSON.parse(await readFile(file, 'utf8')) as FakeState;
      const device = state.devices[udid];
      if (!device) throw new Error(`unknown simulator ${udid}`);
      device.authorizations = { ...device.authorizations, [bundleId]: status };
      if (settings) device.notificationSettings = { ...device.notificationSettings, [bundleId]: settings };
      await writeFile(file, JSON.stringify(state, null, 1));
      writeSectionInfo(simulatorDataPath(stateDir, udid), device.authorizations, device.notificationSettings);
    },
    async log() {
      const text = await readFile(join(stateDir, 'log.jsonl'), 'utf8').catch(() => '');
      return text
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    },
    async close() {
      await rm(dir, { recursive: true, force: true });
    },
  };
  return fake;
}
