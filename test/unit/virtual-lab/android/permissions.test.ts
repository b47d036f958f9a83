import { describe, expect, it } from 'vitest';
import { shellCommand } from '../../../../electron/lab/adb/quote';
import { APP, capture, POST, READ_PHONES, sh, withApp } from './helpers';

const permLine = async (p: Awaited<ReturnType<typeof withApp>>): Promise<string | undefined> =>
  (await sh(p, `dumpsys package ${APP}`)).out.split('\n').find((l) => l.includes(`${POST}:`));

describe('POST_NOTIFICATIONS in dumpsys package', () => {
  it.each(Object.entries(READ_PHONES))(
    '%s: runtime permission on 13+, absent before',
    async (_name, profile) => {
      const p = await withApp(profile);
      const out = (await sh(p, `dumpsys package ${APP}`)).out;
      expect(out).toContain('    install permissions:\n      android.permission.INTERNET: granted=true\n');
      expect(out).toContain('      runtime permissions:\n');
      if (p.state.sdk >= 33) {
        expect(await permLine(p)).toBe(
          `        ${POST}: granted=false, flags=[ USER_SENSITIVE_WHEN_GRANTED|USER_SENSITIVE_WHEN_DENIED]`,
        );
      } else {
        // Not a permission the release defines: requested, but neither install nor runtime.
        expect(out).toContain(`    requested permissions:\n      ${POST}\n`);
        expect(out).not.toContain(`${POST}: granted`);
      }
    },
  );

  it('prints flags the way the real capture does ("flags=[ NAME|NAME]", none when zero)', async () => {
    const real = capture('dumpsys-package', 'android14-wear-updated-system-app-4');
    expect(real).toMatch(/: granted=true, flags=\[ GRANTED_BY_DEFAULT\]\n/);
    const p = await withApp(READ_PHONES.pixel);
    await sh(p, `pm set-permission-flags ${APP} ${POST} user-set user-fixed`);
    expect(await permLine(p)).toBe(
      `        ${POST}: granted=false, flags=[ USER_SET|USER_FIXED|USER_SENSITIVE_WHEN_GRANTED|USER_SENSITIVE_WHEN_DENIED]`,
    );
    p.setPostNotifications(APP, { granted: true, flags: [] });
    expect(await permLine(p)).toBe(`        ${POST}: granted=true`);
  });

  it('apps targeting Android 12 get the permission implicitly on 13+', async () => {
    const p = await withApp(READ_PHONES.xiaomi, {
      permissions: ['android.permission.INTERNET'],
      targetSdk: 31,
    });
    expect(await permLine(p)).toBe(
      `        ${POST}: granted=false, flags=[ USER_SENSITIVE_WHEN_GRANTED|USER_SENSITIVE_WHEN_DENIED]`,
    );
    expect(await sh(p, `pm grant ${APP} ${POST}`)).toEqual({ status: 0, out: '', err: '' });
    expect(await permLine(p)).toContain(': granted=true, ');
  });
});

