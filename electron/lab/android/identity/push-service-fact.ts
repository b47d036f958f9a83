import type { PushServiceInfo } from '../../../../shared/domain/device';
import type { PhoneContext } from '../../../../shared/scenarios/types';
import { CHANNEL_TABLE } from '../../../../shared/vendors/vendor-table';

/**
 * What the identity proves about the channel's push service. Google Play services and HMS Core
 * have one package each, so their absence is a fact; Honor's push SDK can bind to a proxy in a
 * package PushLab does not know, so a missing agent is unknown (null), never "missing".
 */
export function pushServiceFact(
  channel: PhoneContext['channel'],
  services: readonly PushServiceInfo[],
): Pick<PhoneContext, 'pushServiceReady' | 'pushServiceProblem'> {
  // Which channels are checked, and which may be proxied: the vendor table (shared/vendors).
  if (!CHANNEL_TABLE[channel].serviceRequired) return { pushServiceReady: null, pushServiceProblem: null };
  const service = services.find((s) => s.channel === channel);
  if (service === undefined) {
    return CHANNEL_TABLE[channel].proxied
      ? { pushServiceReady: null, pushServiceProblem: null }
      : { pushServiceReady: false, pushServiceProblem: 'missing' };
  }
  return service.meetsMinimum === false
    ? { pushServiceReady: false, pushServiceProblem: 'too-old' }
    : { pushServiceReady: true, pushServiceProblem: null };
}
