/**
 * Send quotas the senders declare: the most pushes one run may send through a sender kind (for a
 * vendor, e.g. its daily cap on the class PushLab sends). A sender with no entry declares none;
 * the plan's own "quota" still applies. A direct sender adds its declaration here, keyed by kind.
 */
import type { LimitedVendor } from '../../../shared/push/vendor-limits';
import type { DirectPlanSender, PlanSender, RunPlan } from '../../../shared/runs/plan';
import type { SenderQuota } from '../../../shared/runs/send-budget';
import { vendorSendCap } from './direct/send-cap';

export type { SenderQuota } from '../../../shared/runs/send-budget';

type QuotaDeclaration = (config: PlanSender | DirectPlanSender) => SenderQuota | null;

/**
 * A vendor's documented daily cap per phone for the class the plan sender sends (VENDOR_SEND_LIMITS,
 * through vendorSendCap); none when that class is not capped per device or the plan cannot tell.
 */
function vendorDailyCap(vendor: LimitedVendor): QuotaDeclaration {
  return (config) => {
    if (config.kind !== vendor) return null;
    const cap = vendorSendCap(config as Extract<PlanSender, { kind: LimitedVendor }>);
    return cap === null ? null : { sends: cap.perDevicePerDay, perPhone: true, en: cap.en, zh: cap.zh };
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
  plan: Pick<RunPlan, 'sender' | 'diagnose'>,
  declarations: Readonly<Record<string, QuotaDeclaration | undefined>> = SENDER_QUOTA_DECLARATIONS,
): Record<string, SenderQuota> {
  const quotas: Record<string, SenderQuota> = {};
  for (const config of [plan.sender, ...(plan.diagnose?.vendors ?? [])]) {
    const quota = declarations[config.kind]?.(config) ?? null;
    if (quota !== null) quotas[config.kind] = quota;
  }
  return quotas;
}
