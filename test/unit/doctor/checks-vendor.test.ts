import { describe, expect, it } from 'vitest';
import type { DoctorCheck } from '../../../shared/domain/doctor';
import { evaluateChecks } from '../../../electron/lab/doctor/evaluate';
import { emptyFacts } from '../../../electron/lab/doctor/facts-types';
import { fixtureNames } from '../android/fixtures';
import { XIAOMI_HYPEROS, byId, evaluate, fixture, healthyFacts, identityOf, withAppOps } from './helpers';

/**
 * Per real phone (getprop capture): the vendor checks and the settings path each one points to.
 * Written by hand from resources/vendor-settings and the ROM each capture runs.
 */
const EXPECTED: Record<string, Record<string, string>> = {
  'google-pixel-android15-1.txt': {},
  'samsung-android8.1-1.txt': {},
  'honor-emui8-android8-1.txt': {
    'vendor.app-launch': 'vendor.huawei.appLaunchBattery',
    'vendor.background': 'vendor.huawei.batteryOptimisation',
    'vendor.notifications': 'vendor.huawei.notifications',
  },
  'honor-magicos9-android15-2.txt': {
    'vendor.app-launch': 'vendor.honor.appLaunch',
    'vendor.background': 'vendor.huawei.batteryOptimisation',
    'vendor.notifications': 'vendor.honor.notifications',
  },
  'honor-magicui3.0-android10-3.txt': {
    'vendor.app-launch': 'vendor.huawei.appLaunchApps',
    'vendor.background': 'vendor.huawei.batteryOptimisation',
    'vendor.notifications': 'vendor.huawei.notifications',
  },
  'huawei-emui10-android10-1.txt': {
    'vendor.app-launch': 'vendor.huawei.appLaunchApps',
    'vendor.background': 'vendor.huawei.batteryOptimisation',
    'vendor.notifications': 'vendor.huawei.notifications',
  },
  'huawei-harmonyos-next5.1-android12-3.txt': {
    'vendor.app-launch': 'vendor.huawei.appLaunchHarmony',
    'vendor.background': 'vendor.huawei.batteryOptimisation',
    'vendor.notifications': 'vendor.huawei.notificationsHarmony',
  },
  'huawei-harmonyos4.2-android12-2.txt': {
    'vendor.app-launch': 'vendor.huawei.appLaunchHarmony',
    'vendor.background': 'vendor.huawei.batteryOptimisation',
    'vendor.notifications': 'vendor.huawei.notificationsHarmony',
  },
  'meizu-flyme12.1-android15-1.txt': {
    'vendor.autostart': 'vendor.meizu.autostart',
    'vendor.background': 'vendor.meizu.background',
    'vendor.notifications': 'vendor.meizu.notifications',
  },
  'meizu-flyme8.1-android9-2.txt': {
    'vendor.autostart': 'vendor.meizu.autostart',
    'vendor.background': 'vendor.meizu.background',
    'vendor.notifications': 'vendor.meizu.notifications',
  },
  'oneplus-coloros16-android16-2.txt': {
    'vendor.autostart': 'vendor.oplus.autoLaunch',
    'vendor.background': 'vendor.oplus.backgroundActivity',
    'vendor.notifications': 'vendor.oplus.notifications',
  },
  'oneplus-oxygenos11-android11-1.txt': {
    'vendor.background': 'vendor.oneplus.batteryOptimisation',
    'vendor.notifications': 'vendor.oneplus.notifications',
  },
  'oneplus-oxygenos14-android14-3.txt': {
    'vendor.autostart': 'vendor.oplus.autoLaunch',
    'vendor.background': 'vendor.oplus.backgroundActivity',
    'vendor.notifications': 'vendor.oplus.notifications',
  },
  'oppo-coloros15-android15-1.txt': {
    'vendor.autostart': 'vendor.oplus.autoLaunch',
    'vendor.background': 'vendor.oplus.backgroundActivity',
    'vendor.notifications': 'vendor.oplus.notifications',
  },
  'oppo-coloros7.1-android10-2.txt': {
    'vendor.autostart': 'vendor.oplus.autoStartupAppList',
    'vendor.background': 'vendor.oplus.powerSaving',
    'vendor.notifications': 'vendor.oplus.notifications',
  },
  'realme-realmeui6-android15-1.txt': {
    'vendor.autostart': 'vendor.oplus.autoLaunch',
    'vendor.background': 'vendor.oplus.backgroundActivity',
    'vendor.notifications': 'vendor.oplus.notifications',
  },
  'samsung-oneui6.1-android14-2.txt': {
    'vendor.deep-sleep': 'vendor.samsung.deepSleep',
    'vendor.background': 'vendor.samsung.background',
    'vendor.notifications': 'vendor.samsung.notifications',
  },
  'samsung-oneui8.0-android16-3.txt': {
    'vendor.deep-sleep': 'vendor.samsung.deepSleep',
    'vendor.background': 'vendor.samsung.background',
    'vendor.notifications': 'vendor.samsung.notifications',
  },
  'vivo-funtouchos9-android9-2.txt': {
    'vendor.autostart': 'vendor.vivo.autostartSettings',
    'vendor.background': 'vendor.vivo.backgroundPower',
    'vendor.notifications': 'vendor.vivo.notifications',
  },
  'vivo-originos5-android15-1.txt': {
    'vendor.autostart': 'vendor.vivo.autostartOrigin',
    'vendor.background': 'vendor.vivo.backgroundPower',
    'vendor.notifications': 'vendor.vivo.notifications',
  },
  // MIUI and HyperOS: autostart and show-on-lock-screen come from app ops (here: both off).
  'xiaomi-hyperos2-android14-2.txt': miui(
    'vendor.xiaomi.autostartHyperos',
    'vendor.xiaomi.batterySaver',
    'vendor.xiaomi.notifications',
  ),
  'xiaomi-hyperos2-android15-1.txt': miui(
    'vendor.xiaomi.autostartHyperos',
    'vendor.xiaomi.batterySaver',
    'vendor.xiaomi.notifications',
  ),
  'xiaomi-hyperos3-android16-5.txt': miui(
    'vendor.xiaomi.autostartHyperos',
    'vendor.xiaomi.batterySaver',
    'vendor.xiaomi.notifications',
  ),
  'xiaomi-miui12.5-android11-3.txt': miui(
    'vendor.xiaomi.autostartAppInfo',
    'vendor.xiaomi.batterySaver',
    'vendor.xiaomi.notificationsControlCentre',
  ),
  'xiaomi-miui14-android13-4.txt': miui(
    'vendor.xiaomi.autostartBackground',
    'vendor.xiaomi.batterySaver',
    'vendor.xiaomi.notifications',
  ),
};

