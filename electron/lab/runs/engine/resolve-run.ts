/**
 * From a validated plan and the phones attached now to what a run is: its phones (with what the
 * expectations need to know about each) and every attempt in run order. Pure; no phone is touched.
 */
import type { DeviceView, Platform } from '../../../../shared/domain/device';
import type { DoctorReport } from '../../../../shared/domain/doctor';
import type { RunPlan } from '../../../../shared/runs/plan';
import { planScenarioIds } from '../../../../shared/runs/parse-plan';
import type { RunPhone } from '../../../../shared/runs/types';
import { scenarioById } from '../../../../shared/scenarios/catalog';
import { expectFor, expectationKind } from '../../../../shared/scenarios/rules/expect';
import type { AppProfile, ExpectationKind, PhoneContext, Scenario } from '../../../../shared/scenarios/types';
import { LabError } from '../../errors';
import type { RunPlanning } from '../../platform/device-platform';

/** Each platform's pure planning (resolve a device, refuse a plan it cannot run). */
export type PlanningTable = Readonly<Record<Platform, RunPlanning>>;

export interface ResolvedPhone {
  readonly phone: RunPhone;
  /** Whose runs drive it (see electron/lab/platform). */
  readonly platform: Platform;
  readonly context: PhoneContext;
  /** What reports show about the phone (stored with the run, since phones change). */
  readonly details: PhoneDetails;
}

export interface PhoneDetails {
  readonly brand: string;
  readonly marketingName: string | null;
  readonly rom: { readonly name: string; readonly version: string | null };
  readonly androidVersion: string | null;
  readonly sdk: number | null;
}

export interface PlannedAttempt {
  readonly serial: string;
  readonly scenarioId: string;
  readonly repeat: number;
  readonly ordinal: number;
}

/** The plan's phones among those attached: named serials must be ready; vendors take every ready phone of that channel. */
export function resolvePhones(
  plan: RunPlan,
  attached: readonly DeviceView[],
  platforms: PlanningTable,
): ResolvedPhone[] {
  // Vendors name Android push channels: only phones on that channel match.
  const ready = attached.filter((d) => d.state === 'device' && d.identity !== null);
  const chosen = new Map<string, DeviceView>();
  const problems: string[] = [];
  const problemsZh: string[] = [];
  for (const serial of plan.phones.serials ?? []) {
    const view = attached.find((d) => d.serial === serial);
    if (!view) {
      problems.push(`${serial} is not attached`);
      problemsZh.push(`${serial} 未连接`);
    } else if (view.state !== 'device') {
      problems.push(`${serial} is ${view.state}`);
      problemsZh.push(`${serial} 的状态为 ${view.state}`);
    } else if (view.identity === null) {
      problems.push(`${serial} has not been identified yet (${view.identityStatus})`);
      problemsZh.push(`${serial} 尚未识别（${view.identityStatus}）`);
    } else chosen.set(serial, view);
  }
  for (const vendor of plan.phones.vendors ?? []) {
    const matches = ready.filter((d) => d.identity?.pushChannel === vendor);
    if (matches.length === 0) {
      problems.push(`no attached phone uses the ${vendor} channel`);
      problemsZh.push(`没有已连接的手机使用 ${vendor} 通道`);
    }
    for (const d of matches) chosen.set(d.serial, d);
  }
  if (problems.length > 0) {
    throw new LabError(
      'DEVICE_NOT_FOUND',
      `The plan names phones that can't run now: ${problems.join('; ')}.`,
      {
        hint: 'Plug the phones in and allow USB debugging (see the Devices view), or change "phones" in the plan.',
        zh: {
          message: `计划指定的手机现在无法运行：${problemsZh.join('；')}。`,
          hint: '请插上手机并允许 USB 调试（见“设备”视图），或修改计划中的 "phones"。',
        },
      },
    );
  }
  // Each platform refuses what its devices cannot run (a simulator-only sender, a foreign app id).
  for (const platform of Object.keys(platforms) as Platform[]) {
    const serials = [...chosen.values()].filter((d) => d.platform === platform).map((d) => d.serial);
    const refusal = platforms[platform].refusePlan(plan, serials);
    if (refusal) throw refusal;
  }
  return [...chosen.values()]
    .sort((a, b) => a.serial.localeCompare(b.serial))
    .map((view) => toResolved(view, platforms));
}

