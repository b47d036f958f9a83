/**
 * The built renderer in Chromium against the REAL core: a private adb server (Debian adb), virtual
 * phones of four vendors behind it, createLabCore, and the loopback web bridge. Screenshots go to
 * test-results/renderer/.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoLabController } from '../../electron/demo/virtual-lab-controller';
import { createLabCore, type LocalLabCore } from '../../electron/lab/compose';
import { silentLogger } from '../../electron/lab/util/logger';
import { serveWeb, type WebServer } from '../../electron/web/server';
import type { DeviceView } from '../../shared/domain/device';
import { VENDOR_TABLE } from '../../shared/vendors/vendor-table';
import { writeTestApk } from '../virtual-lab/apk';
import { startAdbServer, type AdbServerHandle } from '../virtual-lab';
import { openBrowser, requireBuiltRenderer, type BrowserSession } from './support/browser';

/** "#e2f4e8" as the browser reports a computed colour. */
const rgb = (hex: string): string => {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};

/** Four vendors, four channels; expectations read from each real getprop capture. */
const PHONES = [
  {
    profile: 'xiaomi-hyperos2-android14-2',
    group: 'xiaomi',
    vendor: 'Xiaomi',
    rom: 'HyperOS',
    channel: 'Mi Push',
    channelZh: '小米推送',
  },
  {
    profile: 'huawei-harmonyos4.2-android12-2',
    group: 'huawei',
    vendor: 'Huawei',
    rom: 'HarmonyOS',
    channel: 'Huawei Push (HMS)',
    channelZh: '华为推送（HMS）',
  },
  {
    profile: 'oppo-coloros15-android15-1',
    group: 'oppo',
    // The vendor group's name (shared/vendors): OnePlus and realme share OPPO's ROM and push service.
    vendor: 'OPPO · OnePlus · realme',
    rom: 'ColorOS',
    channel: 'OPPO Push',
    channelZh: 'OPPO 推送',
  },
  {
    profile: 'samsung-oneui6.1-android14-2',
    group: 'samsung',
    vendor: 'Samsung',
    rom: 'One UI',
    channel: 'FCM',
    channelZh: 'FCM',
  },
] as const;

let work: string;
let adb: AdbServerHandle;
let core: LocalLabCore;
let server: WebServer;
let browser: BrowserSession;
/** profile -> serial, once the lab runs. */
const serials = new Map<string, string>();

