/**
 * The run plan (`pushlab run --plan plan.json`): app profile, build, phones, scenarios, repeats,
 * sender and timeouts. Secrets are never inline, only a reference (an environment variable name,
 * a file path or a name in the app's encrypted store). Unknown fields are refused so a typo never
 * silently changes a run. Format: README.md, "Offline-push runs".
 */
import { labHostsSchema } from '../domain/lab-host';
import { z } from 'zod';
import { PUSH_CHANNELS } from '../domain/device';
import { serialSchema } from '../ipc';
import { SCENARIOS } from '../scenarios/catalog';
import { loopbackOnly, loopbackOrHttps, PRINTABLE, secretRef, text } from './plan-parts';
import {
  DEVICE_TOKEN_NAMES,
  honorSender,
  huaweiSender,
  meizuSender,
  oppoSender,
  vivoSender,
  xiaomiSender,
} from './plan-vendor-senders';
import { templateProblemTexts } from './template';
import {
  DIRECT_SENDER_KINDS,
  SENDER_KINDS,
  isDirectSenderKind,
  type DirectSenderKind,
} from './direct-senders';
import { TOKEN_PRESET_IDS, tokenPatternProblem } from './token-presets';

/** Tencent IM data-centre regions (same names as the core's TENCENT_REGION_DOMAINS). */
export const TENCENT_REGIONS = [
  'china',
  'singapore',
  'seoul',
  'frankfurt',
  'mumbai',
  'silicon-valley',
  'jakarta',
] as const;

/** Android package names (applicationId): dot-separated parts, each a letter then letters, digits or _. */
export const ANDROID_PACKAGE_PATTERN = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$/;
/** iOS bundle IDs (Apple's rule: letters, digits, hyphens and periods), the same as the core's BUNDLE_ID_PATTERN. */
export const IOS_BUNDLE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]*(\.[A-Za-z0-9-]+)+$/;
/** Simulator UDIDs are UUIDs (the core's UDID_PATTERN); an adb serial never has this shape. */
export const SIMULATOR_UDID_PATTERN =
  /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;

export const isAndroidPackageName = (name: string): boolean =>
  name.length <= 255 && ANDROID_PACKAGE_PATTERN.test(name);

/**
 * app.package: an Android package name, or — when the plan names iOS simulators — a bundle ID.
 * Which one is allowed depends on the phones, so the plan-wide check below decides.
 */
const packageName = z
  .string()
  .max(255)
  .refine(
    (v) => ANDROID_PACKAGE_PATTERN.test(v) || IOS_BUNDLE_ID_PATTERN.test(v),
    'must be an Android package name such as com.example.app (or, for iOS simulators, the bundle ID)',
  );
const activity = z
  .string()
  .max(255)
  .regex(
    /^\.?[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)*$/,
    'must be an activity class name such as .MainActivity',
  );

/**
 * APNs device tokens are hex; FCM registration tokens use letters, digits and _ - : (about 160
 * characters); Mi Push regIds are base64 (+ / =); HMS and Honor push tokens letters, digits and _ - .
 * Each direct sender checks its own shape.
 */
const deviceToken = z
  .string()
  .regex(
    /^[A-Za-z0-9_:.+/=-]{8,4096}$/,
    'must be the push token the app reported on this phone (APNs device token, FCM registration token, Mi regId, HMS or Honor token)',
  );

/** Tencent UserIDs as PushLab accepts them: letters, digits and _ - . @ (at most 32). */
const account = z.strictObject({
  account: z
    .string()
    .regex(/^[A-Za-z0-9_.@-]{1,32}$/, 'must be a Tencent UserID: 1-32 letters, digits, _ - . @'),
  nickname: text(64).optional(),
});

const shellAction = z
  .strictObject({ kind: z.literal('shell'), template: text(1000) })
  .superRefine((v, ctx) => {
    for (const problem of templateProblemTexts(v.template, 'shell')) {
      ctx.addIssue({
        code: 'custom',
        path: ['template'],
        message: `template ${problem.en}`,
        params: { zh: `模板${problem.zh}` },
      });
    }
  });
