/**
 * Plain explanations for install failures: every INSTALL_FAILED_* / INSTALL_PARSE_FAILED_* code in
 * AOSP PackageManager (with its numeric value, which old builds print as `Failure [-25]`), the
 * vendor-only INSTALL_CANCELED_BY_USER (MIUI/HyperOS), java exceptions and PushLab's own reasons.
 */
import type { InstallFailure } from '../../../shared/domain/install';
import { installFailureText, type InstallFailureContext } from '../../../shared/i18n/install-failure-text';

export type { InstallFailureContext } from '../../../shared/i18n/install-failure-text';

/**
 * INSTALL_* reasons (without the prefix) PushLab explains specifically, with their AOSP
 * PackageManager numbers where they have one. The sentences live in shared/i18n/install-failures.*.
 */
const CODES: Readonly<Record<string, number | null>> = {
  FAILED_ALREADY_EXISTS: -1,
  FAILED_INVALID_APK: -2,
  FAILED_INVALID_URI: -3,
  FAILED_INSUFFICIENT_STORAGE: -4,
  FAILED_DUPLICATE_PACKAGE: -5,
  FAILED_NO_SHARED_USER: -6,
  FAILED_UPDATE_INCOMPATIBLE: -7,
  FAILED_SHARED_USER_INCOMPATIBLE: -8,
  FAILED_MISSING_SHARED_LIBRARY: -9,
  FAILED_REPLACE_COULDNT_DELETE: -10,
  FAILED_DEXOPT: -11,
  FAILED_OLDER_SDK: -12,
  FAILED_CONFLICTING_PROVIDER: -13,
  FAILED_NEWER_SDK: -14,
  FAILED_TEST_ONLY: -15,
  FAILED_CPU_ABI_INCOMPATIBLE: -16,
  FAILED_MISSING_FEATURE: -17,
  FAILED_CONTAINER_ERROR: -18,
  FAILED_INVALID_INSTALL_LOCATION: -19,
  FAILED_MEDIA_UNAVAILABLE: -20,
  FAILED_VERIFICATION_TIMEOUT: -21,
  FAILED_VERIFICATION_FAILURE: -22,
  FAILED_PACKAGE_CHANGED: -23,
  FAILED_UID_CHANGED: -24,
  FAILED_VERSION_DOWNGRADE: -25,
  FAILED_PERMISSION_MODEL_DOWNGRADE: -26,
  FAILED_SANDBOX_VERSION_DOWNGRADE: -27,
  FAILED_MISSING_SPLIT: -28,
  FAILED_DEPRECATED_SDK_VERSION: -29,
  PARSE_FAILED_NOT_APK: -100,
  PARSE_FAILED_BAD_MANIFEST: -101,
  PARSE_FAILED_UNEXPECTED_EXCEPTION: -102,
  PARSE_FAILED_NO_CERTIFICATES: -103,
  PARSE_FAILED_INCONSISTENT_CERTIFICATES: -104,
  PARSE_FAILED_CERTIFICATE_ENCODING: -105,
  PARSE_FAILED_BAD_PACKAGE_NAME: -106,
  PARSE_FAILED_BAD_SHARED_USER_ID: -107,
  PARSE_FAILED_MANIFEST_MALFORMED: -108,
  PARSE_FAILED_MANIFEST_EMPTY: -109,
  FAILED_INTERNAL_ERROR: -110,
  FAILED_USER_RESTRICTED: -111,
  FAILED_DUPLICATE_PERMISSION: -112,
  FAILED_NO_MATCHING_ABIS: -113,
  FAILED_ABORTED: -115,
  FAILED_SESSION_INVALID: -116,
  FAILED_INSTANT_APP_INVALID: null,
  FAILED_BAD_DEX_METADATA: -117,
  FAILED_BAD_SIGNATURE: -118,
  FAILED_OTHER_STAGED_SESSION_IN_PROGRESS: -119,
  FAILED_MULTIPACKAGE_INCONSISTENCY: -120,
  FAILED_WRONG_INSTALLED_VERSION: -121,
  FAILED_PROCESS_NOT_DEFINED: -122,
  PARSE_FAILED_RESOURCES_ARSC_COMPRESSED: -124,
  PARSE_FAILED_SKIPPED: -125,
  FAILED_DUPLICATE_PERMISSION_GROUP: -126,
  FAILED_BAD_PERMISSION_GROUP: -127,
  ACTIVATION_FAILED: -128,
  FAILED_PRE_APPROVAL_NOT_AVAILABLE: -129,
  FAILED_SHARED_LIBRARY_BAD_CERTIFICATE_DIGEST: -130,
  FAILED_MULTI_ARCH_NOT_MATCH_ALL_NATIVE_ABIS: -131,
  CANCELED_BY_USER: null,
};

/** The INSTALL_* name for an old numeric failure code (`Failure [-25]`), or null. */
export function installReasonForCode(code: number): string | null {
  for (const [key, value] of Object.entries(CODES)) if (value === code) return `INSTALL_${key}`;
  return null;
}

/** Every AOSP/vendor INSTALL_* reason PushLab explains specifically. */
export const KNOWN_INSTALL_REASONS: readonly string[] = Object.keys(CODES).map((k) => `INSTALL_${k}`);

/** Explains an install failure in one English sentence plus a fix (the renderer re-explains it per locale). */
export function explainInstallFailure(
  reason: string,
  raw: string,
  context: InstallFailureContext = {},
): InstallFailure {
  const [message, fix] = installFailureText('en', reason, raw, context);
  return { reason, message, fix, raw };
}
