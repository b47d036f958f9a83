import { describe, expect, it } from 'vitest';
import { emptyFacts } from '../../../electron/lab/doctor/facts-types';
import {
  OPPO_COLOROS15,
  PIXEL_15,
  XIAOMI_HYPEROS,
  byId,
  evaluate,
  fixture,
  healthyFacts,
  identityOf,
  notificationDumpText,
  packageDumpText,
  withNotifications,
  withPackage,
} from './helpers';

const pixel = identityOf(PIXEL_15);
const android12 = identityOf(PIXEL_15, { sdk: 31, androidVersion: '12' });

describe('notification permission (Android 13+)', () => {
  it('is ok when granted', () => {
    expect(byId(evaluate(healthyFacts(), pixel), 'notifications.permission')).toMatchObject({
      status: 'ok',
      fixes: [],
    });
  });

  it('fails when denied, offers grant then the settings screen, and quotes the phone', () => {
    const facts = withPackage(
      emptyFacts(),
      packageDumpText({ permission: 'granted=false, flags=[ USER_SET|USER_FIXED ]' }),
    );
    const check = byId(evaluate(facts, pixel), 'notifications.permission');
    expect(check.status).toBe('fail');
    expect(check.fixes).toEqual(['grant-post-notifications', 'open-app-notification-settings']);
    expect(check.evidence).toContain('granted=false');
  });

  it('reads the real Android 14 capture: user 0 denied with USER_FIXED', () => {
    const text = fixture(
      'dumpsys-package-permissions',
      'composed-android14-notifications-denied-3.txt',
    ).toString('utf8');
    const checks = evaluate(withPackage(emptyFacts(), text), pixel);
    expect(byId(checks, 'notifications.permission').status).toBe('fail');
    expect(byId(checks, 'notifications.permission-flags')).toMatchObject({
      status: 'warn',
      fixes: ['clear-notification-permission-flags'],
    });
  });

  it('warns about USER_FIXED only while denied; policy-fixed has no fix', () => {
    const fixed = (flags: string) =>
      byId(
        evaluate(
          withPackage(emptyFacts(), packageDumpText({ permission: `granted=false, flags=[ ${flags} ]` })),
          pixel,
        ),
        'notifications.permission-flags',
      );
    expect(fixed('USER_SET')).toMatchObject({
      status: 'ok',
      advice: { key: 'check.notifications.permissionFlags.canAsk' },
    });
    expect(fixed('USER_SET|USER_FIXED').status).toBe('warn');
    expect(fixed('POLICY_FIXED')).toMatchObject({
      status: 'warn',
      fixes: [],
      advice: { values: { flag: 'POLICY_FIXED' } },
    });
    const granted = byId(
      evaluate(
        withPackage(
          emptyFacts(),
          packageDumpText({ permission: 'granted=true, flags=[ USER_SET|USER_FIXED ]' }),
        ),
        pixel,
      ),
      'notifications.permission-flags',
    );
    expect(granted.status).toBe('ok');
  });

  it('fails on Android 13+ when the app does not request the permission', () => {
    const check = byId(
      evaluate(withPackage(emptyFacts(), packageDumpText({ permission: null })), pixel),
      'notifications.permission',
    );
    expect(check).toMatchObject({
      status: 'fail',
      advice: { key: 'check.notifications.permission.notRequested' },
    });
  });

  it('needs no permission before Android 13 and has no flags check there', () => {
    const checks = evaluate(withPackage(emptyFacts(), packageDumpText({ permission: null })), android12);
    expect(byId(checks, 'notifications.permission')).toMatchObject({
      status: 'ok',
      advice: { values: { sdk: '31' } },
    });
    expect(checks.find((c) => c.id === 'notifications.permission-flags')).toBeUndefined();
  });

  it('is unknown when the package dump was not read, or the SDK and entry are both unknown', () => {
    expect(byId(evaluate(emptyFacts(), pixel), 'notifications.permission').status).toBe('unknown');
    const noSdk = byId(
      evaluate(withPackage(emptyFacts(), packageDumpText({ permission: null })), null),
      'notifications.permission',
    );
    expect(noSdk.status).toBe('unknown');
  });
});

describe('app-level notification block', () => {
  it('is ok when allowed, and when the app has no entry yet (defaults apply)', () => {
    expect(byId(evaluate(healthyFacts(), pixel), 'notifications.app').status).toBe('ok');
    const none = byId(
      evaluate(withNotifications(emptyFacts(), notificationDumpText({ appImportance: null })), pixel),
      'notifications.app',
    );
    expect(none).toMatchObject({ status: 'ok', advice: { key: 'check.notifications.app.noEntry' } });
  });

  it('fails when the app is blocked (importance NONE), quoting its AppSettings line', () => {
    const check = byId(
      evaluate(withNotifications(emptyFacts(), notificationDumpText({ appImportance: 'NONE' })), pixel),
      'notifications.app',
    );
    expect(check.status).toBe('fail');
    expect(check.evidence).toBe(
      'AppSettings: com.example.pushlab.demo (10312) importance=NONE userSet=false',
    );
    expect(check.advice.key).toBe('check.notifications.app.blocked');
    expect(check.fixes).toEqual(['grant-post-notifications', 'open-app-notification-settings']);
  });

  it("explains OPPO's default-off installs on OPPO-family phones, with the ColorOS path", () => {
    const check = byId(
      evaluate(
        withNotifications(emptyFacts(), notificationDumpText({ appImportance: 'NONE' })),
        identityOf(OPPO_COLOROS15),
      ),
      'notifications.app',
    );
    expect(check.advice.key).toBe('check.notifications.app.blockedOppo');
    expect(check.settingsPath?.key).toBe('vendor.oplus.notifications');
  });

  it('reads an AppSettings line without importance= as the default (PreferencesHelper omits it then)', () => {
    const text = notificationDumpText({ appImportance: 'DEFAULT' }).replace(
      ' importance=DEFAULT userSet=false',
      '',
    );
    expect(byId(evaluate(withNotifications(emptyFacts(), text), pixel), 'notifications.app')).toMatchObject({
      status: 'ok',
      evidence: 'AppSettings: com.example.pushlab.demo (10312)',
    });
    const garbled = notificationDumpText({ appImportance: 'DEFAULT' }).replace(
      'importance=DEFAULT',
      'importance=???',
    );
    expect(byId(evaluate(withNotifications(emptyFacts(), garbled), pixel), 'notifications.app').status).toBe(
      'unknown',
    );
  });

  it('before Android 13 only the settings screen can unblock it', () => {
    const check = byId(
      evaluate(withNotifications(emptyFacts(), notificationDumpText({ appImportance: 'NONE' })), android12),
      'notifications.app',
    );
    expect(check.fixes).toEqual(['open-app-notification-settings']);
  });

  it('reads a real capture (HyperOS, Telegram allowed)', () => {
    const text = fixture('dumpsys-notification', 'xiaomi-hyperos2-android14-1.txt').toString('utf8');
    const facts = withNotifications(emptyFacts(), text, 'org.telegram.messenger');
    const checks = evaluate(facts, identityOf(XIAOMI_HYPEROS), []);
    const app = checks.find((c) => c.id === 'notifications.app');
    expect(app?.status).toBe('ok');
  });
});
