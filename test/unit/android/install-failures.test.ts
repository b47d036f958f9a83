import { describe, expect, it } from 'vitest';
import {
  KNOWN_INSTALL_REASONS,
  explainInstallFailure,
  installReasonForCode,
} from '../../../electron/lab/android/install-failures';

const REQUIRED = [
  'INSTALL_FAILED_UPDATE_INCOMPATIBLE',
  'INSTALL_FAILED_VERSION_DOWNGRADE',
  'INSTALL_FAILED_INSUFFICIENT_STORAGE',
  'INSTALL_FAILED_NO_MATCHING_ABIS',
  'INSTALL_FAILED_OLDER_SDK',
  'INSTALL_FAILED_USER_RESTRICTED',
  'INSTALL_FAILED_TEST_ONLY',
  'INSTALL_FAILED_ALREADY_EXISTS',
  'INSTALL_FAILED_DUPLICATE_PERMISSION',
  'INSTALL_FAILED_CONFLICTING_PROVIDER',
  'INSTALL_FAILED_INVALID_APK',
  'INSTALL_FAILED_MISSING_SHARED_LIBRARY',
  'INSTALL_FAILED_ABORTED',
  'INSTALL_FAILED_DEPRECATED_SDK_VERSION',
  'INSTALL_FAILED_VERIFICATION_FAILURE',
  'INSTALL_FAILED_SESSION_INVALID',
  'INSTALL_FAILED_MEDIA_UNAVAILABLE',
  'INSTALL_PARSE_FAILED_NOT_APK',
  'INSTALL_PARSE_FAILED_NO_CERTIFICATES',
  'INSTALL_PARSE_FAILED_INCONSISTENT_CERTIFICATES',
];

const generic = (reason: string): string =>
  explainInstallFailure('INSTALL_FAILED_SOMETHING_NEW', 'raw').message.replace(
    'INSTALL_FAILED_SOMETHING_NEW',
    reason,
  );

