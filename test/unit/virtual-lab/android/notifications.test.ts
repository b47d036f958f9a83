import { describe, expect, it } from 'vitest';
import { APP, capture, phone, POST, READ_PHONES, sh, withApp } from './helpers';

/** Field names of the first `NotificationChannel{...}` in a text, in order. */
function channelFields(text: string): string[] {
  const line = text.split('\n').find((l) => l.trimStart().startsWith('NotificationChannel{'));
  if (!line) throw new Error('no NotificationChannel line');
  return [...line.matchAll(/(?:\{|, )(m[A-Za-z]+)=/g)].map((m) => m[1] as string);
}

const appSettingsLine = async (p: Awaited<ReturnType<typeof withApp>>): Promise<string> =>
  (await sh(p, `dumpsys notification --noredact p ${APP}`)).out
    .split('\n')
    .find((l) => l.includes(`AppSettings: ${APP} `)) ?? '';

describe('dumpsys notification on the four reference phones', () => {
  it.each(Object.entries(READ_PHONES))(
    '%s: preferences, the app line and its launch channel',
    async (_name, profile) => {
      const p = await withApp(profile);
      const app = p.installedPackage(APP);
      const out = (await sh(p, 'dumpsys notification --noredact')).out;
      expect(out.startsWith('Current Notification Manager state:\n')).toBe(true);
      expect(out).toContain('\n  Ranking Config:\n    mSignalExtractors.length = ');
      expect(out).toContain('\n Notification Preferences:\n    per-package config version: ');
      expect(out).toMatch(/\nPackagePreferences:\n[\s\S]*\nRestored without uid:\n/);
      expect(out).toContain("NotificationChannel{mId='pushlab_default', mName=Messages, ");
      expect(out).toMatch(/\n {2}Zen Mode:\n {4}mInterruptionFilter=1\n {4}mZenMode=ZEN_MODE_OFF\n/);
      const line = await appSettingsLine(p);
      // Android 13+: the line carries the POST_NOTIFICATIONS state; before, a default app has no importance.
      if (p.state.sdk >= 33)
        expect(line).toBe(`      AppSettings: ${APP} (${app?.uid}) importance=NONE userSet=false`);
      else expect(line).toBe(`      AppSettings: ${APP} (${app?.uid})`);
    },
  );

  it('field order of NotificationChannel matches the real HyperOS 2 (Android 14) capture', async () => {
    const p = await withApp(READ_PHONES.xiaomi);
    expect(channelFields((await sh(p, `dumpsys notification p ${APP}`)).out)).toEqual(
      channelFields(capture('dumpsys-notification', 'xiaomi-hyperos2-android14-1')),
    );
  });

  it('field order of NotificationChannel matches the real Pixel Android 16 capture on an Android 16 phone', async () => {
    const p = await withApp('samsung-oneui8.0-android16-3');
    const ours = (await sh(p, `dumpsys notification --noredact p ${APP}`)).out;
    const real = capture('dumpsys-notification', 'google-pixel-android16-2');
    expect(channelFields(ours)).toEqual(channelFields(real));
    expect(ours).toContain('flags=0x800(FLAG_MUTE_HAPTIC)  tags= bundle=null');
  });

  it('AppSettings lines have the shapes of the real captures', async () => {
    const real = capture('dumpsys-notification', 'xiaomi-hyperos2-android14-1')
      .split('\n')
      .filter((l) => l.includes('AppSettings: '));
    const shape =
      /^ {6}AppSettings: [\w.]+ \(\d+\)( importance=(NONE|DEFAULT) userSet=(true|false))?( fixedImportance=true)?$/;
    expect(real.filter((l) => shape.test(l)).length).toBeGreaterThan(real.length * 0.9);
    const p = await withApp(READ_PHONES.xiaomi);
    const ours = (await sh(p, 'dumpsys notification')).out
      .split('\n')
      .filter((l) => l.includes('AppSettings: '));
    expect(ours.length).toBeGreaterThan(2);
    for (const l of ours) expect(l).toMatch(shape);
  });

  it('without --noredact names shrink to 3 chars + "..." (Android 10+) and texts to their length', async () => {
    const p = await withApp(READ_PHONES.xiaomi, { grant: true });
    expect(
      p.postNotification(APP, { channelId: 'pushlab_default', title: 'Hello', text: 'secret text' }),
    ).toMatchObject({ posted: true });
    const redacted = (await sh(p, 'dumpsys notification')).out;
    expect(redacted).toContain("NotificationChannel{mId='pushlab_default', mName=Mes..., ");
    expect(redacted).toContain('android.title=String [length=5]');
    expect(redacted).not.toContain('secret text');
    const open = (await sh(p, 'dumpsys notification --noredact')).out;
    expect(open).toContain('android.text=String (secret text)');
    const pie = await withApp(READ_PHONES.android9);
    expect((await sh(pie, 'dumpsys notification')).out).toContain("mId='pushlab_default', mName=Messages, ");
  });

  it('filters by package substring and prints zen only unfiltered or with "zen"', async () => {
    const p = await withApp(READ_PHONES.pixel);
    const filtered = (await sh(p, 'dumpsys notification p pushlab')).out;
    expect(filtered.startsWith("Current Notification Manager state (filtered to 'pushlab'):\n")).toBe(true);
    expect(filtered).toContain(`AppSettings: ${APP} `);
    expect(filtered).not.toContain('AppSettings: com.android.systemui');
    expect(filtered).not.toContain('Zen Mode:');
    const zen = (await sh(p, 'dumpsys notification zen')).out;
    expect(zen).toContain('(filtered to zen):');
    expect(zen).toContain('  Zen Mode:');
    expect(zen).not.toContain('PackagePreferences:');
  });
});

describe('notification state changes what the dump shows', () => {
  it('pm grant turns the Android 13+ app line to DEFAULT; blocking makes it NONE userSet=true', async () => {
    const p = await withApp(READ_PHONES.pixel);
    await sh(p, `pm grant ${APP} ${POST}`);
    expect(await appSettingsLine(p)).toMatch(/ importance=DEFAULT userSet=false$/);
    p.blockApp(APP);
    expect(await appSettingsLine(p)).toMatch(/ importance=NONE userSet=true$/);
    p.blockApp(APP, false);
    expect(await appSettingsLine(p)).toMatch(/ importance=DEFAULT userSet=true$/);
  });

  it('before Android 13 a blocked app prints importance=NONE; ColorOS installs start blocked', async () => {
    const pie = await withApp(READ_PHONES.android9);
    pie.blockApp(APP);
    expect(await appSettingsLine(pie)).toMatch(/ importance=NONE$/);
    const coloros = await withApp('oppo-coloros7.1-android10-2');
    expect(await appSettingsLine(coloros)).toMatch(/ importance=NONE$/);
    expect(coloros.postNotification(APP, { channelId: 'pushlab_default', title: 't', text: 'x' })).toEqual({
      posted: false,
      reason: 'app-blocked',
    });
    coloros.blockApp(APP, false);
    expect(
      coloros.postNotification(APP, { channelId: 'pushlab_default', title: 't', text: 'x' }),
    ).toMatchObject({ posted: true });
  });

  it('channels: created on first launch from a per-app list; patched and deleted channels show so', async () => {
    const p = await withApp(READ_PHONES.oppo, { launch: false });
    p.setLaunchChannels(APP, ['oppo_push', { id: 'im', name: 'Chats', importance: 4 }]);
    expect((await sh(p, 'dumpsys notification --noredact')).out).not.toContain("mId='oppo_push'");
    await sh(p, `am start -n ${APP}/.MainActivity`);
    let out = (await sh(p, 'dumpsys notification --noredact')).out;
    expect(out).toContain("mId='oppo_push', mName=oppo_push, mDescription=, mImportance=3, ");
    expect(out).toContain("mId='im', mName=Chats, mDescription=, mImportance=4, ");
    p.setChannel(APP, 'im', { importance: 0, bypassDnd: true, sound: null, lockscreenVisibility: -1 });
    p.deleteChannel(APP, 'oppo_push');
    out = (await sh(p, 'dumpsys notification --noredact')).out;
    expect(out).toContain(
      "mId='im', mName=Chats, mDescription=, mImportance=0, mBypassDnd=true, mLockscreenVisibility=-1, mSound=null, ",
    );
    expect(out).toMatch(/mId='oppo_push'[^}]* mDeleted=true, mDeletedTimeMs=\d+,/);
  });

  it('zen: cmd notification set_dnd and settings put zen_mode both show in the dump and in settings', async () => {
    const p = await withApp(READ_PHONES.xiaomi);
    expect(await sh(p, 'cmd notification set_dnd on')).toEqual({ status: 0, out: '', err: '' });
    expect((await sh(p, 'settings get global zen_mode')).out).toBe('2\n');
    expect((await sh(p, 'dumpsys notification')).out).toContain(
      '    mInterruptionFilter=3\n    mZenMode=ZEN_MODE_NO_INTERRUPTIONS\n',
    );
    await sh(p, 'cmd notification set_dnd priority');
    expect((await sh(p, 'settings get global zen_mode')).out).toBe('1\n');
    await sh(p, 'settings put global zen_mode 3');
    expect((await sh(p, 'dumpsys notification')).out).toContain('    mZenMode=ZEN_MODE_ALARMS\n');
    await sh(p, 'cmd notification set-dnd off');
    expect((await sh(p, 'dumpsys notification')).out).toContain('    mZenMode=ZEN_MODE_OFF\n');
    expect((await sh(p, 'cmd notification set_dnd sometimes')).out).toBe(
      'Error occurred. Check logcat for details. Invalid filter: 0\n',
    );
  });

  it('set_dnd does not exist before Android 11', async () => {
    const p = phone(READ_PHONES.android9);
    expect(await sh(p, 'cmd notification set_dnd on')).toEqual({
      status: 255,
      out: 'Unknown command: set_dnd\n',
      err: '',
    });
    expect((await sh(p, 'settings get global zen_mode')).out).toBe('0\n');
  });

  it('lock-screen settings read back through settings get', async () => {
    const p = phone(READ_PHONES.pixel);
    expect((await sh(p, 'settings get secure lock_screen_show_notifications')).out).toBe('1\n');
    p.setLockScreenNotifications(false, false);
    expect((await sh(p, 'settings get secure lock_screen_show_notifications')).out).toBe('0\n');
    expect((await sh(p, 'settings get secure lock_screen_allow_private_notifications')).out).toBe('0\n');
  });
});

