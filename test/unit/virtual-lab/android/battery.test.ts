import { describe, expect, it } from 'vitest';
import { shellCommand } from '../../../../electron/lab/adb/quote';
import { createVirtualAndroid } from '../../../virtual-lab/android/index';
import { APP, capture, phone, pushApk, READ_PHONES, sh, withApp } from './helpers';

const HOUR = 3_600_000;

describe('dumpsys deviceidle on the four reference phones', () => {
  it.each(Object.entries(READ_PHONES))('%s: whitelist listing and full dump', async (name, profile) => {
    const p = await withApp(profile);
    const list = (await sh(p, 'dumpsys deviceidle whitelist')).out;
    for (const line of list.trimEnd().split('\n'))
      expect(line).toMatch(/^(system-excidle|system|user),[\w.]+,\d+$/);
    expect(list).toContain('system,com.android.shell,2000\n');
    if (name === 'xiaomi') expect(list).toMatch(/\nuser,com\.xiaomi\.xmsf,\d+\n/);
    if (name === 'pixel') expect(list).toMatch(/\nsystem,com\.google\.android\.gms,\d+\n/);
    if (name === 'oppo') expect(list).toMatch(/\nsystem,com\.heytap\.mcs,\d+\n/);
    expect(list).not.toContain(APP);
    const full = (await sh(p, 'dumpsys deviceidle')).out;
    expect(full.startsWith('  Settings:\n')).toBe(true);
    expect(full).toContain('  Whitelist system apps:\n');
    expect(full).not.toContain(APP);
  });

  it('has the sections of the real HyperOS capture, in its order', async () => {
    const heads = (text: string): string[] => text.split('\n').filter((l) => /^ {2}[A-Z][^:]*:$/.test(l));
    const real = heads(capture('deviceidle', 'xiaomi-hyperos2-android14-1'));
    const p = await withApp(READ_PHONES.xiaomi);
    await sh(p, `dumpsys deviceidle whitelist +${APP}`);
    expect(heads((await sh(p, 'dumpsys deviceidle')).out)).toEqual(real);
  });

  it('+pkg adds, =pkg asks, -pkg removes; unknown packages and bad prefixes answer like the shell', async () => {
    const p = await withApp(READ_PHONES.pixel);
    const uid = p.installedPackage(APP)?.uid;
    expect(await sh(p, `dumpsys deviceidle whitelist +${APP}`)).toEqual({
      status: 0,
      out: `Added: ${APP}\n`,
      err: '',
    });
    expect((await sh(p, 'dumpsys deviceidle whitelist')).out).toContain(`user,${APP},${uid}\n`);
    expect((await sh(p, 'dumpsys deviceidle')).out).toContain(`  Whitelist user apps:\n    ${APP}\n`);
    expect((await sh(p, `cmd deviceidle whitelist =${APP}`)).out).toBe('true\n');
    expect((await sh(p, `dumpsys deviceidle whitelist -${APP}`)).out).toBe(`Removed: ${APP}\n`);
    expect((await sh(p, `dumpsys deviceidle whitelist -${APP}`)).out).toBe('');
    expect((await sh(p, `cmd deviceidle whitelist =${APP}`)).out).toBe('false\n');
    expect((await sh(p, 'dumpsys deviceidle whitelist +com.not.there')).out).toBe(
      'Unknown package: com.not.there\n',
    );
    expect((await sh(p, `dumpsys deviceidle whitelist ${APP}`)).out).toBe(
      `Package must be prefixed with +, -, or =: ${APP}\n`,
    );
    expect(await sh(p, `cmd deviceidle whitelist ${APP}`)).toMatchObject({ status: 255 });
    p.setDozeAllowlisted(APP, true);
    expect((await sh(p, 'dumpsys deviceidle whitelist')).out).toContain(`user,${APP},${uid}\n`);
  });

  it('a quoted hostile name is one unknown package', async () => {
    const p = await withApp(READ_PHONES.oppo);
    const hostile = `+${APP} +com.android.shell; reboot`;
    expect((await sh(p, shellCommand('dumpsys', 'deviceidle', 'whitelist', hostile))).out).toBe(
      `Unknown package: ${hostile.slice(1)}\n`,
    );
    expect((await sh(p, 'dumpsys deviceidle whitelist')).out).not.toContain(`user,${APP}`);
  });
});

