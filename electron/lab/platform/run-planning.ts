/**
 * Every platform's pure run planning (resolve a device, refuse a plan it cannot run), for callers
 * that plan without a lab: tests, previews. The composition root passes the full platforms instead.
 */
import type { Platform } from '../../../shared/domain/device';
import { androidRunPlanning } from '../android/android-platform';
import { iosRunPlanning } from '../ios/ios-platform';
import type { RunPlanning } from './device-platform';

export const RUN_PLANNING = {
  android: androidRunPlanning,
  ios: iosRunPlanning,
} as const satisfies Record<Platform, RunPlanning>;
