/**
 * Judges the facts: one list of checks, in the order a person fixes them (the app, whether it
 * may notify, its channels, DND and lock screen, battery, vendor limits, the push service, the
 * vendor's quotas). Pure apart from reading the vendor knowledge once.
 */
import type { DeviceIdentity } from '../../../shared/domain/device';
import type { DoctorCheck, DoctorSubject } from '../../../shared/domain/doctor';
import type { DoctorFacts } from './facts-types';
import { loadVendorKnowledge, vendorEntryFor, type VendorKnowledge } from './vendor-knowledge';
import { appChecks } from './checks/app';
import { batteryChecks } from './checks/battery';
import { channelChecks } from './checks/channels';
import type { CheckContext } from './checks/check';
import { dndChecks } from './checks/dnd';
import { lockscreenChecks } from './checks/lockscreen';
import { permissionChecks } from './checks/permission';
import { pushServiceChecks } from './checks/push-service';
import { quotaChecks } from './checks/quota-hints';
import { vendorChecks } from './checks/vendor';

export function evaluateChecks(
  facts: DoctorFacts,
  identity: DeviceIdentity | null,
  subject: DoctorSubject,
  knowledge: VendorKnowledge = loadVendorKnowledge(),
): DoctorCheck[] {
  const ctx: CheckContext = {
    facts,
    identity,
    subject,
    knowledge,
    vendor: identity ? vendorEntryFor(knowledge, identity.rom) : null,
  };
  return [
    ...appChecks(ctx),
    ...permissionChecks(ctx),
    ...channelChecks(ctx),
    ...dndChecks(ctx),
    ...lockscreenChecks(ctx),
    ...batteryChecks(ctx),
    ...vendorChecks(ctx),
    ...pushServiceChecks(ctx),
    ...quotaChecks(ctx),
  ];
}
