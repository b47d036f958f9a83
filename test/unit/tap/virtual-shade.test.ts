/** The virtual phone's shade, uiautomator, input tap and logcat, as the capture and tap code meet them. */
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseLogcat } from '../../../electron/lab/android/parsers/logcat-epoch';
import { findNotificationNode, parseUiHierarchy } from '../../../electron/lab/android/parsers/ui-hierarchy';
import { APP, sh, withApp } from '../virtual-lab/android/helpers';

const CH = 'pushlab_default';

/** Distinct RGB colours in a PNG's pixels (the virtual screen's PNGs are one IDAT, filter 0). */
function colours(png: Buffer): number {
  let at = 8;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const len = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const seen = new Set<number>();
  for (let i = 0; i + 3 <= raw.length; i += 3) seen.add(raw.readUIntBE(i, 3));
  return seen.size;
}

describe('the shade of a virtual phone', () => {
  it('opens and closes with cmd statusbar; HOME closes it; screencap draws its rows', async () => {
    const p = await withApp('google-pixel-android15-1', { grant: true });
    await sh(p, 'input keyevent 3');
    const closed = (await p.run('screencap -p')).stdout;
    p.postNotification(APP, { channelId: CH, title: 'one', text: 'first' });
    p.postNotification(APP, { channelId: CH, title: 'two', text: 'second' });
    expect(await sh(p, 'cmd statusbar expand-notifications')).toEqual({ status: 0, out: '', err: '' });
    const open = (await p.run('screencap -p')).stdout;
    expect(open.subarray(1, 4).toString()).toBe('PNG');
    expect(open.equals(closed)).toBe(false);
    expect(colours(open)).toBeGreaterThan(colours(closed));
    await sh(p, 'input keyevent KEYCODE_HOME');
    expect((await p.run('screencap -p')).stdout.equals(closed)).toBe(true);
    expect(await sh(p, 'cmd statusbar bogus')).toEqual({
      status: 255,
      out: 'Unknown command: bogus\n',
      err: '',
    });
  });

  it('uiautomator dumps System UI rows newest first while open, the app window otherwise', async () => {
    const p = await withApp('xiaomi-hyperos2-android14-2', { grant: true });
    p.postNotification(APP, { channelId: CH, title: 'older', text: 'a' });
    p.postNotification(APP, { channelId: CH, title: 'newer <&>', text: 'b' });
    const closed = await sh(p, 'uiautomator dump /dev/tty');
    expect(closed.out).toMatch(/UI hierchary dumped to: \/dev\/tty\n$/);
    expect(parseUiHierarchy(closed.out).nodes[0]?.packageName).toBe(APP);
    await sh(p, 'cmd statusbar expand-notifications');
    expect(await sh(p, 'uiautomator dump /sdcard/x.xml')).toEqual({
      status: 0,
      out: 'UI hierchary dumped to: /sdcard/x.xml\n',
      err: '',
    });
    const h = parseUiHierarchy((await sh(p, 'cat /sdcard/x.xml')).out);
    expect(h.complete).toBe(true);
    expect(h.nodes.filter((n) => n.resourceId === 'android:id/title').map((n) => n.text)).toEqual([
      'newer <&>',
      'older',
    ]);
    await sh(p, 'input keyevent 223');
    expect(await sh(p, 'uiautomator dump')).toMatchObject({
      err: 'ERROR: null root node returned by UiTestAutomationBridge.\n',
    });
  });

  it('a tap on a row opens the app, cancels the record, closes the shade and the app logs the ext', async () => {
    const p = await withApp('oppo-coloros15-android15-1', { grant: true });
    await sh(p, 'am force-stop com.pushlab.demo');
    await sh(p, `cmd notification allow_listener x`); // harmless noise
    p.setPostNotifications(APP, { granted: true });
    p.postNotification(APP, {
      channelId: CH,
      title: 'Open me',
      text: 'now',
      ext: 'pushlab://order/42?x="1"',
    });
    p.postNotification(APP, { channelId: CH, title: 'Other', text: 'later' });
    await sh(p, 'cmd statusbar expand-notifications');
    const h = parseUiHierarchy((await sh(p, 'uiautomator dump /dev/tty')).out);
    const hit = findNotificationNode(h, { title: 'Open me', text: null });
    expect(hit).not.toBeNull();
    // A tap outside any row does nothing.
    expect(await sh(p, 'input tap 540 100')).toEqual({ status: 0, out: '', err: '' });
    expect(p.state.foreground.package).not.toBe(APP);
    await sh(p, `input tap ${hit?.point.x} ${hit?.point.y}`);
    expect(p.state.foreground.package).toBe(APP);
    expect(p.notifications(APP).map((n) => n.title)).toEqual(['Other']);
    expect(
      parseUiHierarchy((await sh(p, 'uiautomator dump /dev/tty')).out).nodes.some((n) => n.text === 'Other'),
    ).toBe(false);
    const log = parseLogcat((await sh(p, 'logcat -d -v threadtime -v epoch')).out).lines;
    const pid = p.state.processes.get(APP);
    expect(log.filter((l) => l.pid === pid).map((l) => `${l.tag}: ${l.message}`)).toEqual([
      'PushLabDemo: opened ext=pushlab://order/42?x="1"',
    ]);
    expect(
      log.some((l) => l.tag === 'ActivityManager' && l.message.startsWith(`Start proc ${pid}:${APP}/u0a`)),
    ).toBe(true);
  });

  it('a PIN keyguard keeps the app closed after a tap', async () => {
    const p = await withApp('google-pixel-android15-1', { grant: true, options: { lockScreen: 'pin' } });
    p.postNotification(APP, { channelId: CH, title: 'locked', text: 'x' });
    await sh(p, 'input keyevent 3');
    await sh(p, 'input keyevent 223');
    await sh(p, 'input keyevent 224');
    await sh(p, 'cmd statusbar expand-notifications');
    await sh(p, 'input tap 540 534');
    expect(p.state.keyguard.showing).toBe(true);
    expect(p.state.foreground.package).not.toBe(APP);
    expect(p.notifications(APP)).toHaveLength(1);
  });
});

