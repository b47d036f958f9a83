import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { VirtualAndroid } from '../../../virtual-lab/android/index';
import { APP, phone, pushApk, sh } from './helpers';

async function withApp(profile: string, options: Parameters<typeof phone>[1] = {}): Promise<VirtualAndroid> {
  const p = phone(profile, options);
  const { path } = await pushApk(p, { packageName: APP, versionCode: 3 });
  expect((await sh(p, `pm install -r -t ${path}`)).out).toBe('Success\n');
  return p;
}

const resumedLines = async (p: VirtualAndroid): Promise<string> =>
  (await sh(p, 'dumpsys activity activities | grep -E "Resumed|resumed"')).out;

describe('launching apps', () => {
  it('monkey starts the launcher activity and clears the stopped state', async () => {
    const p = await withApp('google-pixel-android15-1');
    const r = await sh(p, `monkey -p ${APP} -c android.intent.category.LAUNCHER 1`);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(
      /^Events injected: 1\n## Network stats: elapsed time=\d+ms \(0ms mobile, 0ms wifi, \d+ms not connected\)\n$/,
    );
    expect(p.installedPackage(APP)).toMatchObject({ stopped: false, notLaunched: false });
    expect((await sh(p, `pidof ${APP}`)).out).toMatch(/^\d+\n$/);
    expect(await resumedLines(p)).toContain(`mResumedActivity: ActivityRecord{`);
    expect(await resumedLines(p)).toContain(` u0 ${APP}/.MainActivity t`);
  });

  it('monkey on a missing package aborts with 252', async () => {
    const p = phone('google-pixel-android15-1');
    expect(await sh(p, 'monkey -p com.not.there -c android.intent.category.LAUNCHER 1')).toEqual({
      status: 252,
      out: '',
      err: '** No activities found to run, monkey aborted.\n',
    });
  });

  it('am start -W reports the launch the way the release prints it', async () => {
    const p = await withApp('samsung-oneui6.1-android14-2');
    const cold = await sh(p, `am start -W -n ${APP}/.MainActivity`);
    expect(cold.out).toMatch(
      new RegExp(
        `^Starting: Intent \\{ cmp=${APP}/\\.MainActivity \\}\\nStatus: ok\\nLaunchState: ` +
          `COLD\\nActivity: ${APP}/\\.MainActivity\\nTotalTime: \\d+\\nWaitTime: \\d+\\nComplete\\n$`,
      ),
    );
    const again = await sh(p, `am start -n ${APP}/${APP}.MainActivity`);
    expect(again.out).toContain(
      'Warning: Activity not started, intent has been delivered to currently running top-most instance.',
    );
    const pie = await withApp('vivo-funtouchos9-android9-2');
    expect((await sh(pie, `am start -W -n ${APP}/.MainActivity`)).out).toMatch(
      /\nStatus: ok\nActivity: \S+\nThisTime: \d+\nTotalTime: \d+\nWaitTime: \d+\nComplete\n$/,
    );
    const missing = await sh(p, `am start -n ${APP}/.Nope`);
    expect(missing).toMatchObject({
      status: 1,
      err: `Error type 3\nError: Activity class {${APP}/${APP}.Nope} does not exist.\n`,
    });
  });

  it('resolve-activity --brief names the launcher activity', async () => {
    const p = await withApp('xiaomi-hyperos2-android14-2');
    expect(
      (await sh(p, `cmd package resolve-activity --brief -c android.intent.category.LAUNCHER ${APP}`)).out,
    ).toBe(
      `priority=0 preferredOrder=0 match=0x108000 specificIndex=-1 isDefault=false\n${APP}/.MainActivity\n`,
    );
    expect(
      (await sh(p, 'cmd package resolve-activity --brief -c android.intent.category.LAUNCHER com.not.there'))
        .out,
    ).toBe('No activity found\n');
  });
});

