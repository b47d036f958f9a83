/**
 * Battery and background rules: App Standby buckets (AppStandbyController), the Doze allow-list
 * (DeviceIdleController) and background data (NetworkPolicyManagerService).
 * - Buckets: 5 exempted, 10 active, 20 working_set, 30 frequent, 40 rare, 45 restricted (Android 11+),
 *   50 never. A package with no usage history reads NEVER (AppIdleHistory's initial bucket); a launch
 *   makes it ACTIVE, and it decays with elapsed time at AppStandbyController's default thresholds
 *   (12 h working_set, 24 h frequent, 48 h rare). A bucket set from the shell holds until the next
 *   use. System apps and apps on the Doze allow-list read EXEMPTED (getAppMinBucket), and the shell
 *   cannot move them ("Don't allow changing bucket if higher than ACTIVE").
 */
import type { AppPackage, PhoneState } from './state';

export const BUCKET_EXEMPTED = 5;
export const BUCKET_ACTIVE = 10;
export const BUCKET_NEVER = 50;

const HOUR = 3_600_000;

/** `am set-standby-bucket` names (ActivityManagerShellCommand.bucketNameToBucketValue prefixes). */
export function parseBucket(phone: PhoneState, text: string): number | null {
  const lower = text.toLowerCase();
  if (lower.startsWith('ac')) return 10;
  if (lower.startsWith('wo')) return 20;
  if (lower.startsWith('fr')) return 30;
  if (lower.startsWith('ra')) return 40;
  if (lower.startsWith('re') && phone.sdk >= 30) return 45;
  if (lower.startsWith('ne')) return 50;
  return /^-?\d+$/.test(lower) ? Number(lower) : null;
}

/** True when the package is on any Doze allow-list (system image or user). */
export function isDozeAllowlisted(phone: PhoneState, app: AppPackage): boolean {
  return (
    app.settings.dozeAllowlisted ||
    phone.power.dozeExceptIdle.includes(app.name) ||
    phone.power.dozeSystem.includes(app.name)
  );
}

/** The bucket `am get-standby-bucket` reports now. */
export function standbyBucket(phone: PhoneState, app: AppPackage): number {
  if (app.system || isDozeAllowlisted(phone, app)) return BUCKET_EXEMPTED;
  if (app.settings.forcedBucket !== null) return app.settings.forcedBucket;
  const used = app.settings.lastUsedAt;
  if (used === null) return BUCKET_NEVER;
  const elapsed = phone.clock() - used;
  if (elapsed < 12 * HOUR) return 10;
  if (elapsed < 24 * HOUR) return 20;
  if (elapsed < 48 * HOUR) return 30;
  return 40;
}

/** The shell sets a bucket: ignored for exempted apps, held until the app is used again. */
export function setStandbyBucket(phone: PhoneState, app: AppPackage, bucket: number): void {
  if (standbyBucket(phone, app) < BUCKET_ACTIVE) return;
  app.settings.forcedBucket = bucket;
}

/** The user opened the app: usage makes it ACTIVE and ends a forced bucket. */
export function noteAppUsed(phone: PhoneState, app: AppPackage): void {
  app.settings.lastUsedAt = phone.clock();
  app.settings.forcedBucket = null;
}