function toResolved(view: DeviceView, platforms: PlanningTable): ResolvedPhone {
  const id = view.identity;
  if (id === null) {
    throw new LabError('DEVICE_NOT_READY', `Phone ${view.serial} has no identity yet.`, {
      zh: { message: `手机 ${view.serial} 还没有身份信息。` },
    });
  }
  return platforms[view.platform].resolve(view, id);
}

/** The app profile the expectation rules read, from the plan. */
export function appProfileOf(plan: RunPlan): AppProfile {
  const push = plan.app.push ?? {};
  return {
    ...(push.highClassChannelIds ? { highClassChannelIds: push.highClassChannelIds } : {}),
    ...(push.fcmPriority ? { fcmPriority: push.fcmPriority } : {}),
    ...(push.apns ? { apns: push.apns } : {}),
    ...(push.postsOwnNotificationInForeground !== undefined
      ? { postsOwnNotificationInForeground: push.postsOwnNotificationInForeground }
      : {}),
  };
}

export function scenarioOf(id: string): Scenario {
  const scenario = scenarioById(id);
  if (!scenario) {
    throw new LabError('PLAN_INVALID', `"${id}" is not a scenario id.`, {
      hint: 'Run `pushlab scenarios` for the list.',
      zh: { message: `"${id}" 不是场景 id。`, hint: '请运行 `pushlab scenarios` 查看列表。' },
    });
  }
  return scenario;
}

const KIND_RANK: Readonly<Record<ExpectationKind, number>> = {
  'must-show': 0,
  predicted: 1,
  'must-not-show': 2,
  undecided: 2,
  'not-applicable': 3,
};

/**
 * Run order per phone: repeat by repeat, and within a repeat the scenarios that must show first,
 * so a positive control (a push that did show) exists before anything judged "not shown".
 */
export function planAttempts(plan: RunPlan, phones: readonly ResolvedPhone[]): PlannedAttempt[] {
  const ids = planScenarioIds(plan);
  const profile = appProfileOf(plan);
  const attempts: PlannedAttempt[] = [];
  for (const { phone, context } of phones) {
    // Requirements that must show first, then predicted drops, then "nothing may show".
    const rank = (id: string): number =>
      KIND_RANK[expectationKind(expectFor(scenarioOf(id), context, profile))];
    const ordered = [...ids].map((id, i) => ({ id, i, r: rank(id) })).sort((a, b) => a.r - b.r || a.i - b.i);
    let ordinal = 0;
    for (let repeat = 1; repeat <= plan.repeats; repeat++) {
      for (const { id } of ordered)
        attempts.push({ serial: phone.serial, scenarioId: id, repeat, ordinal: ordinal++ });
    }
  }
  return attempts;
}

/** Facts from a doctor report that change expectations (null = the doctor could not tell). */
export function contextFromDoctor(base: PhoneContext, report: DoctorReport | null): PhoneContext {
  if (report === null) return base;
  const status = (id: string): string | null => report.checks.find((c) => c.id === id)?.status ?? null;
  const fact = (id: string): boolean | null => {
    const s = status(id);
    return s === 'ok' ? true : s === 'fail' ? false : null;
  };
  const permission = status('notifications.permission');
  const app = status('notifications.app');
  const blocked =
    permission === 'fail' || app === 'fail' ? true : permission === 'ok' && app === 'ok' ? false : null;
  const service = fact('push.service');
  const autostart = fact('vendor.autostart');
  return {
    ...base,
    notificationsBlocked: blocked,
    pushServiceReady: service ?? base.pushServiceReady ?? null,
    pushServiceProblem: service === true ? null : (base.pushServiceProblem ?? null),
    autostartAllowed: autostart,
  };
}