describe('pm grant / revoke / set-permission-flags / clear-permission-flags', () => {
  it('grant and revoke change the dump; revoke kills the app', async () => {
    const p = await withApp(READ_PHONES.oppo);
    expect(await sh(p, `pm grant ${APP} ${POST}`)).toEqual({ status: 0, out: '', err: '' });
    expect(await permLine(p)).toContain(': granted=true, flags=');
    expect((await sh(p, `pidof ${APP}`)).status).toBe(0);
    expect(await sh(p, `pm revoke ${APP} ${POST}`)).toEqual({ status: 0, out: '', err: '' });
    expect(await permLine(p)).toContain(': granted=false, flags=');
    expect((await sh(p, `pidof ${APP}`)).status).toBe(1);
  });

  it('clear-permission-flags removes user-fixed from a blocked app', async () => {
    const p = await withApp(READ_PHONES.xiaomi);
    p.blockApp(APP);
    expect(await permLine(p)).toContain('flags=[ USER_SET|USER_FIXED|');
    expect(await sh(p, `pm clear-permission-flags ${APP} ${POST} user-fixed`)).toEqual({
      status: 0,
      out: '',
      err: '',
    });
    expect(await permLine(p)).toBe(
      `        ${POST}: granted=false, flags=[ USER_SET|USER_SENSITIVE_WHEN_GRANTED|USER_SENSITIVE_WHEN_DENIED]`,
    );
  });

  it('rejects unknown flags, missing arguments and permissions of other kinds like pm does', async () => {
    const p = await withApp(READ_PHONES.pixel);
    expect(await sh(p, `pm set-permission-flags ${APP} ${POST} user-sett`)).toEqual({
      status: 1,
      out: '',
      err: 'Error: specified flag user-sett is not one of [review-required, revoked-compat, revoke-when-requested, user-fixed, user-set]\n',
    });
    expect(await sh(p, `pm set-permission-flags ${APP} ${POST}`)).toMatchObject({
      status: 1,
      err: 'Error: no permission flags specified\n',
    });
    const install = await sh(p, `pm grant ${APP} android.permission.INTERNET`);
    expect(install.status).toBe(255);
    expect(install.err).toContain(
      `java.lang.SecurityException: Permission android.permission.INTERNET requested by ${APP} is not a changeable permission type`,
    );
    const unknown = await sh(p, `pm grant com.not.there ${POST}`);
    expect(unknown.err).toContain(
      "Exception occurred while executing 'grant':\njava.lang.IllegalArgumentException: Unknown package: com.not.there\n",
    );
  });

  it('Android-version refusals: no POST_NOTIFICATIONS before 13, no flag commands before 11', async () => {
    const p = await withApp('xiaomi-miui12.5-android11-3');
    const grant = await sh(p, `pm grant ${APP} ${POST}`);
    expect(grant.status).toBe(255);
    expect(grant.err).toContain(`java.lang.IllegalArgumentException: Unknown permission: ${POST}`);
    const pie = await withApp(READ_PHONES.android9);
    expect((await sh(pie, `pm grant ${APP} ${POST}`)).err).toContain(
      'Exception occurred while executing:\njava.lang.IllegalArgumentException: Unknown permission',
    );
    expect(await sh(pie, `pm set-permission-flags ${APP} ${POST} user-set`)).toEqual({
      status: 255,
      out: 'Unknown command: set-permission-flags\n',
      err: '',
    });
  });

  it('MIUI without "USB debugging (Security settings)" refuses the shell, and so does ColorOS with monitoring on', async () => {
    const p = await withApp(READ_PHONES.xiaomi, { options: { adbSecuritySettings: false } });
    const refused = await sh(p, `pm grant ${APP} ${POST}`);
    expect(refused.status).toBe(255);
    expect(refused.err).toContain(
      'java.lang.SecurityException: grantRuntimePermission: Neither user 2000 nor current process has android.permission.GRANT_RUNTIME_PERMISSIONS.',
    );
    expect(await permLine(p)).toContain(': granted=false');
    p.setAdbSecuritySettings(true);
    expect((await sh(p, `pm grant ${APP} ${POST}`)).status).toBe(0);
    const oppo = await withApp(READ_PHONES.oppo, { options: { adbSecuritySettings: false } });
    expect((await sh(oppo, `pm revoke ${APP} ${POST}`)).err).toContain(
      'revokeRuntimePermission: Neither user 2000',
    );
    const pixel = await withApp(READ_PHONES.pixel, { options: { adbSecuritySettings: false } });
    expect((await sh(pixel, `pm grant ${APP} ${POST}`)).status).toBe(0);
  });

  it('pm clear resets the user choice, the channels and the notifications', async () => {
    const p = await withApp(READ_PHONES.pixel, { grant: true });
    p.postNotification(APP, { channelId: 'pushlab_default', title: 't', text: 'x' });
    p.blockApp(APP, false);
    await sh(p, `pm clear ${APP}`);
    expect(await permLine(p)).toBe(
      `        ${POST}: granted=false, flags=[ USER_SENSITIVE_WHEN_GRANTED|USER_SENSITIVE_WHEN_DENIED]`,
    );
    expect(p.notifications(APP)).toHaveLength(0);
    expect((await sh(p, 'dumpsys notification --noredact')).out).not.toContain("mId='pushlab_default'");
  });
});

describe('hostile arguments stay arguments', () => {
  it('quoted package names with shell syntax are looked up verbatim and change nothing', async () => {
    const p = await withApp(READ_PHONES.pixel);
    for (const hostile of [
      `${APP};id`,
      `${APP}\`id\``,
      `${APP} ${POST}`,
      `$(pm grant ${APP} ${POST})`,
      `${APP}' ; id ; '`,
    ]) {
      const cmd = shellCommand('pm', 'grant', hostile, POST);
      const r = await sh(p, cmd);
      expect(r.status, cmd).toBe(255);
      expect(r.out + r.err, cmd).not.toMatch(/uid=\d+\(shell\)/);
      expect(r.err, cmd).toContain(`Unknown package: ${hostile}\n`);
    }
    // An option-looking argument is taken as an option, as pm does; the rest shifts.
    expect(await sh(p, shellCommand('pm', 'grant', '-g', POST))).toEqual({
      status: 1,
      out: '',
      err: 'Error: no permission specified\n',
    });
    expect(await permLine(p)).toContain(': granted=false');
  });
});