describe('posting notifications', () => {
  it('a granted app posts into its channel; DND intercepts unless the channel may bypass it in priority mode', async () => {
    const p = await withApp(READ_PHONES.pixel, { grant: true });
    expect(p.postNotification(APP, { channelId: 'pushlab_default', title: 'A', text: 'one' })).toEqual({
      posted: true,
      key: `0|${APP}|1|null|${p.installedPackage(APP)?.uid}`,
      intercepted: false,
    });
    p.setZenMode('priority');
    expect(p.postNotification(APP, { channelId: 'pushlab_default', title: 'B', text: 'two' })).toMatchObject({
      posted: true,
      intercepted: true,
    });
    p.setChannel(APP, 'pushlab_default', { bypassDnd: true });
    expect(
      p.postNotification(APP, { channelId: 'pushlab_default', title: 'C', text: 'three' }),
    ).toMatchObject({ intercepted: false });
    const out = (await sh(p, 'dumpsys notification --noredact')).out;
    expect(out.match(/NotificationRecord\(0x/g)).toHaveLength(3);
    expect(out).toContain('android.title=String (B)');
    expect(out).toMatch(/mIntercept=true/);
    expect((await sh(p, 'cmd notification list')).out.split('\n').filter(Boolean)).toHaveLength(3);
  });

  it('nothing posts to a missing, deleted or blocked channel, with the op ignored, or after 50', async () => {
    const p = await withApp(READ_PHONES.xiaomi, { grant: true });
    const post = (channelId = 'pushlab_default'): ReturnType<typeof p.postNotification> =>
      p.postNotification(APP, { channelId, title: 't', text: 'x' });
    expect(post('nope')).toEqual({ posted: false, reason: 'no-channel' });
    p.setChannel(APP, 'gone', {});
    p.deleteChannel(APP, 'gone');
    expect(post('gone')).toEqual({ posted: false, reason: 'no-channel' });
    p.setChannel(APP, 'muted', { importance: 0 });
    expect(post('muted')).toEqual({ posted: false, reason: 'channel-blocked' });
    p.setAppOp(APP, 'POST_NOTIFICATION', 'ignore');
    expect(post()).toEqual({ posted: false, reason: 'op-ignored' });
    p.setAppOp(APP, 'POST_NOTIFICATION', 'allow');
    for (let i = 0; i < 50; i++) expect(post()).toMatchObject({ posted: true });
    expect(post()).toEqual({ posted: false, reason: 'too-many' });
    expect(p.postNotification('com.not.there', { channelId: 'x', title: 't', text: 'x' })).toEqual({
      posted: false,
      reason: 'not-installed',
    });
  });

  it('force-stop, blocking the app or its channel cancels its notifications', async () => {
    const p = await withApp(READ_PHONES.oppo, { grant: true });
    p.postNotification(APP, { channelId: 'pushlab_default', title: 't', text: 'x' });
    expect(p.notifications(APP)).toHaveLength(1);
    await sh(p, `am force-stop ${APP}`);
    expect(p.notifications(APP)).toHaveLength(0);
    expect((await sh(p, 'dumpsys notification')).out).not.toContain('Notification List:');
    p.postNotification(APP, { channelId: 'pushlab_default', title: 't', text: 'x' });
    p.setChannel(APP, 'pushlab_default', { importance: 0 });
    expect(p.notifications(APP)).toHaveLength(0);
  });

  it('an app targeting Android 13+ that was never granted posts nothing until pm grant', async () => {
    const p = await withApp(READ_PHONES.pixel);
    expect(p.postNotification(APP, { channelId: 'pushlab_default', title: 't', text: 'x' })).toEqual({
      posted: false,
      reason: 'app-blocked',
    });
    await sh(p, `pm grant ${APP} ${POST}`);
    expect(p.postNotification(APP, { channelId: 'pushlab_default', title: 't', text: 'x' })).toMatchObject({
      posted: true,
    });
    const pie = await withApp(READ_PHONES.android9);
    expect(pie.postNotification(APP, { channelId: 'pushlab_default', title: 't', text: 'x' })).toMatchObject({
      posted: true,
    });
    // Targeting 33+ without requesting POST_NOTIFICATIONS: nothing can ever post, and no importance prints.
    const silent = await withApp(READ_PHONES.pixel, { permissions: ['android.permission.INTERNET'] });
    expect(silent.postNotification(APP, { channelId: 'pushlab_default', title: 't', text: 'x' })).toEqual({
      posted: false,
      reason: 'app-blocked',
    });
    expect(await appSettingsLine(silent)).toBe(
      `      AppSettings: ${APP} (${silent.installedPackage(APP)?.uid})`,
    );
  });
});
