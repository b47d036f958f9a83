/**
 * Before Start: how many pushes the plan in the box will send, per sender kind (phones x scenarios
 * x repeats x senders), counted on the phones attached now, with any over-quota line flagged. The
 * core counts again at start and refuses a run over a quota (the senders' own quotas included).
 */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { DeviceView } from '../../../shared/domain/device';
import { safeParsePlan } from '../../../shared/runs/parse-plan';
import type { RunPlan } from '../../../shared/runs/plan';
import {
  describeBudgetLine,
  sendBudget,
  type BudgetPhone,
  type SendBudgetLine,
} from '../../../shared/runs/send-budget';
import { useI18n } from '../app/i18n-context';
import { useStores } from '../app/stores-context';

/** The plan's phones among those attached (as the core resolves them: named serials, every ready phone of a vendor). */
export function budgetPhones(plan: RunPlan, devices: readonly DeviceView[]): BudgetPhone[] {
  const chosen = new Map<string, BudgetPhone>();
  for (const serial of plan.phones.serials ?? []) {
    const device = devices.find((d) => d.serial === serial);
    chosen.set(serial, { serial, channel: device?.identity?.pushChannel ?? null });
  }
  for (const vendor of plan.phones.vendors ?? [])
    for (const d of devices)
      if (d.state === 'device' && d.identity?.pushChannel === vendor)
        chosen.set(d.serial, { serial: d.serial, channel: vendor });
  return [...chosen.values()];
}

export function planBudget(draft: string, devices: readonly DeviceView[]): SendBudgetLine[] | null {
  let json: unknown;
  try {
    json = JSON.parse(draft);
  } catch {
    return null;
  }
  const parsed = safeParsePlan(json);
  if (!parsed.ok) return null;
  const phones = budgetPhones(parsed.value, devices);
  return phones.length === 0 ? null : sendBudget(parsed.value, phones);
}

export function SendPreview() {
  const { t, locale } = useI18n();
  const { runs, devices } = useStores();
  const draft = useStore(runs, (s) => s.draft);
  const attached = useStore(devices, (s) => s.devices);
  const lines = useMemo(() => planBudget(draft, attached), [draft, attached]);
  if (lines === null) return null;
  const lang = locale === 'zh-CN' ? 'zh-CN' : 'en';
  return (
    <div className="send-preview" aria-live="polite">
      <p className="send-preview__heading">{t('runs.budget.heading')}</p>
      <ul>
        {lines.map((line) => (
          <li key={line.kind} data-sender={line.kind} className={line.over ? 'warning' : undefined}>
            {describeBudgetLine(line, lang)}
          </li>
        ))}
      </ul>
      <p className="muted">{t('runs.budget.note')}</p>
    </div>
  );
}
