import { describe, expect, it } from 'vitest';
import { shellCommand } from '../../../../electron/lab/adb/quote';
import { APP, phone, READ_PHONES, sh, withApp } from './helpers';

const NOTIFICATION_SETTINGS = `am start -a android.settings.APP_NOTIFICATION_SETTINGS --es android.provider.extra.APP_PACKAGE ${APP}`;

describe('opening settings screens with am start', () => {
  it.each(Object.entries(READ_PHONES))('%s: the app notification settings screen', async (_name, profile) => {
    const p = await withApp(profile);
    expect(await sh(p, NOTIFICATION_SETTINGS)).toEqual({
      status: 0,
      out: 'Starting: Intent { act=android.settings.APP_NOTIFICATION_SETTINGS (has extras) }\n',
      err: '',
    });
    expect(p.state.foreground).toMatchObject({
      package: 'com.android.settings',
      activity: 'com.android.settings.Settings$AppNotificationSettingsActivity',
    });
    const details = await sh(
      p,
      `am start -a android.settings.APPLICATION_DETAILS_SETTINGS -d package:${APP}`,
    );
    expect(details.out).toBe(
      `Starting: Intent { act=android.settings.APPLICATION_DETAILS_SETTINGS dat=package:${APP} }\n`,
    );
  });

  it('vendor autostart screens open by component where the ROM has them', async () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      [
        READ_PHONES.xiaomi,
        'com.miui.securitycenter/com.miui.permcenter.autostart.AutoStartManagementActivity',
      ],
      [
        'huawei-harmonyos4.2-android12-2',
        'com.huawei.systemmanager/.startupmgr.ui.StartupNormalAppListActivity',
      ],
      ['honor-magicos9-android15-2', 'com.hihonor.systemmanager/.startupmgr.ui.StartupNormalAppListActivity'],
      [READ_PHONES.android9, 'com.vivo.permissionmanager/.activity.BgStartUpManagerActivity'],
      ['oppo-coloros7.1-android10-2', 'com.coloros.safecenter/.permission.startup.StartupAppListActivity'],
      [
        'samsung-oneui6.1-android14-2',
        'com.samsung.android.lool/com.samsung.android.sm.battery.ui.BatteryActivity',
      ],
    ];
    for (const [profile, component] of cases) {
      const p = phone(profile);
      const r = await sh(p, `am start -n ${component}`);
      expect(r, profile).toEqual({ status: 0, out: `Starting: Intent { cmp=${component} }\n`, err: '' });
      expect(`${p.state.foreground.package}/`, profile).toBe(`${component.split('/')[0]}/`);
    }
  });

  it('the same component on another vendor is "does not exist"; ColorOS 12+ refuses the shell', async () => {
    const pixel = phone(READ_PHONES.pixel);
    const missing = await sh(
      pixel,
      'am start -n com.miui.securitycenter/com.miui.permcenter.autostart.AutoStartManagementActivity',
    );
    expect(missing).toEqual({
      status: 1,
      out: 'Starting: Intent { cmp=com.miui.securitycenter/com.miui.permcenter.autostart.AutoStartManagementActivity }\n',
      err: 'Error type 3\nError: Activity class {com.miui.securitycenter/com.miui.permcenter.autostart.AutoStartManagementActivity} does not exist.\n',
    });
    const oppo = phone(READ_PHONES.oppo);
    const refused = await sh(
      oppo,
      'am start -n com.oplus.battery/com.oplus.startupapp.view.StartupAppListActivity',
    );
    expect(refused.status).toBe(255);
    expect(refused.err).toContain(
      "Exception occurred while executing 'start':\njava.lang.SecurityException: Permission " +
        'Denial: starting Intent { flg=0x10000000 cmp=com.oplus.battery/com.oplus.startupapp.view.StartupAppListActivity ' +
        'mCallingUid=2000 } from null (pid=',
    );
    expect(refused.err).toContain('uid=2000) requires oplus.permission.OPLUS_COMPONENT_SAFE');
    expect(oppo.state.foreground.package).toBe(oppo.state.vendor.launcher.package);
  });

  it('an unknown implicit action does not resolve; a quoted hostile extra stays one extra', async () => {
    const p = await withApp(READ_PHONES.pixel);
    const r = await sh(p, 'am start -a android.settings.NO_SUCH_SCREEN');
    expect(r.status).toBe(1);
    expect(r.err).toBe(
      'Error: Activity not started, unable to resolve Intent { act=android.settings.NO_SUCH_SCREEN flg=0x10000000 }\n',
    );
    const hostile = `${APP}; am force-stop com.android.systemui`;
    const quoted = await sh(
      p,
      shellCommand(
        'am',
        'start',
        '-a',
        'android.settings.APP_NOTIFICATION_SETTINGS',
        '--es',
        'android.provider.extra.APP_PACKAGE',
        hostile,
      ),
    );
    expect(quoted.out).toBe(
      'Starting: Intent { act=android.settings.APP_NOTIFICATION_SETTINGS (has extras) }\n',
    );
    expect((await sh(p, 'pidof com.android.systemui')).status).toBe(0);
  });
});