const deeplinkAction = z
  .strictObject({ kind: z.literal('deeplink'), uri: text(2000) })
  .superRefine((v, ctx) => {
    for (const problem of templateProblemTexts(v.uri, 'deeplink')) {
      ctx.addIssue({
        code: 'custom',
        path: ['uri'],
        message: `uri ${problem.en}`,
        params: { zh: `URI ${problem.zh}` },
      });
    }
  });
const operatorAction = z.strictObject({ kind: z.literal('operator'), prompt: text(500) });
/** How the lab logs in, logs out or kicks the account: an adb shell template, a deep link, or a prompt. */
const appAction = z.discriminatedUnion('kind', [shellAction, deeplinkAction, operatorAction]);

const appProfile = z.strictObject({
  package: packageName,
  launchActivity: activity.optional(),
  accounts: z
    .strictObject({
      serials: z.record(serialSchema, account).optional(),
      vendors: z.partialRecord(z.enum(PUSH_CHANNELS), account).optional(),
    })
    .refine((a) => Object.keys(a.serials ?? {}).length + Object.keys(a.vendors ?? {}).length > 0, {
      message: 'needs at least one test account, under "serials" (by phone) or "vendors" (by push channel)',
    }),
  login: appAction,
  logout: appAction.optional(),
  kick: appAction.optional(),
  /**
   * Each phone's APNs device token / FCM registration token, for the direct senders (apns, fcm).
   * Not secrets, but personal data: logs and evidence show only the first 8 characters.
   */
  tokens: z
    .strictObject({
      serials: z.record(serialSchema, deviceToken).optional(),
      /** Read each phone's token from `adb logcat` (pattern evaluated here, never on the phone). */
      fromLogcat: z
        .strictObject({
          preset: z.enum(TOKEN_PRESET_IDS).optional(),
          pattern: z
            .string()
            .min(1)
            .max(500)
            .regex(PRINTABLE, 'must be one line without control characters')
            .superRefine((source, ctx) => {
              const problem = tokenPatternProblem(source);
              if (problem !== null)
                ctx.addIssue({ code: 'custom', message: problem.en, params: { zh: problem.zh } });
            })
            .optional(),
        })
        .refine((f) => (f.preset === undefined) !== (f.pattern === undefined), {
          message: `needs exactly one of "preset" (${TOKEN_PRESET_IDS.join(', ')}) or "pattern"`,
          params: { zh: `需要且只能有 "preset"（${TOKEN_PRESET_IDS.join(', ')}）或 "pattern" 之一` },
        })
        .optional(),
    })
    .refine((t) => t.serials !== undefined || t.fromLogcat !== undefined, {
      message: 'needs "serials" (tokens by phone), "fromLogcat" (read from the phone) or both',
      params: { zh: '需要 "serials"（按手机列出的令牌）、"fromLogcat"（从手机读取）或两者' },
    })
    .optional(),
  /** The app's push set-up, as the expectation rules need it (see shared/scenarios AppProfile). */
  push: z
    .strictObject({
      highClassChannelIds: z.array(text(100)).max(50).optional(),
      fcmPriority: z.enum(['high', 'normal']).optional(),
      apns: z
        .strictObject({
          build: z.enum(['debug', 'release']),
          certificate: z.enum(['development', 'production']),
        })
        .optional(),
      postsOwnNotificationInForeground: z.boolean().optional(),
    })
    .optional(),
});

