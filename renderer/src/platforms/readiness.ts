/**
 * When a device is ready for work (install, doctor), by its platform's rule, chosen by table: an
 * Android phone must be connected, authorized and identified (the board's rule); a simulator
 * booted and listed with its iOS. Pure.
 */
import type { DeviceView, Platform } from '../../../shared/domain/device';
import { platformFacts } from '../../../shared/platforms/platform-facts';

/** Why a device cannot be picked right now. */
export type NotSelectableReason = 'state' | 'identityPending' | 'identityFailed' | 'platform';

type Readiness = (device: DeviceView) => Exclude<NotSelectableReason, 'platform'> | null;

const READINESS = {
  android: (device) => {
    if (device.state !== 'device') return 'state';
    if (device.identityStatus === 'failed') return 'identityFailed';
    if (device.identityStatus !== 'ready' || device.identity === null) return 'identityPending';
    return null;
  },
  ios: (device) => {
    if (device.state !== 'device') return 'state';
    return device.identity === null ? 'identityPending' : null;
  },
} as const satisfies Record<Platform, Readiness>;

/** Why the device is not ready for an install or the doctor; null when it is. */
export function readinessReason(device: DeviceView): NotSelectableReason | null {
  return READINESS[device.platform](device);
}

/** Why the device cannot be picked on the board (runs from the board take its platforms only). */
export function boardReason(device: DeviceView): NotSelectableReason | null {
  return platformFacts(device.platform).boardSelectable ? readinessReason(device) : 'platform';
}
