/**
 * The push lab world: virtual phones behind an adb server, each holding a Tencent account in the
 * demo app (com.pushlab.demo), the loopback Tencent IM emulator, and the router that delivers what
 * the emulator accepts to the phones by the seeds' rules. One composition for the demo app, the
 * run engine's integration tests, the CLI kill/resume test and the bench; `plan()` is the run
 * plan that tests this world. `vendors` adds the six direct vendor push emulators (Mi, HMS, Honor,
 * OPPO, vivo, Flyme) with one token per phone of those channels; `vendorPlan(vendor)` is the plan
 * that sends through one of them (its secret by env: put `vendors.env` into the core's env).
 * The adb server belongs to the caller.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AdbGateway } from '../../electron/lab/adb/adb-gateway';
import { quoteShellArg } from '../../electron/lab/adb/quote';
import { classifyIdentity } from '../../electron/lab/android/identity';
import { PUSH_SERVICE_PACKAGES } from '../../electron/lab/android/identity/push-services';
import { installApk } from '../../electron/lab/android/commands/install-apk';
import { pressKey } from '../../electron/lab/android/commands/key-event';
import { LabError } from '../../electron/lab/errors';
import { createTencentImClient } from '../../electron/lab/push/tencent/client';
import type { TencentOnlineStatus } from '../../electron/lab/push/tencent/types';
import { silentLogger } from '../../electron/lab/util/logger';
import type { PushChannel } from '../../shared/domain/device';
import { fillTemplate, type RunPlan } from '../../shared/runs';
import { declareComponents } from './android/app-components';
import { createVirtualAndroid, type VirtualAndroid } from './android/index';
import { writeTestApk } from './apk/build-apk';
import { VirtualLab, type VirtualPhoneHandle } from './lab';
import {
  checkPhoneAccounts,
  labGroup,
  presenceOf,
  PUSH_LAB_ADMIN,
  PUSH_LAB_SENDER,
  wireAccountHooks,
} from './world/accounts';
import {
  DEMO_ACCOUNT_ACTIONS,
  DEMO_APK,
  DEMO_CHANNELS,
  DEMO_COMPONENTS,
  DEMO_PACKAGE,
} from './world/demo-app';
import { PUSH_LAB_GROUP_ID, pushLabPlan, pushLabVendorPlan, type PushLabPlanOverrides } from './world/plan';
import { diagnosePlanOverrides } from './world/diagnose-plan';
import { startDirectPaths, type DirectPaths } from './direct/direct-paths';
import { startVendorPushWorld, type VendorPushWorld } from './world/vendor-push';
import type { LimitedVendor } from '../../shared/push/vendor-limits';
import { startTencentEmulator, type TencentEmulator } from './tencent/emulator';
import {
  createPushRouter,
  type GroundTruth,
  type PushRouter,
  type PushRouterOptions,
  type RoutedAccount,
  type RoutedPhone,
} from './tencent/router';

export { DEMO_ACCOUNT_ACTIONS, DEMO_PACKAGE } from './world/demo-app';
export { PUSH_LAB_ADMIN, PUSH_LAB_GROUP_NAME, PUSH_LAB_SENDER } from './world/accounts';
export {
  PUSH_LAB_GROUP_ID,
  PUSH_LAB_SECRET_ENV,
  highClassChannelIds,
  pushLabPlanJson,
  type PushLabPlanOverrides,
} from './world/plan';
export { DIRECT_VENDORS, VENDOR_SECRET_ENV, type VendorPushWorld } from './world/vendor-push';

export interface PushLabPhoneSpec {
  /** A getprop capture basename (test/fixtures/getprop). */
  readonly profile: string;
  readonly id?: string;
  /** The Tencent UserID logged in to the demo app on this phone. */
  readonly account: string;
  /** The phone's adbd port (its serial is 127.0.0.1:port); default a free one. */
  readonly port?: number;
  /**
   * Move the channel's push service to this package name, one PushLab does not know (as some
   * real ROMs do): the phone still delivers, but PushLab cannot find the service.
   */
  readonly pushServicePackage?: string;
}

