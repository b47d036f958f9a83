/**
 * The iOS platform's own request channels: the board's simulator list and its boot / shutdown
 * buttons (simulators:*), over the registry; the same checks and errors as `pushlab simulators`
 * (simulator-actions.ts). handlers.ts reaches them only through the platform table.
 */
import type { PlatformRequests } from '../platform/device-platform';
import { changeSimulatorState } from './simulator-actions';
import type { SimulatorRegistry } from './simulator-registry';

export function simulatorRequests(simulators: SimulatorRegistry): PlatformRequests<'ios'> {
  return {
    'simulators:list': async () => simulators.entries(),
    'simulators:boot': async (udid) => changeSimulatorState(simulators, udid, 'boot'),
    'simulators:shutdown': async (udid) => changeSimulatorState(simulators, udid, 'shutdown'),
  };
}
