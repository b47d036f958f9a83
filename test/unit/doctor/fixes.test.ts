import { describe, expect, it } from 'vitest';
import { FIX_IDS, type DoctorCheck } from '../../../shared/domain/doctor';
import { checkMatches } from '../../../electron/lab/doctor/doctor-service';
import { FIX_PLANS } from '../../../electron/lab/doctor/fixes';
import { emptyFacts } from '../../../electron/lab/doctor/facts-types';
import { FakeDeviceIo } from '../../support/fake-device-io';
import {
  PIXEL_15,
  PKG,
  SAMSUNG_ONEUI6,
  XIAOMI_HYPEROS,
  evaluate,
  healthyFacts,
  identityOf,
  notificationDumpText,
  packageDumpText,
  subject,
  withAppOps,
  withNotifications,
  withPackage,
} from './helpers';

const pixel = identityOf(PIXEL_15);
const hyperos = identityOf(XIAOMI_HYPEROS);
const MONKEY_OK = 'Events injected: 1\n';

describe('fix plans', () => {
  it('has a plan for every FixId', () => {
    expect(Object.keys(FIX_PLANS).sort()).toEqual([...FIX_IDS].sort());
  });

  it('each plan applies to checks the doctor really produces, and every fix a check offers has a plan', () => {
    // A phone with everything wrong, so every fix is offered somewhere.
    let facts = withPackage(
      emptyFacts(),
      packageDumpText({ stopped: true, permission: 'granted=false, flags=[ USER_FIXED ]' }),
    );
    facts = withNotifications(facts, notificationDumpText({ appImportance: 'NONE' }));
    facts = withAppOps(
      facts,
      'RUN_IN_BACKGROUND: ignore\nRUN_ANY_IN_BACKGROUND: ignore\nMIUIOP(10008): ignore\n',
    );
    const checks: DoctorCheck[] = [
      ...evaluate(
        {
          ...healthyFacts(),
          ...facts,
          standbyBucket: { text: '45', value: 'restricted' },
          deviceIdle: { text: '', value: { system: [], user: [], exceptIdle: [], state: null } },
        },
        hyperos,
      ),
      ...evaluate(healthyFacts(), identityOf(SAMSUNG_ONEUI6)),
    ];
    for (const [id, plan] of Object.entries(FIX_PLANS)) {
      expect(
        checks.some((c) => checkMatches(c, plan.appliesTo)),
        id,
      ).toBe(true);
    }
    const offered = new Set(checks.flatMap((c) => c.fixes));
    expect([...offered].sort()).toEqual([...FIX_IDS].sort());
    // A fix the CLI applies by itself (not open-*) addresses the check that offers it, except the
    // app-level block, which granting the permission lifts on Android 13+.
    for (const check of checks) {
      for (const fix of check.fixes) {
        if (fix.startsWith('open-') || check.id === 'notifications.app') continue;
        expect(checkMatches(check, FIX_PLANS[fix].appliesTo), `${fix} on ${check.id}`).toBe(true);
      }
    }
  });

  it('runs each adb fix with the right command and returns what the phone said', async () => {
    const io = new FakeDeviceIo('S1', [
      [/deviceidle/, `Added: ${PKG}\n`],
      [/^monkey/, MONKEY_OK],
    ]);
    expect(await FIX_PLANS['doze-allowlist'].run(io, subject(), pixel)).toEqual({ detail: `Added: ${PKG}` });
    expect(await FIX_PLANS['grant-post-notifications'].run(io, subject(), pixel)).toEqual({ detail: null });
    await FIX_PLANS['clear-notification-permission-flags'].run(io, subject(), pixel);
    await FIX_PLANS['allow-run-any-in-background'].run(io, subject(), pixel);
    await FIX_PLANS['allow-run-in-background'].run(io, subject(), pixel);
    await FIX_PLANS['standby-bucket-active'].run(io, subject(), pixel);
    await FIX_PLANS['launch-app'].run(io, subject(), pixel);
    await FIX_PLANS['allow-miui-autostart'].run(io, subject(), hyperos);
    expect(io.commands).toEqual([
      `dumpsys deviceidle whitelist +${PKG}`,
      `pm grant ${PKG} android.permission.POST_NOTIFICATIONS`,
      `pm clear-permission-flags ${PKG} android.permission.POST_NOTIFICATIONS user-set user-fixed`,
      `appops set ${PKG} RUN_ANY_IN_BACKGROUND allow`,
      `appops set ${PKG} RUN_IN_BACKGROUND allow`,
      `am set-standby-bucket ${PKG} active`,
      `monkey -p ${PKG} -c android.intent.category.LAUNCHER 1`,
      `appops set ${PKG} 10008 allow`,
    ]);
  });

  it('reports a refusal from the ROM as a failure with its words, never as done', async () => {
    const refusal =
      'Security exception: Operation not allowed: java.lang.SecurityException: uid 2000 cannot set op 10008\n';
    const io = new FakeDeviceIo('S1', [[/^appops set/, refusal]]);
    await expect(FIX_PLANS['allow-miui-autostart'].run(io, subject(), hyperos)).rejects.toMatchObject({
      code: 'COMMAND_FAILED',
      detail: refusal.trim(),
    });
    const pm = new FakeDeviceIo('S1', [
      [
        /^pm grant/,
        "Exception occurred while executing 'grant':\njava.lang.SecurityException: Cannot grant system fixed permission\n",
      ],
    ]);
    await expect(FIX_PLANS['grant-post-notifications'].run(pm, subject(), pixel)).rejects.toMatchObject({
      code: 'COMMAND_FAILED',
      detail: expect.stringContaining('system fixed'),
    });
  });

  it('grants POST_NOTIFICATIONS only on Android 13+, and not while the version is unknown', async () => {
    const io = new FakeDeviceIo('S1');
    await expect(
      FIX_PLANS['grant-post-notifications'].run(io, subject(), { ...pixel, sdk: 32 }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('Android 13') });
    await expect(FIX_PLANS['grant-post-notifications'].run(io, subject(), null)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(
      FIX_PLANS['standby-bucket-active'].run(io, subject(), { ...pixel, sdk: 27 }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(io.commands).toEqual([]);
  });

  it('sets MIUI autostart only on MIUI and HyperOS', async () => {
    const io = new FakeDeviceIo('S1');
    await expect(FIX_PLANS['allow-miui-autostart'].run(io, subject(), pixel)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    expect(io.commands).toEqual([]);
  });

  it("opens the ROM's autostart screen, trying its components in order", async () => {
    const io = new FakeDeviceIo('S1', [
      [
        /StartupAppControlActivity/,
        'Error type 3\nError: Activity class {com.hihonor.systemmanager/com.hihonor.systemmanager.appcontrol.activity.StartupAppControlActivity} ' +
          'does not exist.\n',
      ],
      [/StartupNormalAppListActivity/, 'Error: Activity class {…} does not exist.\n'],
    ]);
    const honor = identityOf('honor-magicos9-android15-2.txt');
    await expect(FIX_PLANS['open-autostart-settings'].run(io, subject(), honor)).rejects.toMatchObject({
      code: 'COMMAND_FAILED',
      detail: expect.stringContaining('StartupAppControlActivity'),
    });
    expect(io.commands).toEqual([
      'am start -n com.hihonor.systemmanager/com.hihonor.systemmanager.startupmgr.ui.StartupNormalAppListActivity',
      'am start -n com.hihonor.systemmanager/com.hihonor.systemmanager.appcontrol.activity.StartupAppControlActivity',
    ]);
    const ok = new FakeDeviceIo('S1', [
      [
        /./,
        'Starting: Intent { cmp=com.miui.securitycenter/com.miui.permcenter.autostart.AutoStartManagementActivity }\n',
      ],
    ]);
    const outcome = await FIX_PLANS['open-autostart-settings'].run(ok, subject(), hyperos);
    expect(outcome.detail).toContain('Starting: Intent');
    expect(ok.commands).toEqual([
      'am start -n com.miui.securitycenter/com.miui.permcenter.autostart.AutoStartManagementActivity',
    ]);
  });

  it('has no autostart screen to open on stock Android', async () => {
    const io = new FakeDeviceIo('S1');
    await expect(FIX_PLANS['open-autostart-settings'].run(io, subject(), pixel)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    expect(io.commands).toEqual([]);
  });

  it("opens the app's notification settings", async () => {
    const io = new FakeDeviceIo('S1', [
      [/./, 'Starting: Intent { act=android.settings.APP_NOTIFICATION_SETTINGS (has extras) }\n'],
    ]);
    expect((await FIX_PLANS['open-app-notification-settings'].run(io, subject(), pixel)).detail).toContain(
      'APP_NOTIFICATION_SETTINGS',
    );
  });
});