const tencentSender = z
  .strictObject({
    kind: z.literal('tencent'),
    sdkAppId: z
      .int()
      .positive()
      .max(2 ** 32 - 1),
    adminIdentifier: z.string().regex(/^[A-Za-z0-9_.@-]{1,32}$/, 'must be the app admin UserID'),
    region: z.enum(TENCENT_REGIONS).optional(),
    baseUrl: z
      .string()
      .max(2000)
      .refine(loopbackOrHttps, 'must be an https:// URL (http:// only on 127.0.0.1 or localhost)')
      .optional(),
    secret: secretRef,
    /** The group that group scenarios are sent to (custom IDs, or Tencent's own "@TGS#…"). */
    groupId: z
      .string()
      .regex(/^[A-Za-z0-9_.@#-]{1,48}$/, 'must be a Tencent group ID: 1-48 letters, digits, _ - . @ #')
      .optional(),
  })
  .refine((s) => (s.region === undefined) !== (s.baseUrl === undefined), {
    message: `needs exactly one of "region" (${TENCENT_REGIONS.join(', ')}) or "baseUrl"`,
    params: { zh: `需要且只能有 "region"（${TENCENT_REGIONS.join(', ')}）或 "baseUrl" 之一` },
  });
/** APNs over HTTP/2 with token auth (.p8 key): Apple's provider API, no Tencent in between. */
const apnsSender = z
  .strictObject({
    kind: z.literal('apns'),
    /** Apple Developer Team ID and the .p8 key's Key ID (10 characters each). */
    teamId: z
      .string()
      .regex(/^[A-Z0-9]{10}$/, 'must be the 10-character Team ID (Apple Developer > Membership)'),
    keyId: z
      .string()
      .regex(
        /^[A-Z0-9]{10}$/,
        'must be the 10-character Key ID of the .p8 key (Certificates, IDs & Profiles > Keys)',
      ),
    /** The .p8 key file's content, by reference. */
    key: secretRef,
    /** apns-topic: the app's bundle ID. */
    topic: z
      .string()
      .max(255)
      .regex(/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/, "must be the app's bundle ID such as com.example.app"),
    /** sandbox for Debug (development-signed) builds, production for TestFlight / App Store / Ad Hoc builds. */
    environment: z.enum(['sandbox', 'production']),
    pushType: z.enum(['alert', 'background']).default('alert'),
    /** 10 = now, 5 = when power allows (background pushes must use 5). */
    priority: z.union([z.literal(10), z.literal(5)]).optional(),
    /** Seconds APNs keeps trying after the send (apns-expiration = send time + this); 0 = once, never stored. */
    expiration: z
      .int()
      .min(0)
      .max(30 * 24 * 3600)
      .optional(),
    /** apns-collapse-id: at most 64 bytes. */
    collapseId: z
      .string()
      .min(1)
      .regex(PRINTABLE, 'must be one line without control characters')
      .refine((v) => new TextEncoder().encode(v).length <= 64, 'must be at most 64 bytes')
      .optional(),
    baseUrl: z
      .string()
      .max(2000)
      .refine(
        loopbackOrHttps,
        'must be an https:// URL (http:// only on 127.0.0.1 or localhost, for a local test server)',
      )
      .optional(),
  })
  .refine((s) => !(s.pushType === 'background' && s.priority === 10), {
    message: 'a background push must use priority 5 (Apple refuses priority 10 for it)',
    path: ['priority'],
  });

/** FCM HTTP v1 with a service account (OAuth2): Google's API, no Tencent in between. */
const fcmSender = z.strictObject({
  kind: z.literal('fcm'),
  /** The Firebase project ID (Project settings > General). */
  projectId: z
    .string()
    .regex(
      /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/,
      'must be the Firebase project ID: 6-30 lowercase letters, digits and hyphens',
    ),
  /** The service-account JSON key file's content, by reference. */
  serviceAccount: secretRef,
  /** android.priority: high wakes the phone from Doze, normal may wait for a maintenance window. */
  priority: z.enum(['high', 'normal']).optional(),
  /** Notification channel when the scenario names none (Android 8+ shows pushes on a channel). */
  channelId: text(100).optional(),
  /** Local test servers only: the FCM send endpoint and the OAuth2 token endpoint. */
  baseUrl: z
    .string()
    .max(2000)
    .refine(
      loopbackOnly,
      "must be http(s):// on 127.0.0.1 or localhost: only local test servers replace Google's endpoint",
    )
    .optional(),
  tokenUrl: z
    .string()
    .max(2000)
    .refine(
      loopbackOnly,
      "must be http(s):// on 127.0.0.1 or localhost: only local test servers replace Google's token endpoint",
    )
    .optional(),
});

/**
 * Senders that push straight to a device token. Add a new direct sender's schema here (and its
 * kind to DIRECT_SENDER_KINDS in direct-senders.ts): the plan's "sender" and the diagnose mode's
 * "diagnose.vendors" both take every one of them.
 */
const DIRECT_SENDER_SCHEMAS = [
  apnsSender,
  fcmSender,
  xiaomiSender,
  huaweiSender,
  honorSender,
  oppoSender,
  vivoSender,
  meizuSender,
] as const;
const directSenderSchema = z.discriminatedUnion('kind', [...DIRECT_SENDER_SCHEMAS]);
export type DirectPlanSender = z.output<typeof directSenderSchema>;
// Fails to compile when DIRECT_SENDER_KINDS and DIRECT_SENDER_SCHEMAS name different kinds.
type SameKinds<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const directKindsAgree: SameKinds<DirectPlanSender['kind'], DirectSenderKind> = true;
void directKindsAgree;

const commandSender = z.strictObject({
  kind: z.literal('command'),
  command: text(4096),
  args: z.array(z.string().max(4096).regex(PRINTABLE)).max(100).optional(),
});
const manualSender = z.strictObject({ kind: z.literal('manual') });
/** iOS simulators only: `xcrun simctl push` delivers straight to the app (no Tencent, no APNs, no token). */
const simctlSender = z.strictObject({ kind: z.literal('simctl') });

const scenarioIds = SCENARIOS.map((s) => s.id);

export const planSchema = z
  .strictObject({
    name: text(200),
    app: appProfile,
    build: z.strictObject({ apk: text(4096), install: z.boolean().default(true) }).optional(),
    phones: z
      .strictObject({
        serials: z.array(serialSchema).max(200).optional(),
        vendors: z.array(z.enum(PUSH_CHANNELS)).optional(),
      })
      .refine((p) => (p.serials?.length ?? 0) + (p.vendors?.length ?? 0) > 0, {
        message: 'names no phone: list "serials", "vendors" or both',
      }),
    scenarios: z.union([z.literal('all'), z.array(z.string()).min(1)]).superRefine((v, ctx) => {
      if (v === 'all') return;
      v.forEach((id, i) => {
        if (!scenarioIds.includes(id)) {
          ctx.addIssue({
            code: 'custom',
            path: [i],
            message: `"${id.slice(0, 80)}" is not a scenario id (see \`pushlab scenarios\` or shared/scenarios/catalog.ts)`,
            params: {
              zh: `"${id.slice(0, 80)}" 不是场景 ID（见 \`pushlab scenarios\` 或 shared/scenarios/catalog.ts）`,
            },
          });
        } else if (v.indexOf(id) !== i) {
          ctx.addIssue({
            code: 'custom',
            path: [i],
            message: `"${id}" is listed twice: use "repeats" to run it more often`,
            params: { zh: `"${id}" 列出了两次：要多运行几次请用 "repeats"` },
          });
        }
      });
    }),
    repeats: z.int().min(1).max(50),
    /** The lab hosts whose phones the plan uses (CLI: when no --adb-host/--hosts is given). */
    hosts: labHostsSchema.optional(),
    sender: z.discriminatedUnion('kind', [
      tencentSender,
      commandSender,
      manualSender,
      simctlSender,
      ...DIRECT_SENDER_SCHEMAS,
    ]),
    /**
     * "verify" (default): judge every attempt against its expectation. "diagnose": also send each
     * attempt through the phone's vendor directly and say which link failed (needs "diagnose").
     */
    mode: z.enum(['verify', 'diagnose']).optional(),
    /** The diagnose mode's vendor path: one direct sender per push channel (its kind = the channel). */
    diagnose: z
      .strictObject({ vendors: z.array(directSenderSchema).min(1).max(DIRECT_SENDER_KINDS.length) })
      .optional(),
    /** Most sends the run may make per sender kind (checked before it starts, with the senders' own quotas). */
    quota: z.partialRecord(z.enum(SENDER_KINDS), z.int().min(0).max(100_000_000)).optional(),
    timeouts: z
      .strictObject({
        pushMs: z.int().min(1000).max(3_600_000).default(60_000),
        stepMs: z.int().min(1000).max(600_000).default(30_000),
      })
      .default({ pushMs: 60_000, stepMs: 30_000 }),
  })
  .superRefine((plan, ctx) => {
    // A bundle ID that is no Android package name (com.example.my-app) only runs on simulators.
    if (
      !ANDROID_PACKAGE_PATTERN.test(plan.app.package) &&
      IOS_BUNDLE_ID_PATTERN.test(plan.app.package) &&
      !planNamesSimulators(plan)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['app', 'package'],
        message:
          'must be an Android package name such as com.example.app (letters, digits and _, ' +
          'each part starting with a letter): this plan names no iOS simulator, so a bundle ' +
          'ID with "-" or a leading digit cannot run',
      });
    }
    diagnoseProblems(plan, ctx);
    const sender = plan.sender;
    const tokenKinds = [
      ...(isDirectSenderKind(sender.kind) ? [sender.kind] : []),
      ...(plan.diagnose?.vendors ?? []).map((v) => v.kind),
    ];
    if (tokenKinds.length > 0) tokenProblems(plan, tokenKinds, ctx);
    if (sender.kind !== 'apns' && sender.kind !== 'fcm') return;
    // The expectations read app.push; a sender that disagrees with it would make them wrong.
    const apns = plan.app.push?.apns;
    if (sender.kind === 'apns' && apns !== undefined) {
      const environment = apns.certificate === 'development' ? 'sandbox' : 'production';
      if (environment !== sender.environment) {
        ctx.addIssue({
          code: 'custom',
          path: ['sender', 'environment'],
          message: `is "${sender.environment}" but app.push.apns.certificate is "${apns.certificate}" (= ${environment}): make them agree`,
          params: {
            zh: `是 "${sender.environment}"，但 app.push.apns.certificate 是 "${apns.certificate}"（= ${environment}）：请让两者一致`,
          },
        });
      }
    }
    const fcmPriority = plan.app.push?.fcmPriority;
    if (sender.kind === 'fcm' && fcmPriority !== undefined && fcmPriority !== (sender.priority ?? 'high')) {
      ctx.addIssue({
        code: 'custom',
        path: ['sender', 'priority'],
        message: `is "${sender.priority ?? 'high'}" but app.push.fcmPriority is "${fcmPriority}": make them agree`,
        params: {
          zh: `是 "${sender.priority ?? 'high'}"，但 app.push.fcmPriority 是 "${fcmPriority}"：请让两者一致`,
        },
      });
    }
  });

