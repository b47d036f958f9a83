import { describe, expect, it } from 'vitest';
import { shellCommand } from '../../../../electron/lab/adb/quote';
import { APP, capture, phone, POST, READ_PHONES, sh, withApp } from './helpers';

describe('appops get / dumpsys appops on the four reference phones', () => {
  it.each(Object.entries(READ_PHONES))('%s: a fresh app', async (name, profile) => {
    const p = await withApp(profile);
    const uid = p.installedPackage(APP)?.uid ?? 0;
    const expected: Record<string, string> = {
      // MIUI's Security Center sets autostart to ignore; 13+ mirrors the denied notification permission.
      xiaomi: 'Uid mode: POST_NOTIFICATION: ignore\nMIUIOP(10008): ignore\n',
      oppo: 'Uid mode: POST_NOTIFICATION: ignore\n',
      pixel: 'Uid mode: POST_NOTIFICATION: ignore\n',
      android9: 'No operations.\n',
    };
    expect(await sh(p, `appops get ${APP}`)).toEqual({ status: 0, out: expected[name], err: '' });
    const dump = (await sh(p, `dumpsys appops --package ${APP}`)).out;
    expect(dump.startsWith('Current AppOps Service state:\n  Settings:\n')).toBe(true);
    if (name === 'android9') expect(dump).not.toContain('  Uid ');
    else
      expect(dump).toContain(
        `  Uid u0a${uid - 10000}:\n    state=top\n    capability=------\n    appWidgetVisible=false\n      POST_NOTIFICATION: mode=ignore\n`,
      );
    if (name === 'xiaomi') expect(dump).toContain(`    Package ${APP}:\n      MIUIOP(10008) (ignore): \n`);
  });

  it("uses the real HyperOS capture's line shapes", async () => {
    const real = capture('appops', 'xiaomi-hyperos2-android14-1');
    expect(real).toMatch(
      /\n {2}Uid u0a\d+:\n {4}state=\w+\n {4}capability=[-\w]+\n {4}appWidgetVisible=false\n/,
    );
    expect(real).toContain('      MIUIOP(10008) (ignore): \n');
    expect(real).toContain('      POST_NOTIFICATION: mode=ignore\n');
    const p = await withApp(READ_PHONES.xiaomi);
    await sh(p, `appops set ${APP} RUN_ANY_IN_BACKGROUND ignore`);
    const ours = (await sh(p, 'dumpsys appops')).out;
    expect(ours).toContain('    Package com.xiaomi.xmsf:\n      MIUIOP(10008) (allow): \n');
    // In op-code order, as in the capture: platform ops first, MIUI ops (10000+) after.
    expect(ours).toContain(
      `    Package ${APP}:\n      RUN_ANY_IN_BACKGROUND (ignore): \n      MIUIOP(10008) (ignore): \n`,
    );
  });
});

