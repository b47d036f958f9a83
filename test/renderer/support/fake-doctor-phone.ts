/**
 * The fake doctor's model of one app on one phone: the settings that decide whether an
 * offline push shows, how they read back as DoctorChecks (evidence in the phone's own words,
 * as dumpsys / appops / cmd print them), and what each fix changes. Runtime-neutral.
 * Check ids and message keys are the core's (electron/lab/doctor/checks), so the panel shows real text.
 */
import type { DeviceView } from '../../../shared/domain/device';
import type { CheckStatus, DoctorCheck, FixId, Message } from '../../../shared/domain/doctor';

export interface FakeChannel {
  readonly id: string;
  readonly name: string;
  importance: number;
  sound: boolean;
  bypassDnd: boolean;
}

/** Everything the fake reads for one package; tests change it to stage a phone. */
export interface FakeAppSettings {
  installed: boolean;
  stopped: boolean;
  /** null below Android 13, where POST_NOTIFICATIONS is not a runtime permission. */
  postNotifications: { granted: boolean; flags: string[] } | null;
  appBlocked: boolean;
  channels: FakeChannel[];
  /** Channels the app creates on its first launch. */
  createsOnLaunch: FakeChannel[];
  zenMode: 0 | 1 | 2 | 3;
  lockscreenShowNotifications: boolean;
  dozeAllowlisted: boolean;
  runAnyInBackground: 'allow' | 'ignore';
  standbyBucket: number;
  restrictBackgroundData: boolean;
  /** MIUI op 10008; null on other ROMs. */
  miuiAutostart: 'allow' | 'ignore' | null;
}

export interface FakeDoctorPhone {
  readonly settings: FakeAppSettings;
  /** Fixes the ROM refuses, with what it prints. */
  readonly refuse: Partial<Record<FixId, string>>;
  /** Evidence the phone prints instead of the modelled one (hostile text tests). */
  readonly evidence: Record<string, string>;
  /** When set, the phone "goes away" after this many checks. */
  stopAfter: number | null;
  /** Checks a newer core might add (unknown ids and message keys). */
  readonly extraChecks: DoctorCheck[];
}

const msg = (key: string, values: Record<string, string> = {}): Message => ({ key, values });
const BUCKETS: Record<number, string> = {
  5: 'exempted',
  10: 'active',
  20: 'working_set',
  30: 'frequent',
  40: 'rare',
  45: 'restricted',
  50: 'never',
};
const ZEN = ['OFF', 'IMPORTANT_INTERRUPTIONS', 'NO_INTERRUPTIONS', 'ALARMS'] as const;

/** A freshly installed app on a phone of this vendor, staged the way the brief's scenarios need. */
export function seedPhone(device: DeviceView): FakeDoctorPhone {
  const id = device.identity;
  const sdk = id?.sdk ?? 34;
  const channel = id?.pushChannel ?? 'fcm';
  const messages: FakeChannel = {
    id: 'im_message',
    name: 'Messages',
    importance: 4,
    sound: true,
    bypassDnd: false,
  };
  const settings: FakeAppSettings = {
    installed: true,
    stopped: false,
    postNotifications: sdk >= 33 ? { granted: true, flags: ['USER_SET'] } : null,
    appBlocked: false,
    channels: [
      messages,
      { id: 'miscellaneous', name: 'Other', importance: 3, sound: true, bypassDnd: false },
    ],
    createsOnLaunch: [],
    zenMode: 0,
    lockscreenShowNotifications: true,
    dozeAllowlisted: true,
    runAnyInBackground: 'allow',
    standbyBucket: 10,
    restrictBackgroundData: false,
    miuiAutostart: channel === 'xiaomi' ? 'allow' : null,
  };
  const phone: FakeDoctorPhone = { settings, refuse: {}, evidence: {}, stopAfter: null, extraChecks: [] };
  if (channel === 'xiaomi') {
    // The brief's Xiaomi: notifications denied and user-fixed, autostart off, DND on, not launched since install.
    settings.postNotifications = sdk >= 33 ? { granted: false, flags: ['USER_SET', 'USER_FIXED'] } : null;
    settings.miuiAutostart = 'ignore';
    settings.zenMode = 1;
    settings.dozeAllowlisted = false;
    settings.standbyBucket = 40;
    settings.stopped = true;
    settings.channels = [];
    settings.createsOnLaunch = [messages];
    phone.refuse['allow-miui-autostart'] =
      "Exception occurred while executing 'set':\njava.lang.SecurityException: uid 2000 " +
      'does not have android.permission.MANAGE_APP_OPS_MODES.\n\tat android.app.ContextImpl.enforce(ContextImpl.java:2240)';
  } else if (channel === 'oppo') {
    // OPPO installs start with notifications off.
    if (settings.postNotifications) settings.postNotifications = { granted: false, flags: [] };
    settings.runAnyInBackground = 'ignore';
  }
  return phone;
}