interface PlanDraft {
  readonly app: { readonly tokens?: { serials?: Record<string, string>; fromLogcat?: unknown } | undefined };
  readonly phones: { readonly serials?: readonly string[] | undefined };
  readonly sender: { readonly kind: string };
  readonly mode?: 'verify' | 'diagnose' | undefined;
  readonly diagnose?: { readonly vendors: readonly { readonly kind: string }[] } | undefined;
}

/** A direct sender addresses phones by token; without one (given or read from logcat) the send can only fail. */
function tokenProblems(plan: PlanDraft, kinds: readonly DirectSenderKind[], ctx: z.RefinementCtx): void {
  const what = kinds.map((k) => DEVICE_TOKEN_NAMES[k].en).join(' / ');
  const whatZh = kinds.map((k) => DEVICE_TOKEN_NAMES[k].zh).join(' / ');
  const names = kinds.join(', ');
  const tokens = plan.app.tokens;
  if (tokens === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['app', 'tokens'],
      message: `is missing: the ${names} sender needs each phone's ${what} under app.tokens.serials (or app.tokens.fromLogcat)`,
      params: {
        zh: `缺失：发送方式“${names}”需要在 app.tokens.serials 下提供每台手机的${whatZh}（或使用 app.tokens.fromLogcat）`,
      },
    });
    return;
  }
  // Tokens read from the phone cover every phone; a missing one is then a blocked attempt, not a plan error.
  if (tokens.fromLogcat !== undefined) return;
  const given = tokens.serials ?? {};
  for (const serial of plan.phones.serials ?? []) {
    if (!Object.hasOwn(given, serial)) {
      ctx.addIssue({
        code: 'custom',
        path: ['app', 'tokens', 'serials'],
        message: `has no ${what} for "${serial.slice(0, 80)}": add the token the app reported on that phone`,
        params: { zh: `没有 "${serial.slice(0, 80)}" 的${whatZh}：请添加应用在那台手机上报告的令牌` },
      });
    }
  }
}

