/**
 * The run plan that tests the push lab world: the demo app on every phone (by serial), its test
 * hooks for login/logout/kick, every scenario once, and the world's Tencent emulator as sender.
 * Built as plain JSON and validated with shared/runs parsePlan, so a plan the world hands out
 * is always one `pushlab run --plan` accepts.
 */
import { HIGH_CLASS_VENDOR_FIELDS } from '../../../shared/scenarios';
import { parsePlan, type RunPlan } from '../../../shared/runs';
import { DEMO_ACCOUNT_ACTIONS, DEMO_LAUNCH_ACTIVITY, DEMO_PACKAGE } from './demo-app';

/** The environment variable the world's plans read the Tencent secret key from. */
export const PUSH_LAB_SECRET_ENV = 'PUSHLAB_TENCENT_SECRET';
export const PUSH_LAB_GROUP_ID = 'lab_team';

export interface PushLabPlanInput {
  readonly phones: readonly { readonly serial: string; readonly account: string }[];
  readonly sdkAppId: number;
  readonly adminIdentifier: string;
  readonly baseUrl: string;
  /** The APK the run installs first; absent when the world preinstalled it. */
  readonly apkPath: string | null;
}

/** Top-level fields a caller may replace (shallow: a given field replaces the world's). */
export type PushLabPlanOverrides = Partial<Record<keyof RunPlan, unknown>>;

/** The Android channel ids the catalog's high-class vendor fields name (deduplicated). */
export function highClassChannelIds(): string[] {
  const { oppoChannelId, xiaomiChannelId, huaweiChannelId, fcmChannelId } = HIGH_CLASS_VENDOR_FIELDS;
  const ids = [oppoChannelId, xiaomiChannelId, huaweiChannelId, fcmChannelId].filter(
    (id): id is string => typeof id === 'string' && id !== '',
  );
  return [...new Set(ids)];
}

/** The world's plan as JSON, before validation. */
export function pushLabPlanJson(
  input: PushLabPlanInput,
  overrides: PushLabPlanOverrides = {},
): Record<string, unknown> {
  const serials = input.phones.map((p) => p.serial);
  return {
    name: 'PushLab virtual lab',
    app: {
      package: DEMO_PACKAGE,
      launchActivity: DEMO_LAUNCH_ACTIVITY,
      accounts: { serials: Object.fromEntries(input.phones.map((p) => [p.serial, { account: p.account }])) },
      ...DEMO_ACCOUNT_ACTIONS,
      push: { highClassChannelIds: highClassChannelIds(), fcmPriority: 'high' },
    },
    ...(input.apkPath === null ? {} : { build: { apk: input.apkPath, install: true } }),
    phones: { serials },
    scenarios: 'all',
    repeats: 1,
    sender: {
      kind: 'tencent',
      sdkAppId: input.sdkAppId,
      adminIdentifier: input.adminIdentifier,
      baseUrl: input.baseUrl,
      secret: { env: PUSH_LAB_SECRET_ENV },
      groupId: PUSH_LAB_GROUP_ID,
    },
    timeouts: { pushMs: 8000, stepMs: 15000 },
    ...overrides,
  };
}

/** The world's plan, validated (throws PlanError when an override makes it invalid). */
export function pushLabPlan(input: PushLabPlanInput, overrides: PushLabPlanOverrides = {}): RunPlan {
  return parsePlan(pushLabPlanJson(input, overrides));
}

/**
 * The world's plan with a direct vendor sender: only the phones of that vendor's channel, each
 * with its push token under app.tokens.serials, and the vendor's emulator as sender.
 */
export function pushLabVendorPlan(
  input: PushLabPlanInput,
  vendor: { readonly tokens: Readonly<Record<string, string>>; readonly sender: Record<string, unknown> },
  overrides: PushLabPlanOverrides = {},
): RunPlan {
  const json = pushLabPlanJson(input);
  return parsePlan({
    ...json,
    app: { ...(json.app as Record<string, unknown>), tokens: { serials: vendor.tokens } },
    phones: { serials: Object.keys(vendor.tokens) },
    sender: vendor.sender,
    ...overrides,
  });
}