beforeAll(async () => {
  const rendererDir = requireBuiltRenderer();
  work = await mkdtemp(join(tmpdir(), 'pushlab-renderer-real-'));
  adb = await startAdbServer();
  core = await createLabCore({
    dataDir: join(work, 'data'),
    adb: { host: '127.0.0.1', port: adb.port, bin: adb.bin, startServer: false },
    shell: 'test',
    logger: silentLogger,
    virtualLab: createDemoLabController({
      adbHost: '127.0.0.1',
      adbPort: adb.port,
      profiles: PHONES.map((p) => p.profile),
    }),
  });
  server = await serveWeb({ core, rendererDir, uploadDir: join(work, 'uploads') });
  browser = await openBrowser();
  await browser.page.goto(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await core?.invoke('lab:stop', []);
  await core?.close();
  await adb?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

const page = () => browser.page;
const card = (serial: string) => page().locator(`article[data-serial="${serial}"]`);

async function devices(): Promise<readonly DeviceView[]> {
  const snapshot = await core.invoke('devices:snapshot', []);
  if (!snapshot.ok) throw new Error(snapshot.error.message);
  return snapshot.value.devices;
}

describe('renderer on the real core with virtual phones', () => {
  it('starts with the empty state and a live adb banner', async () => {
    await expect
      .poll(() => page().locator('[data-adb-state="connected"]').count(), { timeout: 15_000 })
      .toBe(1);
    expect(await page().locator('[data-adb-state="connected"]').textContent()).toContain(
      `127.0.0.1:${adb.port}`,
    );
    await expect.poll(() => page().getByRole('heading', { name: 'No phone attached' }).count()).toBe(1);
    await browser.screenshot('real-empty-state');
  });

  it('starts the virtual lab from the UI and shows each phone with its vendor, ROM and push channel', async () => {
    await page().getByRole('button', { name: 'Start virtual lab' }).click();
    await expect.poll(() => page().locator('.lab-phone').count(), { timeout: 30_000 }).toBe(PHONES.length);
    const lab = await core.invoke('lab:status', []);
    if (!lab.ok) throw new Error(lab.error.message);
    for (const phone of lab.value.phones) serials.set(phone.profile, phone.serial);
    expect([...serials.keys()].sort()).toEqual(PHONES.map((p) => p.profile).sort());

    // Identity reading happens in the background: wait until every card has its channel.
    await expect
      .poll(() => page().locator('article.device-card .channel-tag').count(), { timeout: 30_000 })
      .toBe(PHONES.length);
    const views = await devices();
    for (const phone of PHONES) {
      const serial = serials.get(phone.profile) ?? '';
      const view = views.find((d) => d.serial === serial);
      const el = card(serial);
      expect(await el.locator('.vendor-badge').textContent(), phone.profile).toBe(phone.vendor);
      // Badge colours come from the vendor table through CSS custom properties.
      const bg = await el
        .locator('.vendor-badge')
        .evaluate((b) => b.ownerDocument.defaultView?.getComputedStyle(b).backgroundColor);
      expect(bg, phone.profile).toBe(rgb(VENDOR_TABLE[phone.group].badge.background));
      expect(await el.locator('.state-chip').textContent(), phone.profile).toBe('Ready');
      expect(await el.locator('.channel-tag').textContent(), phone.profile).toBe(phone.channel);
      const text = (await el.textContent()) ?? '';
      expect(text, phone.profile).toContain(phone.rom);
      // What the card shows is what the core read from the phone.
      const rom = view?.identity?.rom;
      expect(text).toContain(rom?.version ? `${rom.name} ${rom.version}` : String(rom?.name));
      expect(text).toContain(`Android ${view?.identity?.androidVersion ?? '?'}`);
      expect(text).toContain(serial);
    }
    await browser.screenshot('real-board');
    expect(browser.problems).toEqual([]);
  });

  it('takes a phone screenshot into a dialog that closes with Esc', async () => {
    const xiaomi = card(serials.get(PHONES[0].profile) ?? '');
    await xiaomi.getByRole('button', { name: 'Screenshot' }).click();
    const dialog = page().getByRole('dialog', { name: /^Screenshot of Xiaomi Pad 6/ });
    await expect.poll(() => dialog.count(), { timeout: 15_000 }).toBe(1);
    const image = dialog.locator('img');
    await expect.poll(() => image.count(), { timeout: 15_000 }).toBe(1);
    expect(await image.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await dialog.textContent()).toMatch(/Saved to .+\.png \(/);
    await browser.screenshot('real-screenshot-dialog');
    await page().keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('removes a card live when its phone is unplugged in the lab panel, and brings it back', async () => {
    const profile = PHONES[3].profile;
    const serial = serials.get(profile) ?? '';
    const toggle = page().getByRole('switch', { name: `Cable for ${profile}` });
    await toggle.click();
    await expect.poll(() => card(serial).count(), { timeout: 15_000 }).toBe(0);
    expect(await page().locator('article.device-card').count()).toBe(PHONES.length - 1);
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false');
    await browser.screenshot('real-board-unplugged');

    await toggle.click();
    await expect.poll(() => card(serial).locator('.channel-tag').count(), { timeout: 30_000 }).toBe(1);
    expect(browser.problems).toEqual([]);
  });

  it('shows NOT_AN_APK for a file that is not an app and sends nothing to phones', async () => {
    await page()
      .getByRole('tab', { name: /Install/ })
      .click();
    const notes = join(work, 'release-notes.txt');
    await writeFile(notes, 'Release 1.4.2: fixes push token refresh.\n');
    await page().locator('input[type="file"]').setInputFiles(notes);
    const error = page().locator('[data-error-code="NOT_AN_APK"]');
    await expect.poll(() => error.count(), { timeout: 10_000 }).toBe(1);
    expect(await error.textContent()).toContain('Not an Android app');
    expect(await page().textContent('body')).toContain('Nothing was sent to any phone.');
    expect(
      await page()
        .getByRole('button', { name: /^Install on/ })
        .isDisabled(),
    ).toBe(true);
    const jobs = await core.invoke('install:jobs', []);
    expect(jobs.ok && jobs.value.length).toBe(0);
    await browser.screenshot('real-install-not-an-apk');
  });

  it('installs a test APK on three phones with progress, then done', async () => {
    const apkPath = join(work, 'pushlab-sample.apk');
    await writeTestApk(apkPath, {
      packageName: 'dev.pushlab.sample',
      versionCode: 7,
      versionName: '1.0.7',
      minSdk: 24,
      targetSdk: 34,
      label: 'PushLab Sample',
      padBytes: 8 * 1024 * 1024,
    });
    await page().locator('input[type="file"]').setInputFiles(apkPath);
    const summary = page().locator('.apk-summary');
    await expect.poll(() => summary.count(), { timeout: 15_000 }).toBe(1);
    expect(await summary.getAttribute('data-package')).toBe('dev.pushlab.sample');
    expect(await summary.textContent()).toContain('1.0.7 (versionCode 7)');

    const targets = PHONES.slice(0, 3).map((p) => serials.get(p.profile) ?? '');
    for (const serial of targets)
      await page().locator(`li[data-serial="${serial}"] input[type="checkbox"]`).check();
    // Record every phase each phone's row goes through (a string script: this file has no DOM types).
    await page().evaluate(`(() => {
      const seen = (window.__phases = {});
      const record = () => {
        for (const row of document.querySelectorAll('.install__active .job-item')) {
          const list = (seen[row.dataset.serial] ??= []);
          if (list[list.length - 1] !== row.dataset.phase) list.push(row.dataset.phase);
        }
      };
      new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-phase'] });
    })()`);
    await page().getByRole('button', { name: 'Install on 3 phones' }).click();

    const items = page().locator('.install__active .job-item');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(3);
    for (const serial of targets) {
      const bar = page().locator(`.install__active .job-item[data-serial="${serial}"] progress`);
      expect(await bar.getAttribute('aria-label')).toMatch(/^Install progress on /);
    }
    await expect
      .poll(() => page().locator('.install__active .job-item[data-phase="done"]').count(), {
        timeout: 45_000,
      })
      .toBe(3);
    const summaryLine = (await page().locator('.install__active .job__summary').textContent()) ?? '';
    expect(summaryLine).toContain('3 of 3 installed, 0 failed');
    for (const serial of targets) {
      const bar = page().locator(`.install__active .job-item[data-serial="${serial}"] progress`);
      // The node tsconfig has no DOM types: read the element's properties through a narrow shape.
      expect(
        await bar.evaluate((el) => {
          const p = el as unknown as { value: number; max: number };
          return p.value === p.max && p.max > 0;
        }),
      ).toBe(true);
    }
    await browser.screenshot('real-install-done');
    // Progress was shown before done: each row passed through copying and/or installing.
    const phases = (await page().evaluate('window.__phases')) as Record<string, string[]>;
    for (const serial of targets) {
      expect(phases[serial]?.at(-1), serial).toBe('done');
      expect(
        phases[serial]?.some((p) => p === 'pushing' || p === 'installing'),
        `${serial}: ${phases[serial]?.join(' > ')}`,
      ).toBe(true);
    }

    const jobs = await core.invoke('install:jobs', []);
    expect(jobs.ok && jobs.value[0]?.items.map((i) => i.phase)).toEqual(['done', 'done', 'done']);
    expect(browser.problems).toEqual([]);
  });

  it('runs the doctor on a real-core Xiaomi phone and fixes the stopped app by launching it', async () => {
    const serial = serials.get(PHONES[0].profile) ?? '';
    await page()
      .getByRole('tab', { name: /Phones/ })
      .click();
    await card(serial).getByRole('button', { name: 'Check push readiness' }).click();
    const panel = page().locator('.doctor-panel');
    await expect.poll(() => panel.getAttribute('data-serial')).toBe(serial);
    await panel.getByLabel('App package').fill('dev.pushlab.sample');
    await panel.getByLabel('Notification channel ids (optional)').fill('pushlab_default');
    await panel.getByRole('button', { name: /Run check|Check again/ }).click();
    await expect.poll(() => panel.locator('.report[data-live="true"]').count(), { timeout: 15_000 }).toBe(1);
    const row = (id: string) => panel.locator(`li.check[data-check-id="${id}"]`);
    // A fresh install was never launched: stopped, and no channel yet. Evidence is the phone's own line.
    expect(await row('app.stopped').getAttribute('data-status')).toBe('fail');
    expect(await row('app.stopped').locator('.evidence__text').textContent()).toMatch(/stopped=true/);
    expect(await row('channel:pushlab_default').getAttribute('data-status')).toBe('fail');
    await row('app.stopped').locator('button[data-fix="launch-app"]').click();
    await expect.poll(() => row('app.stopped').getAttribute('data-status'), { timeout: 15_000 }).toBe('ok');
    const launched = row('app.stopped').locator('.fix-result[data-fix="launch-app"]');
    expect(await launched.getAttribute('data-fix-ok')).toBe('true');
    // Launching created the app's channel on the phone; the re-read shows it.
    await expect.poll(() => row('channel:pushlab_default').getAttribute('data-status')).toBe('ok');
    await browser.screenshot('real-doctor-xiaomi');
    const history = await core.invoke('doctor:history', [serial, 'dev.pushlab.sample']);
    expect(history.ok && history.value.length).toBeGreaterThanOrEqual(2);
    expect(browser.problems).toEqual([]);
  });

  it('switches to 中文 and shows Chinese text, phone facts included', async () => {
    await page().getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page().getByRole('tab', { name: /安装/ }).count()).toBe(1);
    expect(await page().locator('#install-history-heading').textContent()).toBe('最近的安装');
    await page().getByRole('tab', { name: /手机/ }).click();
    const xiaomi = card(serials.get(PHONES[0].profile) ?? '');
    expect(await xiaomi.locator('.vendor-badge').textContent()).toBe('小米');
    expect(await xiaomi.locator('.channel-tag').textContent()).toBe(PHONES[0].channelZh);
    expect(await xiaomi.locator('.device-card__reason').textContent()).toMatch(/离线推送走小米推送通道。$/);
    expect(await page().locator('[data-adb-state="connected"]').textContent()).toContain('已连接');
    await browser.screenshot('real-board-zh');
    expect(browser.problems).toEqual([]);
  });
});