describe('explainInstallFailure', () => {
  it('covers the AOSP codes (about 50) and every code the lab must explain', () => {
    expect(KNOWN_INSTALL_REASONS.length).toBeGreaterThanOrEqual(50);
    expect(KNOWN_INSTALL_REASONS).toEqual(expect.arrayContaining(REQUIRED));
  });

  it('gives every known reason its own short message and fix, and echoes reason and raw', () => {
    for (const reason of KNOWN_INSTALL_REASONS) {
      const failure = explainInstallFailure(reason, `Failure [${reason}]`);
      expect(failure.reason).toBe(reason);
      expect(failure.raw).toBe(`Failure [${reason}]`);
      expect(failure.message).not.toBe(generic(reason));
      expect(failure.message.length).toBeLessThan(200);
      expect(failure.fix.length).toBeGreaterThan(10);
    }
  });

  it('UPDATE_INCOMPATIBLE: different key, uninstall first and the data is lost', () => {
    const { message, fix } = explainInstallFailure('INSTALL_FAILED_UPDATE_INCOMPATIBLE', '');
    expect(message).toMatch(/different key/);
    expect(fix).toMatch(/Uninstall/);
    expect(fix).toMatch(/data is lost/);
  });

  it('VERSION_DOWNGRADE: allow downgrade or uninstall', () => {
    const { fix } = explainInstallFailure('INSTALL_FAILED_VERSION_DOWNGRADE', '');
    expect(fix).toMatch(/allow downgrade/);
    expect(fix).toMatch(/uninstall/);
  });

  it('DEPRECATED_SDK_VERSION: Android 14 and the bypass flag', () => {
    const { message, fix } = explainInstallFailure('INSTALL_FAILED_DEPRECATED_SDK_VERSION', '');
    expect(message).toMatch(/Android 14/);
    expect(fix).toContain('--bypass-low-target-sdk-block');
  });

  it('TEST_ONLY: allow test-only with -t', () => {
    expect(explainInstallFailure('INSTALL_FAILED_TEST_ONLY', '').fix).toMatch(/-t\b/);
  });

  it('OLDER_SDK: names both API levels when the phone said them', () => {
    const raw =
      'Failure [INSTALL_FAILED_OLDER_SDK: Failed parse during installPackageLI: Requires newer sdk version #34 (current version is #30)]';
    const { message } = explainInstallFailure('INSTALL_FAILED_OLDER_SDK', raw);
    expect(message).toContain('API 34');
    expect(message).toContain('API 30');
    expect(explainInstallFailure('INSTALL_FAILED_OLDER_SDK', '').message).toMatch(/too old/);
  });

  it("NO_MATCHING_ABIS: names the phone's ABIs and what the build has", () => {
    const { message, fix } = explainInstallFailure('INSTALL_FAILED_NO_MATCHING_ABIS', '', {
      abis: ['arm64-v8a', 'armeabi-v7a'],
      apkAbis: ['x86_64'],
    });
    expect(message).toContain('arm64-v8a, armeabi-v7a');
    expect(message).toContain('x86_64');
    expect(fix).toContain('arm64-v8a');
  });

  it('USER_RESTRICTED: "Install via USB" on Xiaomi/Redmi/POCO, cancel or policy elsewhere', () => {
    for (const vendor of ['Xiaomi', 'Redmi', 'POCO']) {
      const { fix } = explainInstallFailure('INSTALL_FAILED_USER_RESTRICTED', '', { vendor });
      expect(fix).toContain('Install via USB');
      expect(fix).toMatch(/Mi account/);
      expect(fix).toMatch(/SIM/);
    }
    const other = explainInstallFailure('INSTALL_FAILED_USER_RESTRICTED', '', { vendor: 'samsung' });
    expect(other.message).toMatch(/cancel/);
    expect(other.message).toMatch(/policy/);
    expect(other.fix).not.toContain('Install via USB');
  });

  it('explains the MIUI-only INSTALL_CANCELED_BY_USER', () => {
    expect(explainInstallFailure('INSTALL_CANCELED_BY_USER', '', { vendor: 'xiaomi' }).fix).toContain(
      'Install via USB',
    );
  });

  it('quotes unknown reasons and explains java exceptions and PushLab reasons', () => {
    const unknown = explainInstallFailure(
      'INSTALL_FAILED_VENDOR_THING',
      'Failure [INSTALL_FAILED_VENDOR_THING]',
    );
    expect(unknown.message).toContain('INSTALL_FAILED_VENDOR_THING');
    expect(explainInstallFailure('java.lang.SecurityException', '').message).toContain(
      'java.lang.SecurityException',
    );
    expect(explainInstallFailure('ADB_ERROR', '').message).toMatch(/adb/);
    expect(explainInstallFailure('NO_OUTPUT', '').message).not.toContain('NO_OUTPUT');
  });

  it('accepts the reason without prefix or in lower case', () => {
    expect(explainInstallFailure('install_failed_insufficient_storage', '').message).toMatch(/storage/);
  });
});

describe('installReasonForCode', () => {
  it('maps the old numeric codes to names', () => {
    expect(installReasonForCode(-1)).toBe('INSTALL_FAILED_ALREADY_EXISTS');
    expect(installReasonForCode(-25)).toBe('INSTALL_FAILED_VERSION_DOWNGRADE');
    expect(installReasonForCode(-113)).toBe('INSTALL_FAILED_NO_MATCHING_ABIS');
    expect(installReasonForCode(-103)).toBe('INSTALL_PARSE_FAILED_NO_CERTIFICATES');
    expect(installReasonForCode(-5000)).toBeNull();
  });

  it('knows the numbers of all AOSP failure codes (-1 .. -131)', () => {
    const names = new Set<string>();
    for (let code = -131; code <= -1; code++) {
      const name = installReasonForCode(code);
      if (name) names.add(name);
    }
    // AOSP PackageManager uses 59 numbers in that range, each for a different name.
    expect(names.size).toBe(59);
    expect(installReasonForCode(-131)).toBe('INSTALL_FAILED_MULTI_ARCH_NOT_MATCH_ALL_NATIVE_ABIS');
    expect(installReasonForCode(-114)).toBeNull(); // NO_NATIVE_LIBRARIES is not a failure
  });
});
