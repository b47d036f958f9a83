import { describe, expect, it } from 'vitest';
import { tapNotification } from '../../../electron/lab/android/tap/tap-notification';
import { uiautomatorTap } from '../../../electron/lab/android/tap/uiautomator-tap';
import { FakeDeviceIo } from '../../support/fake-device-io';
import { APP, sh, withApp } from '../virtual-lab/android/helpers';
import { VirtualDeviceIo } from './virtual-io';

const CH = 'pushlab_default';
const FAST = { settleMs: 0, landingTimeoutMs: 500 };

async function phoneWithPost(profile: string, title: string, ext?: string) {
  const p = await withApp(profile, { grant: true });
  await sh(p, 'input keyevent 3');
  p.setPostNotifications(APP, { granted: true });
  p.postNotification(APP, { channelId: CH, title: 'someone else', text: 'older' });
  p.postNotification(APP, { channelId: CH, title, text: 'body text', ...(ext === undefined ? {} : { ext }) });
  return { p, io: new VirtualDeviceIo(profile, p) };
}

describe('tap-to-redirect with uiautomator on a virtual phone', () => {
  it("taps the captured row, lands in the app and sees the ext in the app's log", async () => {
    const title = `Bob's "deal" $(reboot) ; rm -rf /`;
    const { p, io } = await phoneWithPost('xiaomi-hyperos2-android14-2', title, 'pushlab://deal/7');
    const outcome = await tapNotification(
      io,
      { title, text: 'body text' },
      { package: APP, ext: 'pushlab://deal/7', ...FAST },
    );
    expect(outcome).toMatchObject({
      method: 'uiautomator',
      tapped: true,
      landed: true,
      foregroundPackage: APP,
      extSeen: true,
    });
    expect(outcome.detail).toMatch(
      /^Tapped the title at \d+,\d+; com\.pushlab\.demo in front; the app logged the ext\.$/,
    );
    expect(p.notifications(APP).map((n) => n.title)).toEqual(['someone else']);
    // The title never reached the shell; the only tap was at integers; the shade was closed after.
    expect(io.commands.some((c) => c.includes('reboot') || c.includes('deal'))).toBe(false);
    expect(io.commands.filter((c) => c.startsWith('input tap'))).toEqual([
      expect.stringMatching(/^input tap \d+ \d+$/),
    ]);
    expect(io.commands.at(-1)).toBe('cmd statusbar collapse');
  });

  it('says the ext was not seen when the app logged another one, and no ext check without one', async () => {
    const { io } = await phoneWithPost('google-pixel-android15-1', 'Hello', 'pushlab://a');
    expect(
      await uiautomatorTap(io, { title: 'Hello', text: null }, { package: APP, ext: 'pushlab://b', ...FAST }),
    ).toMatchObject({ tapped: true, landed: true, extSeen: false });
    const second = await phoneWithPost('google-pixel-android15-1', 'Hello', 'pushlab://a');
    expect(
      await uiautomatorTap(second.io, { title: 'Hello', text: null }, { package: APP, ...FAST }),
    ).toMatchObject({ tapped: true, landed: true, extSeen: null });
  });

  it('matches on the text when the title differs, and reports a missing row without tapping', async () => {
    const { p, io } = await phoneWithPost('oppo-coloros15-android15-1', 'Title A');
    expect(
      await uiautomatorTap(io, { title: 'not shown', text: 'older' }, { package: APP, ...FAST }),
    ).toMatchObject({ tapped: true, landed: true });
    expect(p.notifications(APP).map((n) => n.title)).toEqual(['Title A']);
    const none = await uiautomatorTap(io, { title: 'nope', text: 'nada' }, { package: APP, ...FAST });
    expect(none).toMatchObject({ method: 'uiautomator', tapped: false, landed: null, extSeen: null });
    expect(none.detail).toContain('No row in the shade shows the title "nope"');
    expect(io.commands.at(-1)).toBe('cmd statusbar collapse');
  });

  it('reports landed: false when the tap opened nothing (PIN keyguard)', async () => {
    const p = await withApp('google-pixel-android15-1', { grant: true, options: { lockScreen: 'pin' } });
    await sh(p, 'input keyevent 3');
    p.postNotification(APP, { channelId: CH, title: 'Locked out', text: 'x' });
    await sh(p, 'input keyevent 223');
    await sh(p, 'input keyevent 224');
    const outcome = await uiautomatorTap(
      new VirtualDeviceIo('pin', p),
      { title: 'Locked out', text: null },
      { package: APP, ...FAST },
    );
    expect(outcome).toMatchObject({ tapped: true, landed: false });
    expect(outcome.foregroundPackage).not.toBe(APP);
  });

  it('closes the shade and explains when the dump fails', async () => {
    const io = new FakeDeviceIo('fake', [[/uiautomator dump/, 'ERROR: could not get idle state.\n']]);
    const outcome = await uiautomatorTap(io, { title: 'x', text: null }, { package: APP, ...FAST });
    expect(outcome).toMatchObject({ tapped: false, landed: null });
    expect(outcome.detail).toMatch(
      /^Could not tap: Phone fake did not give its screen's layout\. The screen kept changing/,
    );
    expect(io.commands).toEqual([
      'cmd statusbar expand-notifications',
      expect.stringContaining('uiautomator dump'),
      'cmd statusbar collapse',
    ]);
  });

  it('refuses a bad package before touching the phone', async () => {
    const io = new FakeDeviceIo('fake');
    await expect(
      tapNotification(io, { title: 'x', text: null }, { package: 'not a package;reboot' }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(io.commands).toEqual([]);
  });

  it('falls back to uiautomator when Appium is not installed', async () => {
    const { io } = await phoneWithPost('google-pixel-android15-1', 'Fallback');
    const outcome = await tapNotification(
      io,
      { title: 'Fallback', text: null },
      {
        package: APP,
        ...FAST,
        appium: { appiumHome: '/nonexistent', binary: '/nonexistent/appium-missing' },
      },
    );
    expect(outcome).toMatchObject({ method: 'uiautomator', tapped: true, landed: true });
    expect(outcome.detail).toContain(
      'Appium unavailable (Appium is not installed. Appium is not installed: npm i -g appium && appium driver install uiautomator2); used uiautomator.',
    );
  });
});
