/**
 * Before a run is stored: what it will send per sender kind, refused when a count is above a
 * quota, and (diagnose mode) a vendor sender for every phone's push channel.
 */
import type { RunPlan } from '../../../../shared/runs/plan';
import { diagnoseSenderFor } from '../../../../shared/runs/plan';
import {
  describeBudgetLine,
  sendBudget,
  type SendBudgetLine,
  type SenderQuota,
} from '../../../../shared/runs/send-budget';
import { LabError } from '../../errors';
import type { ResolvedPhone } from './resolve-run';

export interface RunPreflight {
  readonly phones: readonly { readonly serial: string; readonly channel: string | null }[];
  readonly budget: readonly SendBudgetLine[];
}

/** The run's send budget; throws QUOTA_EXCEEDED or PLAN_INVALID when it cannot start. */
export function preflightRun(
  plan: RunPlan,
  phones: readonly ResolvedPhone[],
  quotas: Readonly<Record<string, SenderQuota>>,
): RunPreflight {
  const list = phones.map((p) => ({ serial: p.phone.serial, channel: p.phone.channel }));
  if (plan.mode === 'diagnose') {
    const missing = list.filter((p) => diagnoseSenderFor(plan, p.channel) === null);
    if (missing.length > 0) {
      const names = missing.map((p) => `${p.serial} (${p.channel ?? 'unknown channel'})`).join(', ');
      throw new LabError('PLAN_INVALID', `The diagnose plan has no vendor sender for ${names}.`, {
        hint: 'Add a sender whose kind is that push channel under diagnose.vendors, or leave the phone out of "phones".',
        zh: {
          message: `诊断计划没有 ${names} 的厂商发送方。`,
          hint: '请在 diagnose.vendors 下添加 kind 为该推送通道的发送方，或把这台手机从 "phones" 中去掉。',
        },
      });
    }
  }
  const budget = sendBudget(plan, list, quotas);
  const over = budget.filter((line) => line.over);
  if (over.length > 0) {
    const why = (line: SendBudgetLine, zh: boolean): string =>
      line.quotaSource === 'sender' ? ` — ${zh ? quotas[line.kind]?.zh : quotas[line.kind]?.en}` : '';
    throw new LabError(
      'QUOTA_EXCEEDED',
      `The run would send more than its quota allows: ${over.map((l) => describeBudgetLine(l, 'en') + why(l, false)).join('; ')}.`,
      {
        hint: 'Use fewer phones, scenarios or repeats, or raise "quota" in the plan if the lab really has that many sends left today.',
        zh: {
          message: `运行的发送次数会超出配额：${over.map((l) => describeBudgetLine(l, 'zh-CN') + why(l, true)).join('；')}。`,
          hint: '请减少手机、场景或重复次数；如果实验室今天确实还剩这么多发送次数，请提高计划中的 "quota"。',
        },
      },
    );
  }
  return { phones: list, budget };
}