function check(
  id: string,
  status: CheckStatus,
  title: Message,
  advice: Message,
  evidence: string,
  fixes: readonly FixId[] = [],
  settingsPath: Message | null = null,
): DoctorCheck {
  return { id, status, title, evidence, advice, fixes, settingsPath };
}

function channelEvidence(c: FakeChannel): string {
  return (
    `NotificationChannel{mId='${c.id}', mName=${c.name}, mImportance=${c.importance}, ` +
    `mBypassDnd=${c.bypassDnd}, mLockscreenVisibility=-1000, mSound=${c.sound ? 'content://settings/system/notification_sound' : 'null'}, ` +
    `mVibration=${c.sound}, mDeleted=false}`
  );
}

const IMPORTANCE = ['NONE', 'MIN', 'LOW', 'DEFAULT', 'HIGH', 'MAX'];
const CHANNEL_NAMES: Record<string, string> = {
  xiaomi: 'Mi Push',
  huawei: 'Huawei Push (HMS)',
  honor: 'Honor Push',
  oppo: 'OPPO Push',
  vivo: 'vivo Push',
  meizu: 'Meizu Push',
  fcm: 'FCM',
};
const NOTIFICATION_PATHS: Record<string, string> = {
  xiaomi: 'vendor.xiaomi.notifications',
  huawei: 'vendor.huawei.notificationsHarmony',
  honor: 'vendor.honor.notifications',
  oppo: 'vendor.oplus.notifications',
  vivo: 'vendor.vivo.notifications',
  meizu: 'vendor.meizu.notifications',
};

function appChecks(s: FakeAppSettings, pkg: string, sdk: number): DoctorCheck[] {
  const checks = [
    check(
      'app.installed',
      'ok',
      msg('check.app.installed.title'),
      msg('check.app.installed.ok', { version: '7.9.5866 (1047)' }),
      'versionCode=1047 minSdk=21 targetSdk=34\nversionName=7.9.5866',
    ),
    check('app.enabled', 'ok', msg('check.app.enabled.title'), msg('check.app.enabled.ok'), 'enabled=0'),
    check(
      'app.stopped',
      s.stopped ? 'fail' : 'ok',
      msg('check.app.stopped.title'),
      msg(s.stopped ? 'check.app.stopped.neverLaunched' : 'check.app.stopped.ok'),
      `User 0: installed=true hidden=false suspended=false stopped=${s.stopped} notLaunched=${s.stopped}`,
      s.stopped ? ['launch-app'] : [],
    ),
  ];
  const p = s.postNotifications;
  const line = p
    ? `android.permission.POST_NOTIFICATIONS: granted=${p.granted}, flags=[ ${p.flags.join('|')} ]`
    : '';
  const permAdvice = !p
    ? msg('check.notifications.permission.notNeeded', { sdk: String(sdk) })
    : msg(p.granted ? 'check.notifications.permission.granted' : 'check.notifications.permission.denied');
  checks.push(
    check(
      'notifications.permission',
      !p || p.granted ? 'ok' : 'fail',
      msg('check.notifications.permission.title'),
      permAdvice,
      line,
      p && !p.granted ? ['grant-post-notifications', 'open-app-notification-settings'] : [],
    ),
  );
  if (p) {
    const fixed = !p.granted && p.flags.includes('USER_FIXED');
    const advice = fixed
      ? 'check.notifications.permissionFlags.userFixed'
      : p.granted
        ? 'check.notifications.permissionFlags.ok'
        : 'check.notifications.permissionFlags.canAsk';
    checks.push(
      check(
        'notifications.permission-flags',
        fixed ? 'warn' : 'ok',
        msg('check.notifications.permissionFlags.title'),
        msg(advice),
        line,
        fixed ? ['clear-notification-permission-flags'] : [],
      ),
    );
  }
  checks.push(
    check(
      'notifications.app',
      s.appBlocked ? 'fail' : 'ok',
      msg('check.notifications.app.title'),
      msg(s.appBlocked ? 'check.notifications.app.blocked' : 'check.notifications.app.allowed'),
      `AppSettings: ${pkg} (10234) importance=${s.appBlocked ? 'NONE' : 'DEFAULT'} userSet=${s.appBlocked}`,
      s.appBlocked ? ['open-app-notification-settings'] : [],
    ),
  );
  return checks;
}