describe('stopping apps', () => {
  it('force-stop kills the process and sets stopped=true', async () => {
    const p = await withApp('oppo-coloros15-android15-1');
    await sh(p, `monkey -p ${APP} -c android.intent.category.LAUNCHER 1`);
    expect(await sh(p, `am force-stop ${APP}`)).toEqual({ status: 0, out: '', err: '' });
    expect((await sh(p, `pidof ${APP}`)).status).toBe(1);
    expect((await sh(p, `dumpsys package ${APP} | grep stopped=`)).out).toContain(
      ' stopped=true notLaunched=false ',
    );
    expect(await resumedLines(p)).toContain(`${p.state.vendor.launcher.package}/`);
  });

  it('am kill spares the foreground app but kills it in the background, keeping stopped=false', async () => {
    const p = await withApp('vivo-originos5-android15-1');
    await sh(p, `monkey -p ${APP} -c android.intent.category.LAUNCHER 1`);
    await sh(p, `am kill ${APP}`);
    expect((await sh(p, `pidof ${APP}`)).status).toBe(0);
    await sh(p, 'input keyevent KEYCODE_HOME');
    await sh(p, `am kill ${APP}`);
    expect((await sh(p, `pidof ${APP}`)).status).toBe(1);
    expect(p.installedPackage(APP)?.stopped).toBe(false);
  });
});

describe('keys, screen and keyguard', () => {
  it('HOME moves the launcher to the foreground', async () => {
    const p = await withApp('xiaomi-miui14-android13-4');
    await sh(p, `am start -n ${APP}/.MainActivity`);
    expect(await resumedLines(p)).toContain(APP);
    await sh(p, 'input keyevent 3');
    const lines = await resumedLines(p);
    expect(lines).toContain('com.miui.home/.launcher.Launcher');
    expect(lines).not.toContain(APP);
  });

  it('SLEEP locks, WAKEUP shows the keyguard, MENU dismisses a swipe lock', async () => {
    const p = await withApp('google-pixel-android15-1');
    await sh(p, 'input keyevent 223');
    expect((await sh(p, 'dumpsys power | grep -E "mWakefulness=|Display Power"')).out).toBe(
      '  mWakefulness=Asleep\nDisplay Power: state=OFF\n',
    );
    expect(await resumedLines(p)).toBe('');
    await sh(p, 'input keyevent 224');
    expect((await sh(p, 'dumpsys power | grep mWakefulness=')).out).toBe('  mWakefulness=Awake\n');
    const locked = (await sh(p, 'dumpsys window')).out;
    expect(locked).toContain('      showing=true\n');
    expect(locked).toContain('        mIsShowing=true\n');
    expect(locked).toMatch(/mCurrentFocus=Window\{\w+ u0 NotificationShade\}/);
    expect((await sh(p, 'dumpsys activity activities | grep mKeyguardShowing')).out).toBe(
      '    mKeyguardShowing=true\n',
    );
    await sh(p, 'input keyevent 82');
    expect((await sh(p, 'dumpsys window | grep -E "^ +showing="')).out).toBe('      showing=false\n');
  });

  it('a PIN keyguard survives wm dismiss-keyguard; POWER toggles the screen', async () => {
    const p = phone('samsung-oneui8.0-android16-3', { lockScreen: 'pin' });
    await sh(p, 'input keyevent 26');
    expect(p.state.screen).toBe('asleep');
    await sh(p, 'input keyevent 26; wm dismiss-keyguard');
    expect(p.state.screen).toBe('awake');
    expect((await sh(p, 'dumpsys window | grep -E "secure=|showing="')).out).toBe(
      '      showing=true\n      secure=true\n',
    );
    p.setLockScreen('swipe');
    await sh(p, 'wm dismiss-keyguard');
    expect(p.state.keyguard.showing).toBe(false);
  });

  it('prints keyguard fields the way each release names them', async () => {
    const pie = phone('vivo-funtouchos9-android9-2', { screenOn: false });
    const old = (await sh(pie, 'dumpsys window policy')).out;
    expect(old).toContain('    mShowingDream=false mDreamingLockscreen=true mDreamingSleepToken=null\n');
    expect(old).toMatch(/mStatusBar=Window\{\w+ u0 StatusBar\} isStatusBarKeyguard=true/);
    const ten = phone('oppo-coloros7.1-android10-2');
    expect((await sh(ten, 'dumpsys window')).out).toMatch(/isStatusBarKeyguard=false/);
    const fifteen = (await sh(phone('google-pixel-android15-1'), 'dumpsys window')).out;
    expect(fifteen).not.toContain('mDreamingLockscreen');
    expect(fifteen).toContain('KeyguardServiceDelegate\n      showing=false\n');
  });

  it('names the resumed activity per release', async () => {
    const pie = await resumedLines(phone('meizu-flyme8.1-android9-2'));
    expect(pie).toMatch(
      /^ {4}mResumedActivity: ActivityRecord\{\w+ u0 com\.meizu\.flyme\.launcher\/\.Launcher t1\}\n$/,
    );
    const ten = await resumedLines(phone('huawei-emui10-android10-1'));
    expect(ten).toContain('  ResumedActivity: ActivityRecord{');
    expect(ten).not.toContain('topResumedActivity');
    expect(await resumedLines(phone('honor-magicos9-android15-2'))).toContain(
      '    topResumedActivity=ActivityRecord{',
    );
  });
});