export interface PushLabOptions {
  readonly adbPort: number;
  readonly adbHost?: string;
  readonly phones: readonly PushLabPhoneSpec[];
  /** Default 1400000000. */
  readonly sdkAppId?: number;
  /** The emulator's secret key; default a random one (see PushLab.tencent). */
  readonly secretKey?: string;
  /** Loopback port of the Tencent emulator; default a free one. */
  readonly tencentPort?: number;
  /** When tencentPort is taken, use a free port instead of failing (the plan names the one used). */
  readonly tencentPortFallback?: boolean;
  /** Cable speed host -> phone (see USB2_LINK_BYTES_PER_SECOND). */
  readonly linkBytesPerSecond?: number;
  /** Phones wait as long as real operations take; default true. */
  readonly realisticTiming?: boolean;
  /** Daily low-class push quotas per vendor channel (router option). */
  readonly quotas?: PushRouterOptions['quotas'];
  /** A faulty backend: the messages it loses (router option). */
  readonly drops?: PushRouterOptions['drops'];
  /**
   * Start the direct paths too (vendor tokens on every phone, logged as Tencent's SDK logs them;
   * the loopback FCM server delivering to the FCM phones): what a diagnose plan needs.
   */
  readonly direct?: boolean;
  /** Loopback port of the direct paths' FCM server (a free one when taken); default a free one. */
  readonly fcmPort?: number;
  /**
   * A faulty vendor: loses the pushes for this phone on both paths (through Tencent, and direct: the
   * one direct delivery that FCM's server and the six vendor emulators feed).
   */
  readonly vendorDrops?: (channel: string, serial: string) => boolean;
  /**
   * true (default): install the demo app on every phone, log its account in, then HOME. false:
   * leave the phones without it; the plan then names the APK (`build`) and the run installs it.
   */
  readonly preinstall?: boolean;
}

/** A phone of the world as the router sees it, plus who is logged in on it. */
export interface PushLabPhone extends RoutedPhone {
  readonly id: string;
  readonly profile: string;
  readonly account: string;
}

export interface PushLab {
  readonly lab: VirtualLab;
  readonly emulator: TencentEmulator;
  readonly router: PushRouter;
  /** Router state by account (mutable: the demo app's hooks change it). */
  readonly accounts: ReadonlyMap<string, RoutedAccount>;
  readonly phones: readonly PushLabPhone[];
  /** What a Tencent client needs to talk to the emulator. */
  readonly tencent: {
    readonly sdkAppId: number;
    readonly adminIdentifier: string;
    readonly secretKey: string;
    readonly baseUrl: string;
  };
  /** The demo app's APK (in a temp folder removed by close()). */
  readonly apkPath: string;
  /** query_online_status for an account, as the emulator answers it. */
  presence(account: string): TencentOnlineStatus;
  /** A complete, validated run plan for this world; overrides replace top-level fields. */
  plan(overrides?: PushLabPlanOverrides): RunPlan;
  /** The direct paths (options.direct), else null. */
  readonly direct: DirectPaths | null;
  /**
   * A diagnose plan for the phones whose channel has a direct sender here (FCM and the six vendor
   * emulators), tokens read from logcat; needs options.direct. Overrides replace top-level fields.
   */
  diagnosePlan(overrides?: PushLabPlanOverrides): RunPlan;
  /**
   * The direct vendor push emulators and their delivery: `vendors.token(serial)` is the phone's push
   * token for its own channel, `vendors.sender(vendor)` the plan sender, `vendors.env` the secrets.
   */
  readonly vendors: VendorPushWorld;
  /** plan() sending straight through the vendor's emulator to the phones of that channel (tokens filled in). */
  vendorPlan(vendor: LimitedVendor, overrides?: PushLabPlanOverrides): RunPlan;
  /** Every routing decision so far (the Tencent path; the direct paths, FCM too, are in vendors.delivery.log). */
  groundTruth(): GroundTruth[];
  /** Stops the router and emulator, unplugs the phones, removes the temp folder. */
  close(): Promise<void>;
}

const DEFAULT_SDK_APP_ID = 1_400_000_000;
const REMOTE_APK = '/data/local/tmp/pushlab-demo.apk';
const INSTALL_OPTIONS = {
  replace: true,
  allowDowngrade: false,
  grantPermissions: true,
  allowTestOnly: false,
} as const;

