import { describe, expect, it } from 'vitest';
import { parseRuntimePermission } from '../../../../electron/lab/android/parsers/runtime-permission';
import { decodeDeviceText } from '../../../../electron/lab/android/parsers/decode';
import { fixture, fixtureNames } from '../fixtures';
import { asCrlf, asUtf16, timed } from './variants';

const POST = 'android.permission.POST_NOTIFICATIONS';
const perms = (name: string) => fixture('dumpsys-package-permissions', name);
const pkgDump = (name: string) => fixture('dumpsys-package', name);
const DENIED = 'composed-android14-notifications-denied-3.txt';

describe('parseRuntimePermission on the permission samples', () => {
  it('covers every sample in dumpsys-package-permissions', () => {
    expect(fixtureNames('dumpsys-package-permissions')).toEqual([
      DENIED,
      'package-absent-2.txt',
      'pixel-android16-no-notification-permission-1.txt',
    ]);
  });

  it('user 0 denied twice: granted false with USER_SET and USER_FIXED; user 10 and the hidden copy ignored', () => {
    expect(parseRuntimePermission(perms(DENIED), POST)).toEqual({
      granted: false,
      flags: ['USER_SET', 'USER_FIXED', 'USER_SENSITIVE_WHEN_GRANTED', 'USER_SENSITIVE_WHEN_DENIED'],
      raw: 'android.permission.POST_NOTIFICATIONS: granted=false, flags=[ USER_SET|USER_FIXED|USER_SENSITIVE_WHEN_GRANTED|USER_SENSITIVE_WHEN_DENIED]',
    });
  });

  it('a permission user 0 has no state for is not taken from user 10', () => {
    expect(parseRuntimePermission(perms(DENIED), 'android.permission.READ_PHONE_STATE')).toEqual({
      granted: null,
      flags: [],
      raw: 'android.permission.READ_PHONE_STATE',
    });
  });

  it('install permissions are read when there is no runtime state', () => {
    expect(parseRuntimePermission(perms(DENIED), 'android.permission.INTERNET')).toEqual({
      granted: true,
      flags: [],
      raw: 'android.permission.INTERNET: granted=true',
    });
  });

  it('Android 16, app that never asks for POST_NOTIFICATIONS: null (not requested)', () => {
    expect(
      parseRuntimePermission(perms('pixel-android16-no-notification-permission-1.txt'), POST),
    ).toBeNull();
  });

  it('Android 16: requested but stateless (SYSTEM_ALERT_WINDOW) is unknown, not denied', () => {
    expect(
      parseRuntimePermission(
        perms('pixel-android16-no-notification-permission-1.txt'),
        'android.permission.SYSTEM_ALERT_WINDOW',
      ),
    ).toEqual({
      granted: null,
      flags: [],
      raw: 'android.permission.SYSTEM_ALERT_WINDOW',
    });
    expect(
      parseRuntimePermission(
        perms('pixel-android16-no-notification-permission-1.txt'),
        'android.permission.VIBRATE',
      )?.granted,
    ).toBe(true);
  });

  it('"Unable to find package" is an absent package (null), not malformed', () => {
    expect(parseRuntimePermission(perms('package-absent-2.txt'), POST)).toBeNull();
  });

  it('the older captures in dumpsys-package: runtime state with GRANTED_BY_DEFAULT, install-only grants', () => {
    expect(
      parseRuntimePermission(
        pkgDump('android14-wear-updated-system-app-4.txt'),
        'com.google.android.wearable.permission.RECEIVE_COMPLICATION_DATA',
      ),
    ).toMatchObject({
      granted: true,
      flags: ['GRANTED_BY_DEFAULT'],
    });
    expect(
      parseRuntimePermission(pkgDump('android8.0-two-users-stf-2.txt'), 'android.permission.WAKE_LOCK')
        ?.granted,
    ).toBe(true);
    expect(
      parseRuntimePermission(
        pkgDump('android9-emulator-test-apk-block-6.txt'),
        'android.permission.REORDER_TASKS',
      )?.granted,
    ).toBe(true);
    expect(parseRuntimePermission(pkgDump('android8.1-pixel-sideloaded-3.txt'), POST)).toBeNull();
  });
});

