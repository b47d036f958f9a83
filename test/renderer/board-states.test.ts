/**
 * The built renderer in Chromium over the web bridge, against a fake core: the awkward states a
 * real lab rarely shows on demand (unauthorized, odd serials, identity failures, adb outages),
 * untrusted text, and the install flow's edge cases.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serveWeb, type WebServer } from '../../electron/web/server';
import { openBrowser, requireBuiltRenderer, type BrowserSession } from './support/browser';
import type { FakeLabCore } from './support/fake-core';
import { nodeFakeCore } from './support/node-fake-core';
import type { LabCore } from '../../electron/lab/api';
import {
  adbStatus,
  HUAWEI,
  IDENTITY_FAILED,
  OLD_SAMSUNG,
  OPPO,
  SPACED_PENDING,
  UNAUTHORIZED,
  XIAOMI,
} from '../support/sample-devices';

const ALL = [XIAOMI, HUAWEI, OPPO, OLD_SAMSUNG, UNAUTHORIZED, SPACED_PENDING, IDENTITY_FAILED];

let rendererDir: string;
let work: string;
let core: FakeLabCore & LabCore;
let server: WebServer;
let browser: BrowserSession;

beforeAll(async () => {
  rendererDir = requireBuiltRenderer();
  work = await mkdtemp(join(tmpdir(), 'pushlab-renderer-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function start(options: Parameters<typeof nodeFakeCore>[0]): Promise<void> {
  core = nodeFakeCore(options);
  server = await serveWeb({ core, rendererDir, uploadDir: join(work, 'uploads') });
  await browser.page.goto(server.url);
}

beforeEach(async () => {
  browser = await openBrowser();
});

afterEach(async () => {
  await browser.close();
  await server.close();
  await core.close();
});

const card = (serial: string) => browser.page.locator(`article[data-serial="${serial}"]`);

describe('device board (fake core)', () => {
  it('shows every phone with vendor, ROM, channel and the help for its state; device text stays text', async () => {
    let dialogs = 0;
    browser.page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    await start({ devices: ALL });
    const page = browser.page;
    await expect.poll(() => page.locator('article.device-card').count()).toBe(ALL.length);

    const xiaomi = card(XIAOMI.serial);
    await expect.poll(() => xiaomi.locator('.vendor-badge').textContent()).toBe('Xiaomi');
    expect(await xiaomi.locator('h3').textContent()).toBe('Xiaomi Pad 6');
    expect(await xiaomi.textContent()).toContain('HyperOS 2.0');
    expect(await xiaomi.textContent()).toContain('Android 14 (SDK 34)');
    expect(await xiaomi.locator('.channel-tag').textContent()).toBe('Mi Push');
    expect(await xiaomi.textContent()).toContain(
      'Xiaomi phone on HyperOS 2.0: offline push goes through Mi Push.',
    );

    const huawei = card(HUAWEI.serial);
    expect(await huawei.locator('.channel-tag').textContent()).toBe('Huawei Push (HMS)');
    expect(await huawei.locator('.warning').textContent()).toContain(
      'HMS Core 20301300 is older than the 20401301 this channel needs',
    );

    const unauthorized = card('????????????');
    expect(await unauthorized.locator('.state-chip').textContent()).toBe('Not authorized');
    expect(await unauthorized.textContent()).toContain('tap Allow on the USB debugging prompt');
    expect(await unauthorized.locator('code.serial').textContent()).toBe('????????????');

    // The leading space of a real Rockchip serial is kept, not trimmed.
    expect(await card(' GS101200407283').locator('code.serial').textContent()).toBe(' GS101200407283');
    expect(await card(' GS101200407283').textContent()).toContain('Reading the phone’s identity…');

    const failed = card(IDENTITY_FAILED.serial);
    expect(await failed.textContent()).toContain('getprop did not answer within 10 s.');
    expect(await failed.textContent()).toContain('What to do: Unlock the phone and try again.');
    expect(await failed.locator('pre').textContent()).toBe('<script>alert(1)</script>');
    expect(dialogs).toBe(0);

    // Ready phones sort before the others.
    const order = await page
      .locator('article.device-card')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-serial')));
    expect(order.slice(0, 4).sort()).toEqual(
      [XIAOMI.serial, HUAWEI.serial, OPPO.serial, OLD_SAMSUNG.serial].sort(),
    );

    await browser.screenshot('fake-board-states');
    expect(browser.problems).toEqual([]);
  });

  it('follows plug/unplug live and reports adb outages and recoveries', async () => {
    await start({ devices: [XIAOMI, HUAWEI] });
    const page = browser.page;
    await expect.poll(() => page.locator('article.device-card').count()).toBe(2);
    await expect
      .poll(() => page.locator('[data-adb-state="connected"]').textContent())
      .toContain('127.0.0.1:15037');

    core.setDevices([XIAOMI]);
    await expect.poll(() => page.locator('article.device-card').count()).toBe(1);

    core.setAdb(
      adbStatus({
        state: 'unreachable',
        error: {
          code: 'ADB_UNREACHABLE',
          message: 'Nothing answers on 127.0.0.1:15037.',
          hint: 'Run `adb start-server`.',
        },
      }),
    );
    const alert = page.locator('[data-adb-state="unreachable"]');
    await expect.poll(() => alert.textContent()).toContain('Cannot reach the adb server at 127.0.0.1:15037.');
    expect(await alert.textContent()).toContain('Nothing answers on 127.0.0.1:15037.');
    expect(await alert.textContent()).toContain('Run `adb start-server`.');

    core.setAdb(
      adbStatus({
        lastOutage: {
          startedAt: '2026-01-05T09:31:00.000Z',
          endedAt: '2026-01-05T09:32:00.000Z',
          reason: 'adb server restarted',
        },
      }),
    );
    const note = page.getByText(/adb server restarted at .+; phones were re-read\./);
    await expect.poll(() => note.count()).toBe(1);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => note.count()).toBe(0);
    expect(browser.problems).toEqual([]);
  });

  it('shows the empty state, starts the virtual lab and unplugs a phone from its panel', async () => {
    await start({ devices: [], labPhones: [XIAOMI, OPPO] });
    const page = browser.page;
    await expect.poll(() => page.getByRole('heading', { name: 'No phone attached' }).count()).toBe(1);
    expect(await page.textContent('body')).toContain('Tap "Build number" 7 times');
    expect(await page.textContent('body')).toContain('USB debugging (Security settings)');
    expect(await page.textContent('body')).toContain('Allow ADB debugging in charge only mode');
    await browser.screenshot('fake-empty-state');

    await page.getByRole('button', { name: 'Start virtual lab' }).click();
    await expect.poll(() => page.locator('article.device-card').count()).toBe(2);
    const toggle = page.getByRole('switch', { name: `Cable for ${OPPO.identity?.device ?? ''}` });
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    await toggle.click();
    await expect.poll(() => page.locator('article.device-card').count()).toBe(1);
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false');
    expect(browser.problems).toEqual([]);
  });
});

describe('install panel (fake core)', () => {
  it('refuses a non-APK without touching phones, then installs an APK with progress and a failure explained', async () => {
    const raw =
      'Failure [INSTALL_FAILED_VERSION_DOWNGRADE: Downgrade detected: Update version code 3 is older than current 7]';
    await start({
      devices: [XIAOMI, HUAWEI, OLD_SAMSUNG, UNAUTHORIZED],
      stepMs: 60,
      installFailures: { [HUAWEI.serial]: { reason: 'INSTALL_FAILED_VERSION_DOWNGRADE', raw } },
    });
    const page = browser.page;
    await page.getByRole('tab', { name: /Install/ }).click();

    const notes = join(work, 'release-notes.txt');
    await writeFile(notes, 'not an apk');
    await page.locator('input[type="file"]').setInputFiles(notes);
    const error = page.locator('[data-error-code="NOT_AN_APK"]');
    await expect.poll(() => error.count()).toBe(1);
    expect(await error.textContent()).toContain('Not an Android app');
    expect(await page.textContent('body')).toContain('Nothing was sent to any phone.');
    expect(core.calls.filter((c) => c.channel === 'install:start')).toEqual([]);
    await browser.screenshot('fake-install-not-an-apk');

    const apk = join(work, 'sample.apk');
    await writeFile(apk, Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(4096, 7)]));
    await page.locator('input[type="file"]').setInputFiles(apk);
    await expect.poll(() => page.locator('.apk-summary').count()).toBe(1);
    expect(await page.locator('.apk-summary').textContent()).toContain('dev.pushlab.sample');

    // The unauthorized phone cannot be ticked; the SDK 27 phone is below minSdk 28: checked before
    // selection, it cannot be ticked either, and says why.
    expect(await page.locator('li[data-serial="????????????"] input').isDisabled()).toBe(true);
    const samsung = page.locator(`li[data-serial="${OLD_SAMSUNG.serial}"]`);
    expect(await samsung.locator('.warning').textContent()).toContain('minSdk 28');
    expect(await samsung.locator('input').isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Select all ready phones' }).click();
    expect(await samsung.locator('input').isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Install on 2 phones' }).click();
    const items = page.locator('.install__active .job-item');
    await expect.poll(() => items.count()).toBe(2);
    await expect
      .poll(() => page.locator('.install__active .job-item[data-phase="done"]').count(), { timeout: 10_000 })
      .toBe(1);
    const failed = page.locator(`.install__active .job-item[data-serial="${HUAWEI.serial}"]`);
    await expect.poll(() => failed.getAttribute('data-phase')).toBe('failed');
    expect(await failed.textContent()).toContain('INSTALL_FAILED_VERSION_DOWNGRADE');
    expect(await failed.textContent()).toContain('Fix: Turn on "allow downgrade"');
    await browser.screenshot('fake-install-finished');

    // The explanation follows the language: the failure reads in Chinese after switching.
    await page.getByRole('button', { name: '中文' }).click();
    await expect
      .poll(() => failed.locator('.job-item__failure-message').textContent())
      .toBe('该构建的 versionCode 低于已安装的版本。');
    expect(await failed.locator('.job-item__failure-fix').textContent()).toContain('打开“允许降级”');
    await browser.screenshot('fake-install-failure-zh');
    await page.getByRole('button', { name: 'English' }).click();

    const request = core.calls.find((c) => c.channel === 'install:start');
    expect(request?.args).toMatchObject([
      { serials: expect.arrayContaining([XIAOMI.serial, HUAWEI.serial]), options: { replace: true } },
    ]);
    expect((request?.args as Array<{ serials: string[] }>)[0]?.serials).not.toContain(OLD_SAMSUNG.serial);
    expect(browser.problems).toEqual([]);
  });

  it('switches to Chinese, keeps the choice after a reload, and translates device reasons', async () => {
    await start({ devices: [XIAOMI] });
    const page = browser.page;
    await expect.poll(() => card(XIAOMI.serial).count()).toBe(1);
    await page.getByRole('button', { name: '中文' }).click();
    await expect
      .poll(() => page.locator('h1 + p').textContent())
      .toBe('逐个厂商验证离线推送真正送达每一台手机。');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await card(XIAOMI.serial).locator('.channel-tag').textContent()).toBe('小米推送');
    expect(await card(XIAOMI.serial).textContent()).toContain(
      '运行 HyperOS 2.0 的 Xiaomi 手机：离线推送走小米推送通道。',
    );
    await page.reload();
    await expect.poll(() => page.getByRole('tab', { name: /手机/ }).count()).toBe(1);
    await browser.screenshot('fake-board-zh');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('tab', { name: /Phones/ }).count()).toBe(1);
    expect(browser.problems).toEqual([]);
  });
});