/** diagnose mode: Tencent is the sender, and each push channel has at most one vendor sender. */
function diagnoseProblems(plan: PlanDraft, ctx: z.RefinementCtx): void {
  const diagnose = plan.mode === 'diagnose';
  if (diagnose && plan.diagnose === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['diagnose'],
      message:
        'is missing: mode "diagnose" needs "diagnose": { "vendors": [ …a direct sender per push channel… ] }',
      params: {
        zh: '缺失：模式 "diagnose" 需要 "diagnose": { "vendors": [ …每个推送通道一个直连发送方… ] }',
      },
    });
  }
  if (!diagnose && plan.diagnose !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['diagnose'],
      message: 'is only read in mode "diagnose": add "mode": "diagnose" or remove it',
      params: { zh: '只在模式 "diagnose" 下使用：请添加 "mode": "diagnose" 或删除它' },
    });
  }
  if (diagnose && plan.sender.kind !== 'tencent') {
    ctx.addIssue({
      code: 'custom',
      path: ['sender', 'kind'],
      message: `is "${plan.sender.kind}", but mode "diagnose" compares the Tencent path with the vendor path: use "tencent"`,
      params: { zh: `是 "${plan.sender.kind}"，但模式 "diagnose" 比较腾讯链路和厂商链路：请使用 "tencent"` },
    });
  }
  const kinds = (plan.diagnose?.vendors ?? []).map((v) => v.kind);
  kinds.forEach((kind, i) => {
    if (kinds.indexOf(kind) !== i)
      ctx.addIssue({
        code: 'custom',
        path: ['diagnose', 'vendors', i, 'kind'],
        message: `"${kind}" is listed twice: one sender per push channel`,
        params: { zh: `"${kind}" 列出了两次：每个推送通道只能有一个发送方` },
      });
  });
}