describe('parseRuntimePermission on other shapes and damaged input', () => {
  it('UTF-16 + BOM and CRLF copies read the same', () => {
    const text = decodeDeviceText(perms(DENIED));
    expect(parseRuntimePermission(asUtf16(text), POST)).toEqual(parseRuntimePermission(text, POST));
    expect(parseRuntimePermission(asCrlf(text), POST)).toEqual(parseRuntimePermission(text, POST));
  });

  it('a flag list cut before "]" loses only its last, possibly partial, flag', () => {
    const text = decodeDeviceText(perms(DENIED));
    const cut = text.slice(
      0,
      text.indexOf('USER_SENSITIVE_WHEN_GRANTED|USER_SENSITIVE_WHEN_DENIED]') +
        'USER_SENSITIVE_WHEN_GR'.length,
    );
    expect(parseRuntimePermission(cut, POST)).toMatchObject({
      granted: false,
      flags: ['USER_SET', 'USER_FIXED'],
    });
  });

  it('an unnamed flag stays as the number the phone printed', () => {
    const text =
      'Package [a.b] (1):\n    User 0: installed=true\n      runtime permissions:\n  ' +
      '      android.permission.ACCESS_COARSE_LOCATION: granted=false, flags=[ USER_SET|524288]\n';
    expect(parseRuntimePermission(text, 'android.permission.ACCESS_COARSE_LOCATION')?.flags).toEqual([
      'USER_SET',
      '524288',
    ]);
  });

  it('flags wrapped onto the next line (reported for Samsung) are joined', () => {
    const text =
      'Package [a.b] (1):\n    runtime permissions:\n      android.permission.POST_NOTIFICATIONS: granted=true\n        flags=[ USER_SET|USER_SELECTED ]\n';
    expect(parseRuntimePermission(text, POST)).toEqual({
      granted: true,
      flags: ['USER_SET', 'USER_SELECTED'],
      raw: 'android.permission.POST_NOTIFICATIONS: granted=true flags=[ USER_SET|USER_SELECTED ]',
    });
  });

  it('a grep excerpt without the Package header is still read; Android 5 grantedPermissions too', () => {
    expect(
      parseRuntimePermission(
        '      runtime permissions:\n        android.permission.POST_NOTIFICATIONS: granted=true, flags=[ ]\n',
        POST,
      ),
    ).toMatchObject({ granted: true, flags: [] });
    expect(
      parseRuntimePermission(
        'Packages:\n  Package [a.b] (1):\n    grantedPermissions:\n      android.permission.CAMERA\n',
        'android.permission.CAMERA',
      ),
    ).toMatchObject({ granted: true });
  });

  it('the permission is matched whole, never as a pattern', () => {
    expect(parseRuntimePermission(perms(DENIED), 'android.permission.POST_NOTIFICATION')).toBeNull();
    expect(parseRuntimePermission(perms(DENIED), 'android.permission.POST.NOTIFICATIONS')).toBeNull();
    expect(parseRuntimePermission(perms(DENIED), '.*')).toBeNull();
  });

  it('garbage is refused with MALFORMED_OUTPUT', () => {
    for (const junk of ['', 'cmd: Failure calling service package', Buffer.from([0xfe, 0xff, 0, 0])]) {
      expect(() => parseRuntimePermission(junk, POST)).toThrow(
        expect.objectContaining({ code: 'MALFORMED_OUTPUT' }),
      );
    }
  });

  it('hostile floods finish fast', () => {
    const flood = `Package [a.b] (1):\n${'    runtime permissions:\n'.repeat(50_000)}${' '.repeat(1_000_000)}`;
    expect(timed(() => parseRuntimePermission(flood, POST))).toBeLessThan(1500);
  });
});
