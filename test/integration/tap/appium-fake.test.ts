/**
 * Appium 3 for real, as a child process on loopback, with @appium/fake-driver standing in for
 * UiAutomator2: the fake driver models a screen as an XML "app", so a notification-like element
 * can be found by text and clicked through our own W3C client. Offline: APPIUM_HOME is a temp dir
 * whose package.json lists the fake driver, linked from this project's node_modules.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppiumServer } from '../../../electron/lab/android/tap/appium/appium-server';
import { appiumTap } from '../../../electron/lab/android/tap/appium/appium-tap';
import { WebDriverClient } from '../../../electron/lab/android/tap/appium/webdriver-client';
import { xpathByText } from '../../../electron/lab/android/tap/appium/xpath-literal';
import { tapNotification } from '../../../electron/lab/android/tap/tap-notification';
import { APP, sh, withApp } from '../../unit/virtual-lab/android/helpers';
import { VirtualDeviceIo } from '../../unit/tap/virtual-io';

const FAKE_DRIVER = resolve('node_modules/@appium/fake-driver');
const HOSTILE = `Bob's "deal" ]|//*[@x='1'] & <b>`;
const available = existsSync(FAKE_DRIVER) && existsSync(resolve('node_modules/.bin/appium'));

function portOpen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

const xmlAttr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

describe.skipIf(!available)('Appium 3 with the fake driver', () => {
  let dir: string;
  let server: AppiumServer;
  let fakeCaps: Record<string, unknown>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pushlab-appium-it-'));
    const home = join(dir, 'appium-home');
    await mkdir(join(home, 'node_modules', '@appium'), { recursive: true });
    await symlink(FAKE_DRIVER, join(home, 'node_modules', '@appium', 'fake-driver'), 'dir');
    await writeFile(
      join(home, 'package.json'),
      JSON.stringify({
        name: 'pushlab-appium-home',
        private: true,
        devDependencies: { '@appium/fake-driver': '*' },
      }),
    );
    const appXml = join(dir, 'shade.xml');
    await writeFile(
      appXml,
      `<app width="1080" height="2400"><title>Notification shade</title>
  <MockListItem id="row-older" text="Plain title" />
  <MockListItem id="row-hostile" text="${xmlAttr(HOSTILE)}" />
  <MockListItem id="row-near" text="${xmlAttr(HOSTILE.replace("'", ''))}" />
</app>`,
    );
    fakeCaps = { platformName: 'Fake', 'appium:automationName': 'Fake', 'appium:app': appXml };
    server = await AppiumServer.start({ appiumHome: home, drivers: ['fake'], startTimeoutMs: 45_000 });
  });

  afterAll(async () => {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('starts on loopback and reports ready', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await new WebDriverClient(server.url).status()).toEqual({ ready: true });
  });

  it('finds the element by a hostile title through an escaped XPath literal and clicks exactly it', async () => {
    const client = server.client();
    const session = await client.newSession(fakeCaps);
    try {
      const id = await client.findElement(session, 'xpath', xpathByText(HOSTILE));
      expect(id).not.toBeNull();
      await client.click(session, id as string);
      expect(await client.attribute(session, id as string, 'clicks')).toBe('1');
      const near = await client.findElement(session, 'xpath', xpathByText(HOSTILE.replace("'", '')));
      expect(near).not.toBe(id);
      expect(await client.attribute(session, near as string, 'clicks')).toBe('');
      expect(await client.findElement(session, 'xpath', xpathByText('Bob'))).toBeNull();
    } finally {
      await client.deleteSession(session);
    }
  });

  it('appiumTap clicks the row with the title (or the text), and says when neither is on screen', async () => {
    const options = { appiumHome: '/unused', server, capabilities: fakeCaps, findTimeoutMs: 300 };
    const hit = await appiumTap('R58M123', { title: HOSTILE, text: null }, options);
    expect(hit).toMatchObject({ tapped: true, matched: 'title' });
    // The fake driver has no `mobile: openNotifications`: the tap goes on and says so.
    expect(hit.detail).toMatch(
      /^Clicked the element showing the title\. could not open the shade \(Appium: /,
    );
    expect(await appiumTap('R58M123', { title: 'not there', text: 'Plain title' }, options)).toMatchObject({
      tapped: true,
      matched: 'text',
    });
    expect(await appiumTap('R58M123', { title: 'not there', text: 'nor this' }, options)).toMatchObject({
      tapped: false,
      matched: null,
    });
    expect(server.running).toBe(true);
  });

  it('tapNotification reports the Appium method and checks the landing on the phone with adb', async () => {
    const p = await withApp('google-pixel-android15-1', { grant: true });
    await sh(p, 'input keyevent 3');
    const io = new VirtualDeviceIo('virtual', p);
    const outcome = await tapNotification(
      io,
      { title: HOSTILE, text: null },
      {
        package: APP,
        appium: { appiumHome: '/unused', server, capabilities: fakeCaps, findTimeoutMs: 300 },
        landingTimeoutMs: 300,
      },
    );
    // The fake driver's click opens nothing on the virtual phone: tapped, but not landed.
    expect(outcome).toMatchObject({ method: 'appium', tapped: true, landed: false, extSeen: null });
    expect(io.commands.at(-1)).toBe('cmd statusbar collapse');
  });

  it('a server started for one tap is stopped after it, and stop() frees the port', async () => {
    const own = await AppiumServer.start({
      appiumHome: join(dir, 'appium-home'),
      drivers: ['fake'],
      startTimeoutMs: 45_000,
    });
    expect(await portOpen(own.port)).toBe(true);
    await own.stop();
    expect(own.running).toBe(false);
    expect(await portOpen(own.port)).toBe(false);
  });
});