/** A validated plan (defaults filled in). */
export type RunPlan = z.output<typeof planSchema>;
export type PlanAppProfile = RunPlan['app'];
export type PlanAppAction = PlanAppProfile['login'];
export type PlanAccount = z.output<typeof account>;
export type PlanSender = RunPlan['sender'];
/** A reference to a secret: an environment variable, a file, or a name in the encrypted store. */
export type SecretRef = z.output<typeof secretRef>;
export type ApnsPlanSender = Extract<PlanSender, { kind: 'apns' }>;
export type FcmPlanSender = Extract<PlanSender, { kind: 'fcm' }>;
export type XiaomiPlanSender = Extract<PlanSender, { kind: 'xiaomi' }>;
export type HuaweiPlanSender = Extract<PlanSender, { kind: 'huawei' }>;
export type HonorPlanSender = Extract<PlanSender, { kind: 'honor' }>;
export type OppoPlanSender = Extract<PlanSender, { kind: 'oppo' }>;
export type VivoPlanSender = Extract<PlanSender, { kind: 'vivo' }>;
export type MeizuPlanSender = Extract<PlanSender, { kind: 'meizu' }>;

/** The vendor sender a diagnose plan gives for a push channel (kind = channel), or null. */
export function diagnoseSenderFor(
  plan: Pick<RunPlan, 'diagnose'>,
  channel: string | null,
): DirectPlanSender | null {
  return plan.diagnose?.vendors.find((v) => v.kind === channel) ?? null;
}

/** The plan runs on iOS simulators: the simctl sender, or a simulator UDID among phones.serials. */
export function planNamesSimulators(plan: {
  readonly sender: { readonly kind: string };
  readonly phones: { readonly serials?: readonly string[] | undefined };
}): boolean {
  return (
    plan.sender.kind === 'simctl' ||
    (plan.phones.serials ?? []).some((serial) => SIMULATOR_UDID_PATTERN.test(serial))
  );
}

/** The phone's APNs / FCM / vendor push token from app.tokens, or null when the plan has none for it. */
export function deviceTokenFor(plan: Pick<RunPlan, 'app'>, serial: string): string | null {
  const serials = plan.app.tokens?.serials;
  return serials !== undefined && Object.hasOwn(serials, serial) ? (serials[serial] ?? null) : null;
}

/** A token as logs and evidence may show it: the first 8 characters (tokens are personal data). */
export function maskDeviceToken(token: string): string {
  return token.length <= 8 ? token : `${token.slice(0, 8)}…`;
}
