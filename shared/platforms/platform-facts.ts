/**
 * What each device platform is and can do, as data: the one place in shared/ (and, through it, the
 * renderer) that tells Android phones from iOS simulators. Everything else asks this table
 * (`PLATFORMS[device.platform]`) instead of branching on a platform's name; the test
 * test/unit/architecture/platform-branches-ui.test.ts keeps it so. Pure: the renderer and the
 * core import it. Adding a platform is one entry here; `satisfies` lists every fact it must state.
 */
import type { Platform } from '../domain/device';
import type { Bilingual, TargetChannel } from '../scenarios/types';

/** The build a platform installs: an APK (adb install) or an .app folder (simctl install). */
export type BuildKind = 'apk' | 'app';

export interface PlatformFacts {
  readonly label: Bilingual;
  /** Its devices are simulators on this computer (simctl), shown with the simulators' status line. */
  readonly simulated: boolean;
  /** Its devices' serials (simulator UDIDs); null: any other serial (adb's own shapes). */
  readonly serialPattern: RegExp | null;
  /** How the app under test is named, as the doctor and the plan take it. */
  readonly app: {
    readonly kind: 'package' | 'bundle-id';
    /** Same pattern as packageNameSchema / bundleIdSchema in shared/ipc.ts (a unit test keeps them in step). */
    readonly pattern: RegExp;
  };
  /** The doctor checks the app's notification channels (iOS has none). */
  readonly channels: boolean;
  readonly install: { readonly build: BuildKind };
  /**
   * The device card offers a screenshot and the doctor (simulators: the doctor view lists them), and
   * reading the app's push token from the device's log.
   */
  readonly cardActions: {
    readonly screenshot: boolean;
    readonly doctor: boolean;
    readonly pushToken: boolean;
  };
  /** Runs started from the board's selection take these devices (simulators run from a plan). */
  readonly boardSelectable: boolean;
  /** Tencent's seed 004: a one-to-one push without a title shows the sender's nickname (else ID). */
  readonly defaultC2cTitle: boolean;
}

/** Simulators are named by UDID (a UUID); adb serials never have that shape. */
const SIMULATOR_UDID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;

export const PLATFORMS = {
  android: {
    label: { en: 'Android', zhCN: 'Android' },
    simulated: false,
    serialPattern: null,
    app: { kind: 'package', pattern: /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$/ },
    channels: true,
    install: { build: 'apk' },
    cardActions: { screenshot: true, doctor: true, pushToken: true },
    boardSelectable: true,
    defaultC2cTitle: true,
  },
  ios: {
    label: { en: 'iOS simulator', zhCN: 'iOS 模拟器' },
    simulated: true,
    serialPattern: SIMULATOR_UDID,
    // Apple: letters, digits, hyphens and periods.
    app: { kind: 'bundle-id', pattern: /^[A-Za-z0-9][A-Za-z0-9-]*(\.[A-Za-z0-9-]+)+$/ },
    channels: false,
    install: { build: 'app' },
    cardActions: { screenshot: true, doctor: false, pushToken: false },
    boardSelectable: false,
    defaultC2cTitle: false,
  },
} as const satisfies Record<Platform, PlatformFacts>;

/** Every platform, in the order the table lists them. */
export const PLATFORM_IDS = Object.keys(PLATFORMS) as readonly Platform[];

/** The facts of one platform (typed as the interface, so callers do not depend on one entry's literals). */
export function platformFacts(platform: Platform): PlatformFacts {
  return PLATFORMS[platform];
}

/** The platform a serial belongs to: one whose serial pattern fits, else the adb platform. */
export function platformOfSerial(serial: string): Platform {
  const own = PLATFORM_IDS.find((p) => platformFacts(p).serialPattern?.test(serial) === true);
  return own ?? (PLATFORM_IDS.find((p) => platformFacts(p).serialPattern === null) as Platform);
}

/** The platform a push channel reaches (the compiler asks for each new channel). */
const PLATFORM_OF_CHANNEL = {
  xiaomi: 'android',
  huawei: 'android',
  honor: 'android',
  oppo: 'android',
  vivo: 'android',
  meizu: 'android',
  fcm: 'android',
  apns: 'ios',
} as const satisfies Record<TargetChannel, Platform>;

export function platformOfChannel(channel: TargetChannel): Platform {
  return PLATFORM_OF_CHANNEL[channel];
}

/** The platforms whose devices are simulators. */
export function simulatedPlatforms(): Platform[] {
  return PLATFORM_IDS.filter((p) => platformFacts(p).simulated);
}

/** The platforms whose devices take this kind of build. */
export function platformsTaking(build: BuildKind): Platform[] {
  return PLATFORM_IDS.filter((p) => platformFacts(p).install.build === build);
}