function channelChecks(
  s: FakeAppSettings,
  pkg: string,
  channelIds: readonly string[],
  oppo: boolean,
): DoctorCheck[] {
  const checks: DoctorCheck[] = [];
  for (const wanted of channelIds) {
    const c = s.channels.find((have) => have.id === wanted);
    const title = msg('check.channel.title', { channel: wanted });
    if (!c) {
      const have = s.channels.map((x) => x.id).join(', ') || 'none';
      checks.push(
        check(
          `channel:${wanted}`,
          'fail',
          title,
          msg(oppo ? 'check.channel.missingOppo' : 'check.channel.missing', { channel: wanted }),
          `AppSettings: ${pkg} (10234); channels: ${have}`,
        ),
      );
      continue;
    }
    const importance = IMPORTANCE[c.importance] ?? String(c.importance);
    const [status, advice]: [CheckStatus, Message] =
      c.importance === 0
        ? ['fail', msg('check.channel.blocked', { name: c.name })]
        : c.importance < 3
          ? ['warn', msg('check.channel.low', { name: c.name, importance })]
          : [
              'ok',
              msg('check.channel.ok', {
                name: c.name,
                importance,
                sound: c.sound ? 'default' : 'none',
                vibration: c.sound ? 'on' : 'off',
              }),
            ];
    checks.push(
      check(
        `channel:${wanted}`,
        status,
        title,
        advice,
        channelEvidence(c),
        status === 'ok' ? [] : ['open-app-notification-settings'],
      ),
    );
  }
  const blocked = s.channels.filter((c) => c.importance === 0);
  checks.push(
    blocked.length > 0
      ? check(
          'channels.blocked',
          'warn',
          msg('check.channels.blocked.title'),
          msg('check.channels.blocked.some', { channels: blocked.map((c) => c.id).join(', ') }),
          blocked.map(channelEvidence).join('\n'),
          ['open-app-notification-settings'],
        )
      : check(
          'channels.blocked',
          'ok',
          msg('check.channels.blocked.title'),
          msg('check.channels.blocked.none', { count: String(s.channels.length) }),
          `AppSettings: ${pkg} (10234)`,
        ),
  );
  return checks;
}