describe('screencap, settings, files', () => {
  function pngInfo(png: Buffer): { width: number; height: number; firstPixel: number[] } {
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(8)).toBe(13);
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    const idatLen = png.readUInt32BE(33);
    expect(png.subarray(37, 41).toString('latin1')).toBe('IDAT');
    const raw = inflateSync(png.subarray(41, 41 + idatLen));
    expect(raw.length).toBe(height * (width * 3 + 1));
    expect(png.subarray(png.length - 8, png.length - 4).toString('latin1')).toBe('IEND');
    return { width, height, firstPixel: [...raw.subarray(1 + 100 * 3, 4 + 100 * 3 + 0)].slice(0, 3) };
  }

  it('screencap -p is a valid PNG whose picture follows the screen state', async () => {
    const p = await withApp('xiaomi-hyperos2-android14-2');
    const home = pngInfo((await p.run('screencap -p')).stdout);
    expect(home).toMatchObject({ width: 216, height: 480 });
    await sh(p, `monkey -p ${APP} -c android.intent.category.LAUNCHER 1`);
    const app = pngInfo((await p.run('screencap -p')).stdout);
    await sh(p, 'input keyevent 223');
    const off = pngInfo((await p.run('screencap -p')).stdout);
    expect(off.firstPixel).toEqual([0, 0, 0]);
    expect(app.firstPixel).not.toEqual(home.firstPixel);
    expect(home.firstPixel).not.toEqual([0, 0, 0]);
    // adbkit's form: a newline first, then the PNG.
    expect((await p.run('echo && screencap -p 2>/dev/null')).stdout.subarray(0, 2)).toEqual(
      Buffer.from([0x0a, 0x89]),
    );
  });

  it('settings get/put/delete', async () => {
    const p = phone('realme-realmeui6-android15-1');
    expect((await sh(p, 'settings get global zen_mode')).out).toBe('0\n');
    expect((await sh(p, 'settings get secure enabled_notification_listeners')).out).toBe('null\n');
    await sh(p, 'settings put global zen_mode 1');
    expect((await sh(p, 'settings get global zen_mode')).out).toBe('1\n');
    expect((await sh(p, 'settings delete global zen_mode')).out).toBe('Deleted 1 rows\n');
    expect((await sh(p, 'settings get bogus x')).status).toBe(255);
  });

  it('keeps pushed files in /data/local/tmp and refuses writes elsewhere', async () => {
    const p = phone('oneplus-oxygenos14-android14-3');
    const free = p.state.freeStorageBytes;
    expect(
      p.fs.write('/data/local/tmp/dir/a.bin', Buffer.alloc(1000), 0o100644, 1_700_000_000),
    ).toBeUndefined();
    expect(p.fs.stat('/data/local/tmp/dir/a.bin')).toEqual({
      mode: 0o100644,
      size: 1000,
      mtime: 1_700_000_000,
    });
    expect(p.fs.stat('/data/local/tmp/dir')?.mode).toBe(0o040771);
    expect(p.fs.list('/data/local/tmp')?.map((e) => e.name)).toEqual(['dir']);
    expect(p.state.freeStorageBytes).toBe(free - 1000);
    expect(p.fs.write('/system/bin/evil', Buffer.from('x'), 0o644, 0)).toBe(
      "couldn't create file: Permission denied",
    );
    expect(
      (await sh(p, 'ls /data/local/tmp/dir; rm /data/local/tmp/dir/a.bin; rm -f /data/local/tmp/dir/a.bin'))
        .out,
    ).toBe('a.bin\n');
    expect(p.fs.read('/data/local/tmp/dir/a.bin')).toBeNull();
    expect(p.state.freeStorageBytes).toBe(free);
    p.setFreeStorage(10);
    expect(p.fs.write('/sdcard/big', Buffer.alloc(11), 0o644, 0)).toBe(
      'write failed: No space left on device',
    );
    expect((await sh(p, 'id')).out).toMatch(/^uid=2000\(shell\) gid=2000\(shell\) /);
  });
});
