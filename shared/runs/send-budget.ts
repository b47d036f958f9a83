/**
 * How many pushes a run will send, per sender kind, before it starts: phones x scenarios x
 * repeats for the plan's sender (plus one positive-control push per phone, the most it sends),
 * and in diagnose mode the same again through each phone's vendor sender. A kind whose count is
 * above its quota (the plan's "quota", or the sender's own) refuses the run, so a lab's daily
 * quota is never burnt by surprise.
 */
import { planScenarioIds } from './parse-plan';
import { diagnoseSenderFor, type RunPlan } from './plan';

export interface BudgetPhone {
  readonly serial: string;
  /** The phone's push channel (for the diagnose mode's vendor sender); null = unknown. */
  readonly channel: string | null;
}

/** The most sends a sender may make in one run, as the sender declares it (e.g. a vendor's daily cap). */
export interface SenderQuota {
  readonly sends: number;
  /** `sends` is per phone (a vendor's daily cap per device): the run's quota is it times the phones. */
  readonly perPhone?: boolean;
  /**
   * Of the scenario sends per phone, how many are in the capped class (a vendor caps only its
   * marketing class; the scenario decides the class unless the plan sets it); absent = all.
   */
  readonly cappedPerPhone?: number;
  /** The positive-control push (the run's own sender only) is in the capped class. */
  readonly controlCapped?: boolean;
  /** Where the number comes from, for the refusal. */
  readonly en: string;
  readonly zh: string;
}

export interface SendBudgetLine {
  readonly kind: string;
  /** Phones this kind sends to. */
  readonly phones: number;
  /** The most pushes the run sends through this kind. */
  readonly sends: number;
  /** Of `sends`, those in the class the sender's own quota caps; null = all of them. */
  readonly capped: number | null;
  /** The lower of the plan's quota and the sender's own; null = none declared. */
  readonly quota: number | null;
  readonly quotaSource: 'plan' | 'sender' | null;
  readonly over: boolean;
}

export function sendBudget(
  plan: Pick<RunPlan, 'scenarios' | 'repeats' | 'sender' | 'mode' | 'diagnose' | 'quota'>,
  phones: readonly BudgetPhone[],
  senderQuotas: Readonly<Record<string, SenderQuota | undefined>> = {},
): SendBudgetLine[] {
  const perPhone = planScenarioIds(plan).length * plan.repeats;
  const counts = new Map<string, { phones: number; sends: number; capped: number }>();
  const add = (kind: string, sends: number, control: boolean): void => {
    const line = counts.get(kind) ?? { phones: 0, sends: 0, capped: 0 };
    const declared = senderQuotas[kind];
    const capped =
      (declared?.cappedPerPhone ?? sends) + (control && declared?.controlCapped === true ? 1 : 0);
    counts.set(kind, { phones: line.phones + 1, sends: line.sends + sends, capped: line.capped + capped });
  };
  for (const phone of phones) {
    // A positive-control push is sent at most once per phone, before a "must not show" attempt.
    add(plan.sender.kind, perPhone + 1, true);
    if (plan.mode === 'diagnose') {
      const vendor = diagnoseSenderFor(plan, phone.channel);
      if (vendor !== null) add(vendor.kind, perPhone, false);
    }
  }
  return [...counts.entries()].map(([kind, { phones: n, sends, capped }]) => {
    const fromPlan = plan.quota?.[kind as keyof NonNullable<RunPlan['quota']>] ?? null;
    const declared = senderQuotas[kind];
    const fromSender =
      declared === undefined ? null : declared.perPhone === true ? declared.sends * n : declared.sends;
    const quota =
      fromPlan === null ? fromSender : fromSender === null ? fromPlan : Math.min(fromPlan, fromSender);
    const quotaSource = quota === null ? null : quota === fromPlan ? 'plan' : 'sender';
    // The plan's quota counts every send; the sender's own only those in its capped class.
    const over = (fromPlan !== null && sends > fromPlan) || (fromSender !== null && capped > fromSender);
    const cappedShown = declared?.cappedPerPhone === undefined ? null : capped;
    return { kind, phones: n, sends, capped: cappedShown, quota, quotaSource, over };
  });
}

/** One line per sender kind, e.g. "tencent: up to 13 sends to 2 phone(s) (quota 100 from the plan)". */
export function describeBudgetLine(line: SendBudgetLine, locale: 'en' | 'zh-CN'): string {
  if (locale === 'zh-CN') {
    const quota =
      line.quota === null
        ? '未声明配额'
        : `配额 ${line.quota}，来自${line.quotaSource === 'plan' ? '计划' : '发送方'}`;
    const capped = line.capped === null ? '' : `，其中 ${line.capped} 次属于受限类别`;
    return `${line.kind}：最多 ${line.sends} 次发送${capped}，发往 ${line.phones} 台手机（${quota}）${line.over ? '，超出配额' : ''}`;
  }
  const quota =
    line.quota === null
      ? 'no quota declared'
      : `quota ${line.quota} from the ${line.quotaSource === 'plan' ? 'plan' : 'sender'}`;
  const capped = line.capped === null ? '' : `, ${line.capped} of them in the capped class`;
  return `${line.kind}: up to ${line.sends} sends${capped} to ${line.phones} phone(s) (${quota})${line.over ? ', OVER QUOTA' : ''}`;
}