function settingsChecks(s: FakeAppSettings, pkg: string): DoctorCheck[] {
  const bypass = s.channels.some((c) => c.bypassDnd);
  const dndAdvice =
    s.zenMode === 0
      ? 'check.dnd.off'
      : bypass
        ? 'check.dnd.bypass'
        : (['check.dnd.off', 'check.dnd.important', 'check.dnd.total', 'check.dnd.alarms'][s.zenMode] ??
          'check.dnd.unreadable');
  const bucket = s.standbyBucket;
  const bucketName = BUCKETS[bucket] ?? String(bucket);
  return [
    check(
      'dnd.mode',
      s.zenMode === 0 || bypass ? 'ok' : 'warn',
      msg('check.dnd.title'),
      msg(dndAdvice),
      `zen_mode=${s.zenMode} (${ZEN[s.zenMode]})`,
    ),
    check(
      'lockscreen.notifications',
      s.lockscreenShowNotifications ? 'ok' : 'warn',
      msg('check.lockscreen.notifications.title'),
      msg(
        s.lockscreenShowNotifications
          ? 'check.lockscreen.notifications.shown'
          : 'check.lockscreen.notifications.hidden',
      ),
      `lock_screen_show_notifications=${s.lockscreenShowNotifications ? 1 : 0}`,
    ),
    s.dozeAllowlisted
      ? check(
          'battery.doze',
          'ok',
          msg('check.battery.doze.title'),
          msg('check.battery.doze.allowlisted', { kind: 'user' }),
          `user,${pkg},10234`,
        )
      : check(
          'battery.doze',
          'warn',
          msg('check.battery.doze.title'),
          msg('check.battery.doze.notAllowlisted'),
          `${pkg} is not on the deviceidle whitelist (user: 12 apps, system: 38 apps)`,
          ['doze-allowlist'],
        ),
    s.runAnyInBackground === 'allow'
      ? check(
          'battery.run-any-in-background',
          'ok',
          msg('check.battery.runAny.title'),
          msg('check.battery.appOp.allowed', { op: 'RUN_ANY_IN_BACKGROUND' }),
          'RUN_ANY_IN_BACKGROUND: allow',
        )
      : check(
          'battery.run-any-in-background',
          'warn',
          msg('check.battery.runAny.title'),
          msg('check.battery.appOp.restricted', { op: 'RUN_ANY_IN_BACKGROUND', mode: s.runAnyInBackground }),
          `RUN_ANY_IN_BACKGROUND: ${s.runAnyInBackground}; time=+3d2h11m ago`,
          ['allow-run-any-in-background'],
        ),
    bucket >= 45
      ? check(
          'battery.standby',
          'fail',
          msg('check.battery.standby.title'),
          msg('check.battery.standby.restricted', { bucket: bucketName }),
          `${bucket} (${bucketName})`,
          ['standby-bucket-active'],
        )
      : bucket >= 40
        ? check(
            'battery.standby',
            'warn',
            msg('check.battery.standby.title'),
            msg('check.battery.standby.rare', { bucket: bucketName }),
            `${bucket} (${bucketName})`,
            ['standby-bucket-active'],
          )
        : check(
            'battery.standby',
            'ok',
            msg('check.battery.standby.title'),
            msg('check.battery.standby.ok', { bucket: bucketName }),
            `${bucket} (${bucketName})`,
          ),
    check(
      'battery.data',
      s.restrictBackgroundData ? 'warn' : 'ok',
      msg('check.battery.data.title'),
      msg(s.restrictBackgroundData ? 'check.battery.data.backgroundOff' : 'check.battery.data.ok'),
      `Restrict background status: ${s.restrictBackgroundData ? 'enabled' : 'disabled'}`,
    ),
  ];
}