describe('standby buckets', () => {
  it.each(Object.entries(READ_PHONES))(
    '%s: never used = 50, launched = 10, then set by the shell',
    async (_name, profile) => {
      const p = await withApp(profile, { launch: false });
      expect(await sh(p, `am get-standby-bucket ${APP}`)).toEqual({ status: 0, out: '50\n', err: '' });
      await sh(p, `monkey -p ${APP} -c android.intent.category.LAUNCHER 1`);
      expect((await sh(p, `am get-standby-bucket ${APP}`)).out).toBe('10\n');
      expect(await sh(p, `am set-standby-bucket ${APP} rare`)).toEqual({ status: 0, out: '', err: '' });
      expect((await sh(p, `am get-standby-bucket ${APP}`)).out).toBe('40\n');
      await sh(p, `am set-standby-bucket ${APP} active`);
      expect((await sh(p, `am get-standby-bucket ${APP}`)).out).toBe('10\n');
      expect((await sh(p, 'am get-standby-bucket com.android.systemui')).out).toBe('5\n');
    },
  );

  it('decays with time since use, and a launch brings a forced bucket back to active', async () => {
    let now = 1_760_000_000_000;
    const p = createVirtualAndroid(READ_PHONES.pixel, { realisticTiming: false, now: () => now });
    const app = await withAppOn(p);
    now += 13 * HOUR;
    expect((await sh(app, `am get-standby-bucket ${APP}`)).out).toBe('20\n');
    now += 12 * HOUR;
    expect((await sh(app, `am get-standby-bucket ${APP}`)).out).toBe('30\n');
    now += 24 * HOUR;
    expect((await sh(app, `am get-standby-bucket ${APP}`)).out).toBe('40\n');
    app.setStandbyBucket(APP, 'restricted');
    expect((await sh(app, `am get-standby-bucket ${APP}`)).out).toBe('45\n');
    await sh(app, `am start -n ${APP}/.MainActivity`);
    expect((await sh(app, `am get-standby-bucket ${APP}`)).out).toBe('10\n');
  });

  it('Doze allow-listed apps are exempted and cannot be moved', async () => {
    const p = await withApp(READ_PHONES.xiaomi);
    await sh(p, `dumpsys deviceidle whitelist +${APP}`);
    expect((await sh(p, `am get-standby-bucket ${APP}`)).out).toBe('5\n');
    await sh(p, `am set-standby-bucket ${APP} rare`);
    expect((await sh(p, `am get-standby-bucket ${APP}`)).out).toBe('5\n');
  });

  it('Android-version refusals: no restricted bucket before 11, no standby commands before 9', async () => {
    const pie = await withApp(READ_PHONES.android9);
    expect(await sh(pie, `am set-standby-bucket ${APP} restricted`)).toEqual({
      status: 255,
      out: '',
      err: 'Error: Unknown bucket: restricted\n',
    });
    const oreo = await withApp('samsung-android8.1-1');
    expect(await sh(oreo, `am get-standby-bucket ${APP}`)).toEqual({
      status: 255,
      out: 'Unknown command: get-standby-bucket\n',
      err: '',
    });
    const p = phone(READ_PHONES.pixel);
    const missing = await sh(p, 'am get-standby-bucket com.not.there');
    expect(missing.status).toBe(255);
    expect(missing.err).toContain(
      'java.lang.IllegalArgumentException: Cannot get standby bucket for non existent package (com.not.there)',
    );
    expect((await sh(p, 'am set-standby-bucket com.not.there rare')).err).toContain(
      'Cannot set standby bucket for non existent package (com.not.there)',
    );
    expect((await sh(p, `am set-standby-bucket ${APP} 7`)).err).toContain(
      'Cannot set the standby bucket to 7',
    );
  });
});

