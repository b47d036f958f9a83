import { describe, expect, it } from 'vitest';
import { clearPermissionFlags } from '../../../electron/lab/android/commands/doctor/clear-permission-flags';
import { dozeAllowlistAdd } from '../../../electron/lab/android/commands/doctor/doze-allowlist-add';
import { grantPermission } from '../../../electron/lab/android/commands/doctor/grant-permission';
import { openActivity } from '../../../electron/lab/android/commands/doctor/open-activity';
import { openAppNotificationSettings } from '../../../electron/lab/android/commands/doctor/open-app-notification-settings';
import { readAppOps } from '../../../electron/lab/android/commands/doctor/read-app-ops';
import { readDeviceIdle } from '../../../electron/lab/android/commands/doctor/read-device-idle';
import { readNotificationDump } from '../../../electron/lab/android/commands/doctor/read-notification-dump';
import { readPackageDump } from '../../../electron/lab/android/commands/doctor/read-package-dump';
import {
  readRestrictBackground,
  readRestrictBackgroundUids,
} from '../../../electron/lab/android/commands/doctor/read-restrict-background';
import { readSetting, type DoctorSetting } from '../../../electron/lab/android/commands/doctor/read-setting';
import { readStandbyBucket } from '../../../electron/lab/android/commands/doctor/read-standby-bucket';
import { findRefusal } from '../../../electron/lab/adb/refusal';
import { setAppOp, type SettableAppOpMode } from '../../../electron/lab/android/commands/doctor/set-app-op';
import {
  setStandbyBucket,
  type SettableBucket,
} from '../../../electron/lab/android/commands/doctor/set-standby-bucket';
import { FakeDeviceIo } from '../../support/fake-device-io';
import { PKG, fixture, packageDumpText } from './helpers';

/** What real ROMs print when they refuse (pm, appops, am, cmd). */
const REFUSALS = {
  security:
    "Exception occurred while executing 'grant':\njava.lang.SecurityException: grantRuntimePermission: " +
    'Neither user 2000 nor current process has android.permission.GRANT_RUNTIME_PERMISSIONS.\n',
  notAllowed:
    'Security exception: Operation not allowed: java.lang.SecurityException: Shell does not have permission to modify MIUI ops\n',
  unknown: 'Unknown command: set-standby-bucket\n',
  error:
    'Error: java.lang.IllegalArgumentException: Unknown permission: android.permission.POST_NOTIFICATIONS\n',
} as const;

