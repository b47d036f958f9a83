import { describe, expect, it } from 'vitest';
import { parsePmInstallOutput } from '../../../electron/lab/android/parsers/pm-install';

describe('parsePmInstallOutput', () => {
  it('accepts Success, also after "Performing Streamed Install", CRLF or UTF-16', () => {
    expect(parsePmInstallOutput('Performing Streamed Install\nSuccess\n')).toEqual({ ok: true });
    expect(parsePmInstallOutput('Success\r\n')).toEqual({ ok: true });
    expect(
      parsePmInstallOutput(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Success\r\n', 'utf16le')])),
    ).toEqual({ ok: true });
  });

  it.each([
    [
      'Failure [INSTALL_FAILED_UPDATE_INCOMPATIBLE: Package com.example.app signatures do not match newer version; ignoring!]',
      'INSTALL_FAILED_UPDATE_INCOMPATIBLE',
    ],
    ['Failure [INSTALL_FAILED_ALREADY_EXISTS]', 'INSTALL_FAILED_ALREADY_EXISTS'],
    [
      'Performing Streamed Install\nadb: failed to install app-debug.apk: Failure [INSTALL_FAILED_USER_RESTRICTED: Install canceled by user]',
      'INSTALL_FAILED_USER_RESTRICTED',
    ],
    ['adb: failed to install app.apk: Failure [INSTALL_CANCELED_BY_USER]', 'INSTALL_CANCELED_BY_USER'],
    [
      'Failure [INSTALL_FAILED_OLDER_SDK: Failed parse during installPackageLI: /data/app/vmdl1.tmp/base.apk ' +
        '(at Binary XML file line #7): Requires newer sdk version #34 (current version is #30)]',
      'INSTALL_FAILED_OLDER_SDK',
    ],
    [
      'Failure [INSTALL_PARSE_FAILED_NO_CERTIFICATES: Failed collecting certificates]',
      'INSTALL_PARSE_FAILED_NO_CERTIFICATES',
    ],
    ['Failure [-25]', 'INSTALL_FAILED_VERSION_DOWNGRADE'],
    ['Failure [-999]', '-999'],
    [
      "Exception occurred while executing 'install':\njava.lang.SecurityException: Shell " +
        'does not have permission to access user 10\n\tat com.android.server.am.UserController.handleIncomingUser(UserController.java:2779)',
      'java.lang.SecurityException',
    ],
    [
      "adb: failed to install a.apk: Exception occurred while executing 'install-write':\nandroid.os.ParcelableException: " +
        'java.io.IOException: Requested internal only, but not enough space',
      'android.os.ParcelableException',
    ],
    ["Exception occurred while executing 'install':", 'EXCEPTION'],
    ['Error: Unknown option: -z', 'PM_ERROR'],
    [
      'Error: java.lang.IllegalArgumentException: Unknown package: com.x',
      'java.lang.IllegalArgumentException',
    ],
    ['adb: failed to stat missing.apk: No such file or directory', 'ADB_ERROR'],
    ["error: device 'R58M' not found", 'ADB_ERROR'],
    ['', 'NO_OUTPUT'],
    ['Streaming...', 'UNKNOWN_OUTPUT'],
  ])('%s -> %s', (text, reason) => {
    const outcome = parsePmInstallOutput(text);
    expect(outcome).toEqual({ ok: false, reason, raw: text.trim() });
  });

  it('treats output with both a failure and a Success line as failed', () => {
    const outcome = parsePmInstallOutput(
      'Success\nFailure [INSTALL_FAILED_ABORTED: User rejected permissions]',
    );
    expect(outcome.ok).toBe(false);
  });

  it('keeps raw output bounded', () => {
    const outcome = parsePmInstallOutput(`Error: ${'x'.repeat(10_000)}`);
    expect(outcome.ok === false && outcome.raw.length).toBeLessThan(4100);
  });
});
