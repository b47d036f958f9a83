/**
 * The push lab's diagnose plan: the phones whose push channel has a direct sender in the world
 * (FCM through the direct paths, the six Chinese vendors through their emulators), every push sent
 * through Tencent and through the vendor directly, each phone's token read from logcat with the
 * Tencent SDK preset (the direct paths log the token the vendor's emulator knows).
 */
import type { DirectPaths } from '../direct/direct-paths';
import { fcmVendorSender } from '../direct/direct-paths';
import { pushLabPlanJson, type PushLabPlanInput, type PushLabPlanOverrides } from './plan';
import { DIRECT_VENDORS, type VendorPushWorld } from './vendor-push';

/** The channels the world reaches directly (fcm + the six vendors), with their vendor sender for a plan. */
export function worldVendorSenders(
  direct: DirectPaths,
  vendors: VendorPushWorld,
): Record<string, Record<string, unknown>> {
  return {
    fcm: fcmVendorSender(direct),
    ...Object.fromEntries(DIRECT_VENDORS.map((v) => [v, vendors.sender(v)])),
  };
}

/** Scenarios where a push must show in the background: the question "which link failed" is theirs. */
export const DIAGNOSE_SCENARIOS = ['background-c2c-text', 'background-title-desc'] as const;

interface DiagnoseInput extends PushLabPlanInput {
  readonly phones: readonly { readonly serial: string; readonly account: string; readonly channel: string }[];
}

export function diagnosePlanOverrides(
  input: DiagnoseInput,
  direct: DirectPaths,
  vendors: VendorPushWorld,
): PushLabPlanOverrides {
  const senders = worldVendorSenders(direct, vendors);
  const phones = input.phones.filter((p) => Object.hasOwn(senders, p.channel));
  const base = pushLabPlanJson(input);
  const app = base.app as Record<string, unknown>;
  return {
    name: 'PushLab virtual lab: which link failed',
    app: { ...app, tokens: { fromLogcat: { preset: 'tencent-offline-push' } } },
    phones: { serials: phones.map((p) => p.serial) },
    scenarios: [...DIAGNOSE_SCENARIOS],
    mode: 'diagnose',
    diagnose: { vendors: [...new Set(phones.map((p) => p.channel))].map((c) => senders[c]) },
  };
}