describe('doctor reads', () => {
  it('reads the package dump with its uid (appId on Android 14)', async () => {
    const io = new FakeDeviceIo('S1', [[/^dumpsys package /, packageDumpText({ uid: 10455 })]]);
    const dump = await readPackageDump(io, PKG);
    expect(io.commands).toEqual([`dumpsys package ${PKG}`]);
    expect(dump.uid).toBe(10455);
    expect(dump.info?.versionCode).toBe(412);
  });

  it('reads the notification dump unredacted and decodes a UTF-16 answer', async () => {
    const raw = fixture('dumpsys-notification', 'google-pixel-android16-2.txt');
    const io = new FakeDeviceIo('S1', [[/^dumpsys notification/, raw.toString('latin1')]]);
    const { text } = await readNotificationDump(io);
    expect(io.commands).toEqual(['dumpsys notification --noredact']);
    expect(text).toContain('AppSettings: org.telegram.messenger (10295)');
    expect(text).not.toContain('\r');
  });

  it('reads app ops and refuses the unknown-package answer as an error', async () => {
    const io = new FakeDeviceIo('S1', [
      [/^appops get /, fixture('appops-get', 'composed-miui-uid-override-1.txt').toString('utf8')],
    ]);
    const read = await readAppOps(io, PKG);
    expect(io.commands).toEqual([`appops get ${PKG}`]);
    expect(read.ops?.ops['10008']?.mode).toBe('ignore');
    const missing = new FakeDeviceIo('S1', [
      [/^appops get /, fixture('appops-get', 'composed-unknown-package-4.txt').toString('utf8')],
    ]);
    await expect(readAppOps(missing, PKG)).rejects.toMatchObject({
      code: 'COMMAND_FAILED',
      detail: expect.stringContaining('No UID'),
    });
  });

  it('reads the Doze allow-list from the whitelist command, falling back to the full dump', async () => {
    const csv = fixture('deviceidle-whitelist', 'composed-xiaomi-hyperos2-android14-1.txt').toString('utf8');
    const short = new FakeDeviceIo('S1', [[/^dumpsys deviceidle whitelist$/, csv]]);
    expect((await readDeviceIdle(short)).info.user).toContain('com.termux.api');
    expect(short.commands).toEqual(['dumpsys deviceidle whitelist']);
    const full = fixture('deviceidle', 'xiaomi-hyperos2-android14-1.txt').toString('utf8');
    const old = new FakeDeviceIo('S1', [
      [/^dumpsys deviceidle whitelist$/, ''],
      [/^dumpsys deviceidle$/, full],
    ]);
    const read = await readDeviceIdle(old);
    expect(old.commands).toEqual(['dumpsys deviceidle whitelist', 'dumpsys deviceidle']);
    expect(read.info.user).toContain('com.xiaomi.xmsf');
    expect(read.info.state).toBe('ACTIVE');
  });

  it('reads the standby bucket and reports Android 8\'s "Unknown command" as a refusal', async () => {
    expect(
      (await readStandbyBucket(new FakeDeviceIo('S1', [[/^am get-standby-bucket /, '40\n']]), PKG)).bucket,
    ).toBe('rare');
    const old = new FakeDeviceIo('S1', [
      [/^am get-standby-bucket /, 'Unknown command: get-standby-bucket\n'],
    ]);
    await expect(readStandbyBucket(old, PKG)).rejects.toMatchObject({
      code: 'COMMAND_FAILED',
      detail: 'Unknown command: get-standby-bucket',
    });
  });

  it('reads only allow-listed settings', async () => {
    const io = new FakeDeviceIo('S1', [
      [/^settings get global zen_mode$/, '1\n'],
      [/^settings get secure lock_screen_show_notifications$/, 'null\n'],
    ]);
    expect((await readSetting(io, 'global/zen_mode')).value).toBe('1');
    expect((await readSetting(io, 'secure/lock_screen_show_notifications')).value).toBeNull();
    await expect(readSetting(io, 'global/adb_enabled; reboot' as DoctorSetting)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    expect(io.commands).toHaveLength(2);
  });

  it('reads Data Saver and the uid lists, trying the newer list names when the old ones are refused', async () => {
    const io = new FakeDeviceIo('S1', [
      [
        /get restrict-background$/,
        fixture('netpolicy', 'composed-cmd-restrict-background-2.txt').toString('utf8'),
      ],
      [/list restrict-background-blacklist$/, 'Unknown command: restrict-background-blacklist\n'],
      [
        /list restrict-background-denylist$/,
        fixture('netpolicy', 'composed-cmd-denylist-3.txt').toString('utf8'),
      ],
    ]);
    expect((await readRestrictBackground(io)).enabled).toBe(false);
    expect((await readRestrictBackgroundUids(io, 'denylist')).uids).toEqual([10140]);
    expect(io.commands.slice(1)).toEqual([
      'cmd netpolicy list restrict-background-blacklist',
      'cmd netpolicy list restrict-background-denylist',
    ]);
  });

  it('does not mistake data for a refusal: only the head of a long read is searched', () => {
    const dump = `Current Notification Manager state:\n${'  line\n'.repeat(10)}    extras={ android.text=String (Error: not allowed) }\n`;
    expect(findRefusal(dump, 'head')).toBeNull();
    expect(findRefusal(dump, 'all')).not.toBeNull();
  });
});

describe('doctor fixes (commands)', () => {
  it('send exactly the expected command lines', async () => {
    const io = new FakeDeviceIo('S1', [
      [/deviceidle whitelist/, `Added: ${PKG}\n`],
      [/^am start/, 'Starting: Intent { cmp=x/y }\n'],
    ]);
    await grantPermission(io, PKG, 'android.permission.POST_NOTIFICATIONS');
    await clearPermissionFlags(io, PKG, 'android.permission.POST_NOTIFICATIONS', ['user-set', 'user-fixed']);
    await setAppOp(io, PKG, '10008', 'allow');
    await setAppOp(io, PKG, 'RUN_ANY_IN_BACKGROUND', 'allow');
    await dozeAllowlistAdd(io, PKG);
    await setStandbyBucket(io, PKG, 'active');
    await openAppNotificationSettings(io, PKG, 34);
    await openActivity(
      io,
      { component: 'com.meizu.safe/com.meizu.safe.security.AppSecActivity', packageExtra: 'packageName' },
      PKG,
    );
    expect(io.commands).toEqual([
      `pm grant ${PKG} android.permission.POST_NOTIFICATIONS`,
      `pm clear-permission-flags ${PKG} android.permission.POST_NOTIFICATIONS user-set user-fixed`,
      `appops set ${PKG} 10008 allow`,
      `appops set ${PKG} RUN_ANY_IN_BACKGROUND allow`,
      `dumpsys deviceidle whitelist +${PKG}`,
      `am set-standby-bucket ${PKG} active`,
      `am start -a android.settings.APP_NOTIFICATION_SETTINGS --es android.provider.extra.APP_PACKAGE ${PKG}`,
      `am start -n com.meizu.safe/com.meizu.safe.security.AppSecActivity --es packageName ${PKG}`,
    ]);
  });

  const fixes: Array<[string, (io: FakeDeviceIo) => Promise<unknown>]> = [
    ['pm grant', (io) => grantPermission(io, PKG, 'android.permission.POST_NOTIFICATIONS')],
    [
      'pm clear-permission-flags',
      (io) => clearPermissionFlags(io, PKG, 'android.permission.POST_NOTIFICATIONS', ['user-fixed']),
    ],
    ['appops set', (io) => setAppOp(io, PKG, '10008', 'allow')],
    ['deviceidle', (io) => dozeAllowlistAdd(io, PKG)],
    ['set-standby-bucket', (io) => setStandbyBucket(io, PKG, 'active')],
    [
      'am start -n',
      (io) =>
        openActivity(io, {
          component: 'com.miui.securitycenter/com.miui.permcenter.autostart.AutoStartManagementActivity',
        }),
    ],
  ];

  for (const [name, run] of fixes) {
    for (const [kind, answer] of Object.entries(REFUSALS)) {
      it(`${name} reports a refusal (${kind}) as failed, with the phone's words`, async () => {
        const io = new FakeDeviceIo('S1', [[/./, answer]]);
        await expect(run(io)).rejects.toMatchObject({ code: 'COMMAND_FAILED', detail: answer.trim() });
      });
    }
  }

  it('treats a silent deviceidle (no "Added:") as not done', async () => {
    await expect(dozeAllowlistAdd(new FakeDeviceIo('S1', [[/./, '']]), PKG)).rejects.toMatchObject({
      code: 'COMMAND_FAILED',
      detail: '(no output)',
    });
  });

  it('falls back to the app-info screen when the notification settings screen is refused', async () => {
    const io = new FakeDeviceIo('S1', [
      [
        /APP_NOTIFICATION_SETTINGS/,
        'Error: Activity not started, unable to resolve Intent { act=android.settings.APP_NOTIFICATION_SETTINGS }\n',
      ],
      [
        /APPLICATION_DETAILS_SETTINGS/,
        'Starting: Intent { act=android.settings.APPLICATION_DETAILS_SETTINGS dat=package:... }\n',
      ],
    ]);
    await expect(openAppNotificationSettings(io, PKG, 30)).resolves.toContain('Starting');
    expect(io.commands[1]).toBe(
      `am start -a android.settings.APPLICATION_DETAILS_SETTINGS -d package:${PKG}`,
    );
    const old = new FakeDeviceIo('S1', [[/./, 'Starting: Intent {}\n']]);
    await openAppNotificationSettings(old, PKG, 25);
    expect(old.commands).toEqual([
      `am start -a android.settings.APPLICATION_DETAILS_SETTINGS -d package:${PKG}`,
    ]);
  });

  it('reports an activity that does not exist on this phone', async () => {
    const io = new FakeDeviceIo('S1', [
      [
        /./,
        'Starting: Intent { cmp=com.x/.Y }\nError type 3\nError: Activity class {com.x/com.x.Y} does not exist.\n',
      ],
    ]);
    await expect(openActivity(io, { component: 'com.x/.Y' })).rejects.toMatchObject({
      code: 'COMMAND_FAILED',
      detail: expect.stringContaining('does not exist'),
    });
  });

  it('never sends hostile input to the phone', async () => {
    const io = new FakeDeviceIo('S1');
    const hostile: Array<() => Promise<unknown>> = [
      () => grantPermission(io, 'com.x;reboot', 'android.permission.POST_NOTIFICATIONS'),
      () => grantPermission(io, PKG, 'android.permission.X; reboot'),
      () =>
        clearPermissionFlags(io, PKG, 'android.permission.POST_NOTIFICATIONS', [
          'system-fixed' as 'user-set',
        ]),
      () => setAppOp(io, PKG, '$(reboot)', 'allow'),
      () => setAppOp(io, PKG, 'RUN_IN_BACKGROUND', 'allow; reboot' as SettableAppOpMode),
      () => dozeAllowlistAdd(io, '$(id).x'),
      () => setStandbyBucket(io, PKG, 'never' as SettableBucket),
      () => openActivity(io, { component: 'com.x/`reboot`' }),
      () => openActivity(io, { component: 'com.x/.Y', packageExtra: 'a b' }, PKG),
      () => openAppNotificationSettings(io, "com.x' ; reboot ; '", 34),
      () => readPackageDump(io, 'a'),
    ];
    for (const attempt of hostile)
      await expect(attempt()).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(io.commands).toEqual([]);
  });
});