describe('cmd netpolicy', () => {
  it.each(Object.entries(READ_PHONES))(
    '%s: data saver and the background-data blacklist read and write',
    async (_name, profile) => {
      const p = await withApp(profile);
      const uid = p.installedPackage(APP)?.uid;
      expect(await sh(p, 'cmd netpolicy get restrict-background')).toEqual({
        status: 0,
        out: 'Restrict background status: disabled\n',
        err: '',
      });
      expect((await sh(p, 'cmd netpolicy list restrict-background-blacklist')).out).toBe(
        'Restrict background blacklisted UIDs: none\n\n',
      );
      await sh(p, 'cmd netpolicy set restrict-background true');
      await sh(p, `cmd netpolicy add restrict-background-blacklist ${uid}`);
      expect((await sh(p, 'cmd netpolicy get restrict-background')).out).toBe(
        'Restrict background status: enabled\n',
      );
      expect((await sh(p, 'cmd netpolicy list restrict-background-blacklist')).out).toBe(
        `Restrict background blacklisted UIDs: ${uid} \n`,
      );
      const dump = (await sh(p, 'dumpsys netpolicy')).out;
      expect(dump).toContain('\nRestrict background: true\n');
      expect(dump).toContain(`\nPolicy for UIDs:\n  UID=${uid} policy=1 (REJECT_METERED_BACKGROUND)\n`);
      p.setDataSaver(false);
      p.setBackgroundDataRestricted(APP, false);
      expect((await sh(p, 'dumpsys netpolicy')).out).toContain('\nRestrict background: false\n');
      expect((await sh(p, 'cmd netpolicy get restrict-background')).out).toBe(
        'Restrict background status: disabled\n',
      );
      expect((await sh(p, 'cmd netpolicy list restrict-background-blacklist')).out).toBe(
        'Restrict background blacklisted UIDs: none\n\n',
      );
    },
  );

  it('dumpsys netpolicy has the lines of the real HyperOS capture', async () => {
    const real = capture('netpolicy', 'xiaomi-hyperos2-android14-dumpsys-1');
    const p = await withApp(READ_PHONES.xiaomi);
    await sh(p, `cmd netpolicy add restrict-background-blacklist ${p.installedPackage(APP)?.uid}`);
    const ours = (await sh(p, 'dumpsys netpolicy')).out.split('\n');
    const shape = (l: string): string => l.replace(/\d+/g, 'N').replace(/: (true|false)$/, ': B');
    const realShapes = new Set(real.split('\n').map(shape));
    for (const line of ours.filter((l) => l !== '')) expect(realShapes, line).toContain(shape(line));
  });

  it('the -denylist name is unknown (no release we read has it); bad uids are refused', async () => {
    const p = phone(READ_PHONES.pixel);
    expect(await sh(p, 'cmd netpolicy list restrict-background-denylist')).toEqual({
      status: 255,
      out: "Error: unknown list type 'restrict-background-denylist'\n",
      err: '',
    });
    expect(await sh(p, "cmd netpolicy add restrict-background-blacklist '10200;id'")).toEqual({
      status: 255,
      out: 'Error: UID (10200;id) should be a number\n',
      err: '',
    });
  });
});

/** Installs and launches the test app on an existing phone. */
async function withAppOn(
  p: ReturnType<typeof createVirtualAndroid>,
): Promise<ReturnType<typeof createVirtualAndroid>> {
  const { path } = await pushApk(p, { packageName: APP, versionCode: 1 });
  await sh(p, `pm install ${path}`);
  await sh(p, `am start -n ${APP}/.MainActivity`);
  return p;
}