function miui(autostart: string, background: string, notifications: string): Record<string, string> {
  return {
    'vendor.autostart': autostart,
    'vendor.show-when-locked': 'vendor.xiaomi.lockScreen',
    'vendor.background': background,
    'vendor.notifications': notifications,
  };
}

const OPS_OFF = 'RUN_IN_BACKGROUND: allow\nMIUIOP(10008): ignore\nMIUIOP(10020): ignore; time=+3m ago\n';
const vendorChecks = (checks: readonly DoctorCheck[]) => checks.filter((c) => c.id.startsWith('vendor.'));

describe('vendor checks per ROM (every real getprop capture)', () => {
  it('has an expectation for every capture', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(fixtureNames('getprop'));
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(name, () => {
      const identity = identityOf(name);
      const checks = vendorChecks(evaluate(withAppOps(healthyFacts(), OPS_OFF), identity));
      expect(Object.fromEntries(checks.map((c) => [c.id, c.settingsPath?.key]))).toEqual(expected);
      for (const check of checks) {
        // What adb cannot read is 'manual'; MIUI's app ops are read (and off here).
        if (check.id === 'vendor.autostart' && ['MIUI', 'HyperOS'].includes(identity.rom.name))
          expect(check.status).toBe('warn');
        else if (check.id === 'vendor.show-when-locked') expect(check.status).toBe('warn');
        else expect(check.status).toBe('manual');
        expect(check.advice.values.rom ?? identity.rom.name).toContain(identity.rom.name);
      }
    });
  }

  it('offers the screens that exist for the ROM', () => {
    const honor = vendorChecks(evaluate(healthyFacts(), identityOf('honor-magicos9-android15-2.txt')));
    expect(byId(honor, 'vendor.app-launch').fixes).toEqual(['open-autostart-settings']);
    expect(byId(honor, 'vendor.notifications').fixes).toEqual(['open-app-notification-settings']);
    expect(byId(honor, 'vendor.background').fixes).toEqual([]);
    const samsung = vendorChecks(evaluate(healthyFacts(), identityOf('samsung-oneui6.1-android14-2.txt')));
    expect(byId(samsung, 'vendor.deep-sleep').fixes).toEqual(['open-autostart-settings']);
  });

  it('has no vendor checks while the phone identity is unknown', () => {
    expect(vendorChecks(evaluate(healthyFacts(), null))).toEqual([]);
  });
});

describe('MIUI / HyperOS app ops', () => {
  const hyperos = identityOf(XIAOMI_HYPEROS);

  it('is ok when autostart (10008) is allowed, warns with both fixes when not', () => {
    expect(byId(evaluate(healthyFacts(), hyperos), 'vendor.autostart')).toMatchObject({
      status: 'ok',
      fixes: [],
      settingsPath: null,
    });
    const off = byId(evaluate(withAppOps(emptyFacts(), OPS_OFF), hyperos), 'vendor.autostart');
    expect(off).toMatchObject({
      status: 'warn',
      fixes: ['allow-miui-autostart', 'open-autostart-settings'],
      evidence: 'MIUIOP(10008): ignore',
    });
  });

  it('reads the real full appops dump: Telegram has autostart allowed', () => {
    const dump = fixture('appops', 'xiaomi-hyperos2-android14-1.txt').toString('utf8');
    const facts = withAppOps(emptyFacts(), dump, 'org.telegram.messenger');
    const checks = evaluateTelegram(facts);
    // Line 6750 of the capture: `MIUIOP(10008) (allow):` under `Package org.telegram.messenger:`.
    expect(byId(checks, 'vendor.autostart')).toMatchObject({
      status: 'ok',
      evidence: 'MIUIOP(10008) (allow):',
    });
  });

  it('is unknown when the op is not listed or its mode is unclear, and when app ops were not read', () => {
    const unlisted = byId(
      evaluate(withAppOps(emptyFacts(), 'RUN_IN_BACKGROUND: allow\n'), hyperos),
      'vendor.autostart',
    );
    expect(unlisted).toMatchObject({
      status: 'unknown',
      settingsPath: { key: 'vendor.xiaomi.autostartHyperos' },
    });
    expect(byId(evaluate(emptyFacts(), hyperos), 'vendor.autostart').status).toBe('unknown');
  });

  it('treats MIUI\'s "ask" mode as not allowed', () => {
    const ask = byId(evaluate(withAppOps(emptyFacts(), 'MIUIOP(10008): ask\n'), hyperos), 'vendor.autostart');
    expect(ask.status).toBe('warn');
  });

  function evaluateTelegram(facts: ReturnType<typeof withAppOps>) {
    return evaluateChecks(facts, hyperos, {
      serial: 'S1',
      package: 'org.telegram.messenger',
      channelIds: [],
    });
  }
});