function vendorChecks(s: FakeAppSettings, device: DeviceView, pkg: string): DoctorCheck[] {
  const identity = device.identity;
  const channel = identity?.pushChannel ?? 'fcm';
  const rom = identity
    ? `${identity.rom.name}${identity.rom.version ? ` ${identity.rom.version}` : ''}`
    : 'Android';
  const checks: DoctorCheck[] = [];
  if (s.miuiAutostart !== null) {
    const on = s.miuiAutostart === 'allow';
    checks.push(
      check(
        'vendor.autostart',
        on ? 'ok' : 'warn',
        msg('check.vendor.autostart.title'),
        on ? msg('check.vendor.autostart.miuiOn') : msg('check.vendor.autostart.miuiOff', { rom }),
        `MIUIOP(10008): ${s.miuiAutostart}`,
        on ? [] : ['allow-miui-autostart', 'open-autostart-settings'],
        on ? null : msg('vendor.xiaomi.autostartHyperos'),
      ),
    );
  }
  const path = NOTIFICATION_PATHS[channel];
  if (path) {
    checks.push(
      check(
        'vendor.notifications',
        'manual',
        msg('check.vendor.notifications.title'),
        msg('check.vendor.notifications.manual', { rom, package: pkg }),
        `${rom}: not readable over adb`,
        ['open-app-notification-settings'],
        msg(path),
      ),
    );
  }
  for (const service of identity?.pushServices ?? []) {
    const version = String(service.versionCode ?? '?');
    const old = service.meetsMinimum === false;
    checks.push(
      check(
        'push.service',
        old ? 'fail' : 'ok',
        msg('check.push.service.title'),
        old
          ? msg('check.push.service.tooOld', {
              service: service.name,
              version,
              minimum: String((service.minimumVersionCode ?? 1) - 1),
            })
          : msg('check.push.service.ok', {
              service: service.name,
              version,
              channel: CHANNEL_NAMES[channel] ?? channel,
            }),
        `${service.package} versionCode=${version} enabled=true`,
      ),
    );
  }
  if (channel !== 'fcm' && channel !== 'honor') {
    checks.push(
      check(
        'push.quota',
        'manual',
        msg('check.push.quota.title', { channel: CHANNEL_NAMES[channel] ?? channel }),
        msg(`check.push.quota.${channel}`),
        `push channel: ${channel}`,
        [],
        msg(`vendor.console.${channel}`),
      ),
    );
  }
  return checks;
}

/** The checks as the core would read them for `pkg` and the channel ids of its push config (ids and keys as the core's). */
export function readChecks(
  device: DeviceView,
  phone: FakeDoctorPhone,
  pkg: string,
  channelIds: readonly string[],
): DoctorCheck[] {
  const s = phone.settings;
  const sdk = device.identity?.sdk ?? 34;
  const checks = s.installed
    ? [
        ...appChecks(s, pkg, sdk),
        ...channelChecks(s, pkg, channelIds, device.identity?.pushChannel === 'oppo'),
        ...settingsChecks(s, pkg),
        ...vendorChecks(s, device, pkg),
        ...phone.extraChecks,
      ]
    : [
        check(
          'app.installed',
          'fail',
          msg('check.app.installed.title'),
          msg('check.app.installed.missing', { package: pkg }),
          `Unable to find package: ${pkg}`,
        ),
      ];
  return checks.map((c) =>
    Object.prototype.hasOwnProperty.call(phone.evidence, c.id)
      ? { ...c, evidence: phone.evidence[c.id] ?? '' }
      : c,
  );
}

/** Applies a fix to the model; returns what the phone printed when it refused. */
export function applyFix(phone: FakeDoctorPhone, fix: FixId): { accepted: boolean; detail: string | null } {
  const refusal = phone.refuse[fix];
  if (refusal !== undefined) return { accepted: false, detail: refusal };
  const s = phone.settings;
  switch (fix) {
    case 'grant-post-notifications':
      if (s.postNotifications)
        s.postNotifications = {
          granted: true,
          flags: s.postNotifications.flags.filter((f) => f !== 'USER_FIXED'),
        };
      break;
    case 'clear-notification-permission-flags':
      if (s.postNotifications) s.postNotifications = { ...s.postNotifications, flags: [] };
      break;
    case 'allow-run-any-in-background':
    case 'allow-run-in-background':
      s.runAnyInBackground = 'allow';
      break;
    case 'doze-allowlist':
      s.dozeAllowlisted = true;
      break;
    case 'standby-bucket-active':
      s.standbyBucket = 10;
      break;
    case 'launch-app':
      s.stopped = false;
      for (const c of s.createsOnLaunch)
        if (!s.channels.some((have) => have.id === c.id)) s.channels.push({ ...c });
      break;
    case 'allow-miui-autostart':
      if (s.miuiAutostart !== null) s.miuiAutostart = 'allow';
      break;
    case 'open-app-notification-settings':
    case 'open-autostart-settings':
      break; // Opens a screen on the phone; a human does the rest.
  }
  return { accepted: true, detail: null };
}