async function startEmulator(
  options: Parameters<typeof startTencentEmulator>[0],
  fallback: boolean,
): Promise<TencentEmulator> {
  try {
    return await startTencentEmulator(options);
  } catch (error) {
    if (!fallback || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return startTencentEmulator({ ...options, port: 0 });
  }
}

/** The channel PushLab's own identity code decides for the phone (props + installed packages). */
function channelOf(android: VirtualAndroid): PushChannel {
  const packages = [...android.state.packages.values()]
    .filter((p) => p.installed)
    .map((p) => ({ package: p.name, versionCode: p.versionCode }));
  return classifyIdentity({ props: Object.fromEntries(android.state.props), packages }).pushChannel;
}

/** Renames the channel's known push service package on the phone; returns the new name. */
function moveServicePackage(android: VirtualAndroid, channel: PushChannel, name: string): string {
  const known = PUSH_SERVICE_PACKAGES.find(
    (s) => s.channel === channel && android.state.packages.has(s.package),
  );
  const app = known === undefined ? undefined : android.state.packages.get(known.package);
  if (known === undefined || app === undefined)
    throw new Error(`No known ${channel} push service to move on the phone.`);
  android.state.packages.delete(known.package);
  android.state.packages.set(name, { ...app, name });
  return name;
}

/** adb install -g through the adb server, then the login hook (launches the app), then HOME. */
async function preinstall(
  gateway: AdbGateway,
  phone: PushLabPhone,
  apkPath: string,
  sizeBytes: number,
): Promise<void> {
  const io = gateway.device(phone.serial);
  const outcome = await installApk(io, apkPath, REMOTE_APK, sizeBytes, INSTALL_OPTIONS, {
    onPushProgress: () => undefined,
    onInstalling: () => undefined,
  });
  if (!outcome.ok) {
    throw new LabError(
      'INSTALL_FAILED',
      `The demo app did not install on ${phone.id} (${phone.serial}): ${outcome.reason}.`,
      {
        hint: 'Check the phone profile and free storage of the virtual phone.',
        detail: outcome.raw.slice(-500),
      },
    );
  }
  const login = DEMO_ACCOUNT_ACTIONS.login;
  if (login.kind !== 'shell') throw new Error('The demo login hook is a shell command.');
  await io.shell(
    fillTemplate(
      login.template,
      { package: DEMO_PACKAGE, account: phone.account, serial: phone.serial },
      quoteShellArg,
    ),
    { timeoutMs: 15_000 },
  );
  await pressKey(io, 'HOME');
}

/** Starts the world: phones in parallel, the demo app on each (unless preinstall is false). */
export async function startPushLab(options: PushLabOptions): Promise<PushLab> {
  checkPhoneAccounts(options.phones.map((p) => p.account));
  const adbHost = options.adbHost ?? '127.0.0.1';
  const sdkAppId = options.sdkAppId ?? DEFAULT_SDK_APP_ID;
  const secretKey = options.secretKey ?? randomBytes(24).toString('hex');
  const installFirst = options.preinstall ?? true;
  const undo: (() => Promise<unknown>)[] = [];
  const unsubscribe: (() => void)[] = [];
  let router: PushRouter | null = null;
  let vendors: VendorPushWorld | null = null;
  const teardown = async (): Promise<void> => {
    router?.stop();
    await vendors?.close();
    for (const off of unsubscribe.splice(0)) off();
    for (const step of undo.splice(0).reverse()) await step().catch(() => undefined);
  };

  try {
    const dir = await mkdtemp(join(tmpdir(), 'pushlab-world-'));
    undo.push(() => rm(dir, { recursive: true, force: true }));
    const apkPath = join(dir, 'pushlab-demo.apk');
    const [lab, apk] = await Promise.all([
      VirtualLab.start({
        adbPort: options.adbPort,
        adbHost,
        createBackend: (profile) =>
          createVirtualAndroid(profile, {
            realisticTiming: options.realisticTiming ?? true,
            launchChannels: DEMO_CHANNELS,
          }),
        ...(options.linkBytesPerSecond === undefined
          ? {}
          : { linkBytesPerSecond: options.linkBytesPerSecond }),
      }),
      writeTestApk(apkPath, DEMO_APK),
    ]);
    undo.push(() => lab.close());
    const handles = await lab.addPhones(
      options.phones.map((p) => ({
        profile: p.profile,
        ...(p.id === undefined ? {} : { id: p.id }),
        ...(p.port === undefined ? {} : { port: p.port }),
      })),
    );

    const accounts = new Map<string, RoutedAccount>();
    const phones = handles.map((handle: VirtualPhoneHandle, i): PushLabPhone => {
      const account = options.phones[i]?.account ?? '';
      const android = handle.backend as VirtualAndroid;
      declareComponents(android.state, DEMO_PACKAGE, DEMO_COMPONENTS);
      // Without a preinstall nobody has logged in yet: the run's login step does it.
      const entry: RoutedAccount = { serial: handle.serial, package: DEMO_PACKAGE, loggedIn: false };
      accounts.set(account, entry);
      unsubscribe.push(wireAccountHooks(android, account, entry));
      const channel = channelOf(android);
      const moved = options.phones[i]?.pushServicePackage;
      const servicePackage = moved === undefined ? undefined : moveServicePackage(android, channel, moved);
      return {
        id: handle.id,
        profile: handle.profile,
        serial: handle.serial,
        account,
        android,
        channel,
        sdk: android.state.sdk,
        ...(servicePackage ? { servicePackage } : {}),
      };
    });
    const plugged = (): PushLabPhone[] => phones.filter((p) => lab.phone(p.id).plugged);
    const phoneOf = (account: string): PushLabPhone | undefined => phones.find((p) => p.account === account);
    const presence = (account: string): TencentOnlineStatus =>
      presenceOf(accounts.get(account), phoneOf(account)?.android);

    const members = [PUSH_LAB_SENDER.account, ...accounts.keys()];
    const emulator = await startEmulator(
      {
        sdkAppId,
        secretKey,
        adminIdentifier: PUSH_LAB_ADMIN,
        port: options.tencentPort ?? 0,
        accounts: members,
        groups: { [PUSH_LAB_GROUP_ID]: members },
        presence,
      },
      options.tencentPortFallback ?? false,
    );
    undo.push(() => emulator.close());
    const tencent = { sdkAppId, adminIdentifier: PUSH_LAB_ADMIN, secretKey, baseUrl: emulator.url };
    // The sender's nickname goes in as a real admin would set it; the router reads imported nicknames.
    await createTencentImClient({ ...tencent, timeoutMs: 5000 }).importAccount({
      UserID: PUSH_LAB_SENDER.account,
      Nick: PUSH_LAB_SENDER.nickname,
    });
    const { drops, vendorDrops } = options;
    const channelOfSerial = (serial: string): string =>
      phones.find((p) => p.serial === serial)?.channel ?? '';
    router = createPushRouter({
      emulator,
      phones: plugged,
      accounts,
      groups: new Map([[PUSH_LAB_GROUP_ID, labGroup([...accounts.keys()])]]),
      ...(options.quotas === undefined ? {} : { quotas: options.quotas }),
      // Tencent's offline pushes travel over the vendor's channel: a vendor fault loses them too.
      ...(drops === undefined && vendorDrops === undefined
        ? {}
        : {
            drops: (spec: Parameters<NonNullable<PushRouterOptions['drops']>>[0], serial: string) =>
              drops?.(spec, serial) === true || vendorDrops?.(channelOfSerial(serial), serial) === true,
          }),
    });
    // The vendor emulators first: the direct paths log their tokens, one token per phone for both.
    vendors = await startVendorPushWorld({
      package: DEMO_PACKAGE,
      appLabel: 'PushLab Demo',
      phones: plugged,
      ...(vendorDrops === undefined ? {} : { drops: vendorDrops }),
    });
    const vendorWorld = vendors;
    let direct: DirectPaths | null = null;
    if (options.direct === true) {
      direct = await startDirectPaths({
        phones,
        package: DEMO_PACKAGE,
        delivery: vendorWorld.delivery,
        vendorToken: (serial) => vendorWorld.token(serial),
        ...(options.fcmPort === undefined ? {} : { fcmPort: options.fcmPort }),
      });
      const paths = direct;
      undo.push(() => paths.close());
    }

    if (installFirst) {
      const gateway = new AdbGateway(
        { host: adbHost, port: options.adbPort, bin: 'adb', startServer: false },
        silentLogger,
      );
      await Promise.all(phones.map((phone) => preinstall(gateway, phone, apkPath, apk.sizeBytes)));
    }

    const world = router;
    const planInput = {
      phones,
      sdkAppId,
      adminIdentifier: PUSH_LAB_ADMIN,
      baseUrl: emulator.url,
      apkPath: installFirst ? null : apkPath,
    };
    let closed: Promise<void> | null = null;
    return {
      lab,
      emulator,
      router: world,
      accounts,
      phones,
      tencent,
      apkPath,
      presence,
      plan: (overrides) => pushLabPlan(planInput, overrides),
      direct,
      diagnosePlan: (overrides = {}) => {
        if (direct === null)
          throw new Error('A diagnose plan needs the direct paths: start the world with direct: true.');
        return pushLabPlan(planInput, {
          ...diagnosePlanOverrides(planInput, direct, vendorWorld),
          ...overrides,
        });
      },
      vendors: vendorWorld,
      vendorPlan: (vendor, overrides) =>
        pushLabVendorPlan(
          planInput,
          { tokens: vendorWorld.tokens(vendor), sender: vendorWorld.sender(vendor) },
          overrides,
        ),
      groundTruth: () => [...world.log],
      close: () => (closed ??= teardown()),
    };
  } catch (error) {
    await teardown();
    throw error;
  }
}
