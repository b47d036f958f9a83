/**
 * Doze, battery and boot state of a virtual phone, kept beside PhoneState (keyed by it) so the
 * state shape other modules build stays untouched. Semantics follow AOSP
 * frameworks/base apex/jobscheduler/service/java/com/android/server/DeviceIdleController.java
 * (force-idle / unforce / step / get) and services/core/java/com/android/server/BatteryService.java
 * (unplug / reset: "updates stopped" until reset).
 */
import { randomUUID } from 'node:crypto';
import type { PhoneState } from './state';

/** DeviceIdleController.stateToString. */
export type DeepState =
  'ACTIVE' | 'INACTIVE' | 'IDLE_PENDING' | 'SENSING' | 'LOCATING' | 'IDLE' | 'IDLE_MAINTENANCE';
/** DeviceIdleController.lightStateToString (the subset a step walks through). */
export type LightState = 'ACTIVE' | 'INACTIVE' | 'IDLE' | 'IDLE_MAINTENANCE' | 'OVERRIDE';

export interface PowerExtras {
  deep: DeepState;
  light: LightState;
  forceIdle: boolean;
  /** `dumpsys battery unplug` until `reset`: BatteryService reports no charger. */
  unplugged: boolean;
  /** `svc power stayon true|usb|ac|wireless`. */
  stayOn: string;
  /** /proc/sys/kernel/random/boot_id: a new UUID on every boot. */
  bootId: string;
  /**
   * What the lab does when the phone reboots (drop off adb, come back, then call `booted` to set
   * sys.boot_completed); none = an instant reboot that stays connected.
   */
  onReboot: ((booted: () => void) => void) | null;
}

const EXTRAS = new WeakMap<PhoneState, PowerExtras>();

export function powerExtras(phone: PhoneState): PowerExtras {
  let extras = EXTRAS.get(phone);
  if (!extras) {
    extras = {
      deep: 'ACTIVE',
      light: 'ACTIVE',
      forceIdle: false,
      unplugged: false,
      stayOn: 'false',
      bootId: randomUUID(),
      onReboot: null,
    };
    EXTRAS.set(phone, extras);
  }
  return extras;
}

/** The virtual phone sits on a charger unless the battery was "unplugged" from the shell. */
export function isCharging(phone: PhoneState): boolean {
  return !powerExtras(phone).unplugged;
}

/**
 * The deep state now: without force-idle, the screen on or a charger brings the controller back
 * to ACTIVE (becomeActiveLocked("screen"/"charging")); a forced idle holds.
 */
export function currentDeepState(phone: PhoneState): DeepState {
  const x = powerExtras(phone);
  if (!x.forceIdle && (phone.screen === 'awake' || isCharging(phone))) {
    x.deep = 'ACTIVE';
    x.light = 'ACTIVE';
  }
  return x.deep;
}

const DEEP_STEPS: Record<DeepState, DeepState> = {
  ACTIVE: 'INACTIVE',
  INACTIVE: 'IDLE_PENDING',
  IDLE_PENDING: 'SENSING',
  SENSING: 'LOCATING',
  LOCATING: 'IDLE',
  IDLE: 'IDLE_MAINTENANCE',
  IDLE_MAINTENANCE: 'IDLE',
};

/** stepIdleStateLocked: nothing moves while the screen is on or it charges (unless forced). */
export function stepDeep(phone: PhoneState): DeepState {
  const x = powerExtras(phone);
  const state = currentDeepState(phone);
  if (!x.forceIdle && (phone.screen === 'awake' || isCharging(phone))) return state;
  x.deep = DEEP_STEPS[state];
  return x.deep;
}

/** force-idle deep: walk the steps to IDLE whatever the screen and charger say. */
export function forceDeepIdle(phone: PhoneState): void {
  const x = powerExtras(phone);
  x.forceIdle = true;
  x.deep = 'IDLE';
  x.light = 'OVERRIDE';
}

/** exitForceIdleLocked: ACTIVE again only if the screen is on or it charges. */
export function unforceIdle(phone: PhoneState): void {
  const x = powerExtras(phone);
  x.forceIdle = false;
  currentDeepState(phone);
}
