/**
 * Issue 9's papercuts in Chromium at 1366x768 (a common laptop screen), over the web bridge: the
 * fake core with a small completed run that lost a phone and has blocked cells (support/lab-run).
 * Each check looks at what a person sees: positions, visible text, icons that draw. Screenshots go
 * to test-results/renderer/ (en and zh-CN).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWeb, type WebServer } from '../../electron/web/server';
import { HUAWEI, OLD_SAMSUNG, XIAOMI } from '../support/sample-devices';
import { openBrowser, requireBuiltRenderer, type BrowserSession } from './support/browser';
import { EVIDENCE_TIME, LAB_RUN_ID, withRun } from './support/lab-run';
import { nodeFakeCore } from './support/node-fake-core';

const PKG = 'com.pushlab.demo';

/** "2026-01-05 10:00:02.145" in this computer's zone (the browser's too): what the evidence shows. */
function localTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const date = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  return `${date} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}

let work: string;
let server: WebServer;
let browser: BrowserSession;

beforeAll(async () => {
  const rendererDir = requireBuiltRenderer();
  work = await mkdtemp(join(tmpdir(), 'pushlab-first-contact-'));
  const core = withRun(nodeFakeCore({ devices: [XIAOMI, HUAWEI, OLD_SAMSUNG], doctorMs: 50 }));
  server = await serveWeb({ core, rendererDir, uploadDir: join(work, 'uploads') });
  browser = await openBrowser({ width: 1366, height: 768 });
  await browser.page.goto(server.url);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

const page = () => browser.page;
const tab = (name: string | RegExp) => page().getByRole('tab', { name });

async function openRun(): Promise<void> {
  await tab('Runs').click();
  await page().locator(`.run-item__open`).first().click();
  await expect.poll(() => page().locator('.run-detail').getAttribute('data-run-id')).toBe(LAB_RUN_ID);
}

describe('the runs view', () => {
  it('says "Completed with lost phones", not a green Completed', async () => {
    await openRun();
    const badge = page().locator('.run-detail .run-status');
    expect(await badge.getAttribute('data-run-outcome')).toBe('completed-lost');
    expect((await badge.textContent())?.trim()).toBe('Completed with lost phones');
    // Not the green of a plain Completed (--ok-bg, #e3f3e8).
    // (The node project has no DOM globals: the page's window is reached through the element.)
    expect(
      await badge.evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).backgroundColor),
    ).not.toBe('rgb(227, 243, 232)');
    expect(await page().locator('.run-list .run-status').first().getAttribute('data-run-outcome')).toBe(
      'completed-lost',
    );
  });

  it("names phones as the board does: marketing name, else brand + model in the vendor's casing", async () => {
    const names = await page().locator('.run-grid .run-grid__phone').allTextContents();
    expect(names).toEqual(['Redmi Note 12', 'Xiaomi 2312DRA50C', 'MEIZU 21', 'Samsung SM-S911B', 'Pixel 8']);
  });

  it('keeps the phone column in view when the grid scrolls right', async () => {
    const scroller = page().locator('.run-grid__scroll');
    await scroller.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const before = await page().locator('.run-grid tbody th').first().boundingBox();
    const width = await scroller.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(width).toBeGreaterThan(200);
    await scroller.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(200);
    const after = await page().locator('.run-grid tbody th').first().boundingBox();
    expect(after?.x).toBe(before?.x);
    // Nothing paints over it: the phone name is the topmost element at its own position.
    const name = page().locator('.run-grid .run-grid__phone').first();
    const box = await name.boundingBox();
    const hit = await page().evaluate(
      `document.elementFromPoint(${(box?.x ?? 0) + 4}, ${(box?.y ?? 0) + 4})?.closest('th')?.getAttribute('scope') ?? null`,
    );
    expect(hit).toBe('row');
    await browser.screenshot('first-contact-runs-scrolled');
    await scroller.evaluate((el) => el.scrollTo({ left: 0 }));
  });

  it('draws every verdict icon (SVG, no emoji that a font may lack)', async () => {
    const blocked = page().locator('.run-grid button.verdict-chip[data-verdict="blocked"]').first();
    const icon = blocked.locator('.status-icon[data-icon="blocked"]');
    expect(await icon.count()).toBe(1);
    const box = await icon.boundingBox();
    expect(box?.width).toBeGreaterThan(8);
    // Drawn from its own shape in the chip's colour (no font involved), and it shows: some of its
    // pixels differ from the chip's background.
    const style = (prop: string) =>
      icon.evaluate((el, p) => el.ownerDocument.defaultView?.getComputedStyle(el).getPropertyValue(p), prop);
    expect(await style('mask-image')).toMatch(/^url\("data:image\/svg\+xml/);
    expect(await style('background-color')).toBe(
      await blocked.evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).color),
    );
    const shot = await icon.screenshot();
    // Through the CSSOM: the page's CSP refuses style attributes.
    const setStyle = (prop: string, value: string | null) =>
      icon.evaluate(
        (el, [p, v]) => (v === null ? el.style.removeProperty(p ?? '') : el.style.setProperty(p ?? '', v)),
        [prop, value] as const,
      );
    await setStyle('opacity', '0');
    const empty = await icon.screenshot();
    await setStyle('opacity', null);
    await setStyle('mask-image', 'none');
    const solid = await icon.screenshot();
    await setStyle('mask-image', null);
    expect(shot.equals(empty), 'the icon draws something').toBe(false);
    expect(shot.equals(solid), 'the icon has a shape, not a filled box').toBe(false);
    const text = await page().locator('body').innerText();
    expect(text).not.toMatch(/[⛔⚡⏸]/u);
  });

  it('shows evidence times as local times, not epoch numbers', async () => {
    await page().locator('.run-grid button.verdict-chip').first().click();
    const evidence = page().locator('.evidence-item[data-evidence-kind="send"]');
    await expect.poll(() => evidence.count()).toBe(1);
    const text = (await evidence.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain(localTime(EVIDENCE_TIME - 900));
    expect(text).not.toMatch(/\b1\d{12}\b/);
    await browser.screenshot('first-contact-evidence');
  });

  it('explains the browser mode in the credentials panel instead of a red "Not found"', async () => {
    const panel = page().locator('.run-secrets');
    await panel.scrollIntoViewIfNeeded();
    expect(await panel.locator('.error-notice').count()).toBe(0);
    expect(await panel.locator('[data-secret-store="none"]').innerText()).toContain(
      'a browser has no operating-system keychain',
    );
    expect(await panel.innerText()).toContain('{ "env": "TENCENT_SECRET_KEY" }');
  });
});

describe('the matrix view', () => {
  it('names phones the same way, and shows the lost-phones status', async () => {
    await tab('Matrix').click();
    await expect.poll(() => page().locator('.mx-run__meta').getAttribute('data-run-id')).toBe(LAB_RUN_ID);
    const names = await page().locator('.mx-phone__name').allTextContents();
    expect(names.map((n) => n.trim()).sort()).toEqual([
      'MEIZU 21',
      'Pixel 8',
      'Redmi Note 12',
      'Samsung SM-S911B',
      'Xiaomi 2312DRA50C',
    ]);
    expect(
      await page()
        .locator('.mx-run .run-status, .mx-run__meta .run-status')
        .first()
        .getAttribute('data-run-outcome'),
    ).toBe('completed-lost');
    await browser.screenshot('first-contact-matrix');
  });

  it("keeps the latency axis' last label inside the chart", async () => {
    const chart = page().locator('[data-chart="latency"] svg');
    await chart.scrollIntoViewIfNeeded();
    const svg = await chart.boundingBox();
    const labels = chart.locator('.mx-chart__tick text');
    const last = await labels.nth((await labels.count()) - 1).boundingBox();
    expect(svg && last).toBeTruthy();
    if (!svg || !last) return;
    expect(last.x + last.width).toBeLessThanOrEqual(svg.x + svg.width + 0.5);
  });

  it('fits the sign-off dialog on 1366x768: its buttons are visible without scrolling', async () => {
    await page().getByRole('button', { name: 'Sign off…' }).click();
    const dialog = page().locator('dialog.mx-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.locator('.mx-dialog__cells li').count()).toBeGreaterThan(10);
    for (const name of ['Cancel', 'Sign off']) {
      const button = dialog.getByRole('button', { name, exact: true });
      const box = await button.boundingBox();
      expect(box, name).not.toBeNull();
      expect((box?.y ?? 0) + (box?.height ?? 0), name).toBeLessThanOrEqual(768);
      // Nothing covers it: the button is what a click in its middle reaches.
      const reached = await button.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return el.contains(el.ownerDocument.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
      });
      expect(reached, name).toBe(true);
    }
    await browser.screenshot('first-contact-sign-off');
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('shows the re-run confirmation where it appears, even when the panel scrolls', async () => {
    await page().locator('.mx-row[data-serial="meizu-21"] [role="gridcell"]').last().click();
    const rerun = page().locator('.mx-panel__rerun');
    await expect.poll(() => rerun.count()).toBe(1);
    await page()
      .locator('.mx-panel')
      .evaluate((el) => el.scrollTo({ top: 0 }));
    await rerun.getByRole('button', { name: 'Re-run this cell' }).click();
    const started = page().locator('.mx-panel__rerun-started');
    await expect.poll(() => started.count()).toBe(1);
    const inView = () =>
      started.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const p = el.closest('.mx-panel')?.getBoundingClientRect();
        const height = el.ownerDocument.defaultView?.innerHeight ?? 0;
        return p !== undefined && r.top >= Math.max(0, p.top) && r.bottom <= Math.min(height, p.bottom);
      });
    await expect.poll(inView).toBe(true);
    await browser.screenshot('first-contact-rerun');
  });
});

describe('the doctor and the install view', () => {
  it('keeps the app package across phone switches and when a card opens the doctor', async () => {
    await tab(/^Phones/).click();
    await page()
      .locator(`article[data-serial="${XIAOMI.serial}"]`)
      .getByRole('button', { name: 'Check push readiness' })
      .click();
    const input = () => page().locator('.doctor-panel').getByLabel('App package');
    await input().fill(PKG);
    await page()
      .locator('.doctor-phones')
      .getByRole('button', { name: /HUAWEI/ })
      .click();
    await expect.poll(() => page().locator('.doctor-panel').getAttribute('data-serial')).toBe(HUAWEI.serial);
    expect(await input().inputValue()).toBe(PKG);
    await tab(/^Phones/).click();
    await page()
      .locator(`article[data-serial="${OLD_SAMSUNG.serial}"]`)
      .getByRole('button', { name: 'Check push readiness' })
      .click();
    await expect
      .poll(() => page().locator('.doctor-panel').getAttribute('data-serial'))
      .toBe(OLD_SAMSUNG.serial);
    expect(await input().inputValue()).toBe(PKG);
  });

  it('offers no iOS .app where the core reports no simulators', async () => {
    await tab('Install').click();
    await expect.poll(() => page().locator('.install__builds').count()).toBe(1);
    expect(await page().locator('.app-picker').count()).toBe(0);
    expect(await page().locator('.install').innerText()).not.toContain('.app');
    expect(browser.problems).toEqual([]);
  });
});