describe('appops set changes what appops get shows', () => {
  it('background ops: set, read back, back to the default prunes the entry', async () => {
    const p = await withApp(READ_PHONES.pixel);
    expect(await sh(p, `appops set ${APP} RUN_ANY_IN_BACKGROUND ignore`)).toEqual({
      status: 0,
      out: '',
      err: '',
    });
    expect((await sh(p, `appops get ${APP} RUN_ANY_IN_BACKGROUND`)).out).toBe(
      'RUN_ANY_IN_BACKGROUND: ignore\n',
    );
    await sh(p, `appops set ${APP} android:run_in_background deny`);
    expect((await sh(p, `appops get ${APP} RUN_IN_BACKGROUND`)).out).toBe('RUN_IN_BACKGROUND: deny\n');
    await sh(p, `appops set ${APP} RUN_ANY_IN_BACKGROUND allow`);
    expect((await sh(p, `appops get ${APP} RUN_ANY_IN_BACKGROUND`)).out).toBe(
      'No operations.\nDefault mode: allow\n',
    );
    await sh(p, `appops set ${APP} 70 default`);
    expect((await sh(p, `appops get ${APP} 70`)).out).toBe('RUN_ANY_IN_BACKGROUND: default\n');
  });

  it('the uid-level POST_NOTIFICATION follows the notification permission', async () => {
    const p = await withApp(READ_PHONES.oppo);
    await sh(p, `pm grant ${APP} ${POST}`);
    expect((await sh(p, `appops get ${APP} POST_NOTIFICATION`)).out).toBe(
      'No operations.\nDefault mode: allow\n',
    );
    p.blockApp(APP);
    expect((await sh(p, `appops get ${APP} POST_NOTIFICATION`)).out).toBe(
      'Uid mode: POST_NOTIFICATION: ignore\n',
    );
  });

  it('MIUI autostart 10008: allowed from the shell by default; refusable per phone', async () => {
    const p = await withApp(READ_PHONES.xiaomi);
    expect(await sh(p, `appops set ${APP} 10008 allow`)).toEqual({ status: 0, out: '', err: '' });
    expect((await sh(p, `appops get ${APP} 10008`)).out).toBe('MIUIOP(10008): allow\n');
    p.setRefuseAppOpsFor10008(true);
    const refused = await sh(p, `appops set ${APP} 10008 ignore`);
    expect(refused.status).toBe(255);
    expect(refused.err).toContain(
      "Exception occurred while executing 'set':\njava.lang.SecurityException: uid 2000 does not have android.permission.UPDATE_APP_OPS_STATS.",
    );
    expect((await sh(p, `appops get ${APP} 10008`)).out).toBe('MIUIOP(10008): allow\n');
    const locked = await withApp(READ_PHONES.xiaomi, { options: { adbSecuritySettings: false } });
    expect((await sh(locked, `appops set ${APP} 10008 allow`)).err).toContain('MANAGE_APP_OPS_MODES');
  });

  it('op 10008 is no op outside MIUI; RUN_ANY_IN_BACKGROUND does not exist on Android 8', async () => {
    const p = await withApp(READ_PHONES.pixel);
    const bad = await sh(p, `appops set ${APP} 10008 allow`);
    expect(bad.status).toBe(255);
    expect(bad.err).toContain('java.lang.IllegalArgumentException: Bad operation #10008');
    expect((await sh(p, `appops get ${APP} 10008`)).out).toBe('No operations.\n');
    const oreo = await withApp('samsung-android8.1-1');
    expect(await sh(oreo, `appops set ${APP} RUN_ANY_IN_BACKGROUND ignore`)).toEqual({
      status: 255,
      out: '',
      err: 'Error: Unknown operation string: RUN_ANY_IN_BACKGROUND\n',
    });
    expect(await sh(oreo, `appops set ${APP} RUN_IN_BACKGROUND ignore`)).toEqual({
      status: 0,
      out: '',
      err: '',
    });
  });

  it('errors come as the shell command prints them', async () => {
    const p = phone(READ_PHONES.pixel);
    expect(await sh(p, 'appops get')).toEqual({
      status: 255,
      out: '',
      err: 'Error: Package name not specified.\n',
    });
    expect(await sh(p, 'appops set com.android.shell')).toEqual({
      status: 255,
      out: '',
      err: 'Error: Operation not specified.\n',
    });
    expect(await sh(p, 'appops set com.android.shell WAKE_LOCK')).toEqual({
      status: 255,
      out: '',
      err: 'Error: Mode not specified.\n',
    });
    expect(await sh(p, 'appops set com.android.shell WAKE_LOCK maybe')).toEqual({
      status: 255,
      out: '',
      err: 'Error: Mode maybe is not valid\n',
    });
    expect(await sh(p, 'appops get com.not.there')).toEqual({
      status: 255,
      out: '',
      err: 'Error: No UID for com.not.there in user 0\n',
    });
    expect((await sh(p, 'dumpsys appops --package com.not.there')).out).toBe(
      'Unknown package: com.not.there\n',
    );
    expect((await sh(p, 'cmd appops get com.android.shell')).out).toBe('No operations.\n');
  });

  it('quoted hostile package names are not executed', async () => {
    const p = await withApp(READ_PHONES.xiaomi);
    for (const hostile of [`${APP};appops set ${APP} 10008 allow`, `$(appops set ${APP} 10008 allow)`]) {
      const r = await sh(p, shellCommand('appops', 'set', hostile, '10008', 'allow'));
      expect(r).toEqual({ status: 255, out: '', err: `Error: No UID for ${hostile} in user 0\n` });
    }
    expect((await sh(p, `appops get ${APP} 10008`)).out).toBe('MIUIOP(10008): ignore\n');
  });
});
