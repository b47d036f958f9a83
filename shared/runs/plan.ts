/**
 * The run plan (`pushlab run --plan plan.json`): app profile, build, phones, scenarios, repeats,
 * sender and timeouts. Secrets are never inline, only a reference (an environment variable name,
 * a file path or a name in the app's encrypted store). Unknown fields are refused so a typo never
 * silently changes a run. Format: README.md, "Offline-push runs".
 */
import { z } from 'zod';
import { PUSH_CHANNELS } from '../domain/device';
import { serialSchema } from '../ipc';
import { SCENARIOS } from '../scenarios/catalog';
import { templateProblems } from './template';

/** Tencent IM data-centre regions (same names as the core's TENCENT_REGION_DOMAINS). */
export const TENCENT_REGIONS = ['china', 'singapore', 'seoul', 'frankfurt', 'mumbai', 'silicon-valley', 'jakarta'] as const;

const PRINTABLE = /^[^\u0000-\u001f\u007f-\u009f]*$/;
const text = (max: number): z.ZodString => z.string().min(1).max(max).regex(PRINTABLE, 'must be one line without control characters');

const packageName = z
  .string()
  .max(255)
  .regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$/, 'must be an Android package name such as com.example.app');
const activity = z
  .string()
  .max(255)
  .regex(/^\.?[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)*$/, 'must be an activity class name such as .MainActivity');

/** Tencent UserIDs as PushLab accepts them: letters, digits and _ - . @ (at most 32). */
const account = z.strictObject({
  account: z.string().regex(/^[A-Za-z0-9_.@-]{1,32}$/, 'must be a Tencent UserID: 1-32 letters, digits, _ - . @'),
  nickname: text(64).optional(),
});

const shellAction = z.strictObject({ kind: z.literal('shell'), template: text(1000) }).superRefine((v, ctx) => {
  for (const problem of templateProblems(v.template, 'shell')) ctx.addIssue({ code: 'custom', path: ['template'], message: `template ${problem}` });
});
const deeplinkAction = z.strictObject({ kind: z.literal('deeplink'), uri: text(2000) }).superRefine((v, ctx) => {
  for (const problem of templateProblems(v.uri, 'deeplink')) ctx.addIssue({ code: 'custom', path: ['uri'], message: `uri ${problem}` });
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
  /** The app's push set-up, as the expectation rules need it (see shared/scenarios AppProfile). */
  push: z
    .strictObject({
      highClassChannelIds: z.array(text(100)).max(50).optional(),
      fcmPriority: z.enum(['high', 'normal']).optional(),
      apns: z.strictObject({ build: z.enum(['debug', 'release']), certificate: z.enum(['development', 'production']) }).optional(),
      postsOwnNotificationInForeground: z.boolean().optional(),
    })
    .optional(),
});

/** Where the Tencent secret key comes from; the plan never holds the value itself. */
const secretRef = z.union(
  [
    z.strictObject({ env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, 'must be an environment variable name') }),
    z.strictObject({ file: text(4096) }),
    // A name in the app's encrypted secret store (same names as the SecretStore accepts).
    z.strictObject({ stored: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'must be a stored secret name such as "tencent.secretKey"') }),
  ],
  { error: 'must be a reference, { "env": "NAME" }, { "file": "PATH" } or { "stored": "NAME" }: secrets are never written in the plan' },
);

const loopbackOrHttps = (raw: string): boolean => {
  try {
    const url = new URL(raw);
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
};

const tencentSender = z
  .strictObject({
    kind: z.literal('tencent'),
    sdkAppId: z.int().positive().max(2 ** 32 - 1),
    adminIdentifier: z.string().regex(/^[A-Za-z0-9_.@-]{1,32}$/, 'must be the app admin UserID'),
    region: z.enum(TENCENT_REGIONS).optional(),
    baseUrl: z.string().max(2000).refine(loopbackOrHttps, 'must be an https:// URL (http:// only on 127.0.0.1 or localhost)').optional(),
    secret: secretRef,
    /** The group that group scenarios are sent to (custom IDs, or Tencent's own "@TGS#…"). */
    groupId: z.string().regex(/^[A-Za-z0-9_.@#-]{1,48}$/, 'must be a Tencent group ID: 1-48 letters, digits, _ - . @ #').optional(),
  })
  .refine((s) => (s.region === undefined) !== (s.baseUrl === undefined), {
    message: `needs exactly one of "region" (${TENCENT_REGIONS.join(', ')}) or "baseUrl"`,
  });
const commandSender = z.strictObject({ kind: z.literal('command'), command: text(4096), args: z.array(z.string().max(4096).regex(PRINTABLE)).max(100).optional() });
const manualSender = z.strictObject({ kind: z.literal('manual') });

const scenarioIds = SCENARIOS.map((s) => s.id);

export const planSchema = z.strictObject({
  name: text(200),
  app: appProfile,
  build: z.strictObject({ apk: text(4096), install: z.boolean().default(true) }).optional(),
  phones: z
    .strictObject({ serials: z.array(serialSchema).max(200).optional(), vendors: z.array(z.enum(PUSH_CHANNELS)).optional() })
    .refine((p) => (p.serials?.length ?? 0) + (p.vendors?.length ?? 0) > 0, { message: 'names no phone: list "serials", "vendors" or both' }),
  scenarios: z.union([z.literal('all'), z.array(z.string()).min(1)]).superRefine((v, ctx) => {
    if (v === 'all') return;
    v.forEach((id, i) => {
      if (!scenarioIds.includes(id)) ctx.addIssue({ code: 'custom', path: [i], message: `"${id.slice(0, 80)}" is not a scenario id (see \`pushlab scenarios\` or shared/scenarios/catalog.ts)` });
      else if (v.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: [i], message: `"${id}" is listed twice: use "repeats" to run it more often` });
    });
  }),
  repeats: z.int().min(1).max(50),
  sender: z.discriminatedUnion('kind', [tencentSender, commandSender, manualSender]),
  timeouts: z
    .strictObject({ pushMs: z.int().min(1000).max(3_600_000).default(60_000), stepMs: z.int().min(1000).max(600_000).default(30_000) })
    .default({ pushMs: 60_000, stepMs: 30_000 }),
});

/** A validated plan (defaults filled in). */
export type RunPlan = z.output<typeof planSchema>;
export type PlanAppProfile = RunPlan['app'];
export type PlanAppAction = PlanAppProfile['login'];
export type PlanAccount = z.output<typeof account>;
export type PlanSender = RunPlan['sender'];
/** A reference to a secret: an environment variable, a file, or a name in the encrypted store. */
export type SecretRef = z.output<typeof secretRef>;
