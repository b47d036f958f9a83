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
  const counts = new Map<string, { phones: number; sends: number }>();
  const add = (kind: string, sends: number): void => {
    const line = counts.get(kind) ?? { phones: 0, sends: 0 };
    counts.set(kind, { phones: line.phones + 1, sends: line.sends + sends });
  };
  for (const phone of phones) {
    // A positive-control push is sent at most once per phone, before a "must not show" attempt.
    add(plan.sender.kind, perPhone + 1);
    if (plan.mode === 'diagnose') {
      const vendor = diagnoseSenderFor(plan, phone.channel);
      if (vendor !== null) add(vendor.kind, perPhone);
    }
  }
  return [...counts.entries()].map(([kind, { phones: n, sends }]) => {
    const fromPlan = plan.quota?.[kind as keyof NonNullable<RunPlan['quota']>] ?? null;
    const declared = senderQuotas[kind];
    const fromSender =
      declared === undefined ? null : declared.perPhone === true ? declared.sends * n : declared.sends;
    const quota =
      fromPlan === null ? fromSender : fromSender === null ? fromPlan : Math.min(fromPlan, fromSender);
    const quotaSource = quota === null ? null : quota === fromPlan ? 'plan' : 'sender';
    return { kind, phones: n, sends, quota, quotaSource, over: quota !== null && sends > quota };
  });
}

/** One line per sender kind, e.g. "tencent: up to 13 sends to 2 phone(s) (quota 100 from the plan)". */
export function describeBudgetLine(line: SendBudgetLine, locale: 'en' | 'zh-CN'): string {
  if (locale === 'zh-CN') {
    const quota =
      line.quota === null
        ? '未声明配额'
        : `配额 ${line.quota}，来自${line.quotaSource === 'plan' ? '计划' : '发送方'}`;
    return `${line.kind}：最多 ${line.sends} 次发送，发往 ${line.phones} 台手机（${quota}）${line.over ? '，超出配额' : ''}`;
  }
  const quota =
    line.quota === null
      ? 'no quota declared'
      : `quota ${line.quota} from the ${line.quotaSource === 'plan' ? 'plan' : 'sender'}`;
  return `${line.kind}: up to ${line.sends} sends to ${line.phones} phone(s) (${quota})${line.over ? ', OVER QUOTA' : ''}`;
}
