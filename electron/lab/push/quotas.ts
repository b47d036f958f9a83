/**
 * Send quotas the senders declare: the most pushes one run may send through a sender kind (for a
 * vendor, e.g. its daily cap on the class PushLab sends). A sender with no entry declares none;
 * the plan's own "quota" still applies. A direct sender adds its declaration here, keyed by kind.
 */
import type { LimitedVendor } from '../../../shared/push/vendor-limits';
import type { DirectPlanSender, PlanSender, RunPlan } from '../../../shared/runs/plan';
import { planScenarioIds } from '../../../shared/runs/parse-plan';
import type { SenderQuota } from '../../../shared/runs/send-budget';
import { scenarioById } from '../../../shared/scenarios/catalog';
import { CONTROL_SCENARIO_ID } from '../runs/engine/attempt-end';
import { vendorSendCap, type VendorSendCap } from './direct/send-cap';

export type { SenderQuota } from '../../../shared/runs/send-budget';

type QuotaDeclaration = (
  config: PlanSender | DirectPlanSender,
  plan: Pick<RunPlan, 'scenarios' | 'repeats'>,
) => SenderQuota | null;

/**
 * A vendor's documented daily cap per phone (VENDOR_SEND_LIMITS, through vendorSendCap) and how
 * many of the run's sends per phone fall in the capped class: each scenario's class is the plan
 * sender's class fields over the scenario's own, as the builders send it. None when no scenario's
 * class is capped per device or the plan cannot tell.
 */
function vendorDailyCap(vendor: LimitedVendor): QuotaDeclaration {
  return (config, plan) => {
    if (config.kind !== vendor) return null;
    const sender = config as Extract<PlanSender, { kind: LimitedVendor }>;
    let cap: VendorSendCap | null = null;
    let capped = 0;
    for (const id of planScenarioIds(plan)) {
      const own = vendorSendCap(sender, scenarioById(id)?.message.push?.vendor);
      if (own === null) continue;
      cap ??= own;
      capped += plan.repeats;
    }
    if (cap === null) return null;
    const control = vendorSendCap(sender, scenarioById(CONTROL_SCENARIO_ID)?.message.push?.vendor) !== null;
    return {
      sends: cap.perDevicePerDay,
      perPhone: true,
      cappedPerPhone: capped,
      controlCapped: control,
      en: cap.en,
      zh: cap.zh,
    };
  };
}

/**
 * By sender kind. None of Tencent, APNs and FCM caps a test lab's sends per day (FCM's limit is per
 * minute); the six vendors cap their marketing classes per phone and day.
 */
export const SENDER_QUOTA_DECLARATIONS: Readonly<Record<string, QuotaDeclaration | undefined>> = {
  xiaomi: vendorDailyCap('xiaomi'),
  huawei: vendorDailyCap('huawei'),
  honor: vendorDailyCap('honor'),
  oppo: vendorDailyCap('oppo'),
  vivo: vendorDailyCap('vivo'),
  meizu: vendorDailyCap('meizu'),
};

/** Every quota the plan's senders declare (the run's sender and the diagnose mode's vendor senders). */
export function declaredSenderQuotas(
  plan: Pick<RunPlan, 'sender' | 'diagnose' | 'scenarios' | 'repeats'>,
  declarations: Readonly<Record<string, QuotaDeclaration | undefined>> = SENDER_QUOTA_DECLARATIONS,
): Record<string, SenderQuota> {
  const quotas: Record<string, SenderQuota> = {};
  for (const config of [plan.sender, ...(plan.diagnose?.vendors ?? [])]) {
    const quota = declarations[config.kind]?.(config, plan) ?? null;
    if (quota !== null) quotas[config.kind] = quota;
  }
  return quotas;
}
