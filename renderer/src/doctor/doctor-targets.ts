/**
 * Which devices the Push readiness view lists: ready, identified Android phones (the board's
 * rule) and booted iOS simulators, whose doctor shows the iOS checks. Pure.
 */
import type { DeviceView } from '../../../shared/domain/device';
import { sortDevices } from '../devices/device-sort';
import { readinessReason } from '../platforms/readiness';

export function doctorTargets(devices: readonly DeviceView[]): DeviceView[] {
  return sortDevices(devices).filter((d) => readinessReason(d) === null);
}