describe('logcat on a virtual phone', () => {
  it('dumps since an epoch time with -T, caps with -m, tails with -t, filters buffers and clears', async () => {
    let now = 1_700_000_000_000;
    const p = await withApp('google-pixel-android15-1', { grant: true, options: { now: () => now } });
    for (let i = 0; i < 5; i++) {
      now += 1_000;
      p.postNotification(APP, { channelId: CH, title: `t${i}`, text: 'x' });
    }
    const since = await sh(p, 'logcat -d -v threadtime -v epoch -v UTC -T 1700000003.000');
    const lines = parseLogcat(since.out).lines;
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => (l.timeMs as number) >= 1_700_000_003_000)).toBe(true);
    expect(new Set(lines.map((l) => l.timeMs))).toEqual(
      new Set([1_700_000_003_000, 1_700_000_004_000, 1_700_000_005_000]),
    );
    expect(since.out.split('\n').find((l) => /^\s+\d/.test(l))).toMatch(/^ {9}1700000003\.000 {2}/);
    expect(parseLogcat((await sh(p, 'logcat -d -v epoch -T 1700000001.000 -m 2')).out).lines).toHaveLength(2);
    expect(parseLogcat((await sh(p, 'logcat -d -b all -v epoch -t 2')).out).lines.map((l) => l.tag)).toEqual([
      'FirebaseMessaging',
      'notification_enqueue',
    ]);
    expect(
      parseLogcat((await sh(p, 'logcat -d -v epoch')).out).lines.some(
        (l) => l.tag === 'notification_enqueue',
      ),
    ).toBe(false);
    expect(
      parseLogcat((await sh(p, 'logcat -d -v epoch -s FirebaseMessaging:I')).out).lines.map((l) => l.tag),
    ).toEqual(Array(5).fill('FirebaseMessaging'));
    expect(await sh(p, 'logcat -d -T tomorrow')).toEqual({
      status: 1,
      out: '',
      err: "logcat: -T 'tomorrow' not in time format.\n",
    });
    await sh(p, 'logcat -c -b all');
    expect(await sh(p, 'logcat -d')).toEqual({ status: 0, out: '', err: '' });
  });
});
