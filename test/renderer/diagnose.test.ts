/**
 * Diagnose mode in the window (Chromium, the real core through the loopback web bridge, the push
 * lab world with its direct paths): the Runs view shows the sends per sender before Start and the
 * over-quota line, and the matrix cell panel of a push Tencent lost says "Tencent side" with what
 * each path did, in English and in Chinese.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VirtualLabController } from '../../electron/lab/virtual-lab-port';
import { serveWeb, type WebServer } from '../../electron/web/server';
import { openRunLab, type RunLab } from '../support/run-lab';
import { openBrowser, requireBuiltRenderer, type BrowserSession } from './support/browser';

const BG = 'background-c2c-text';
let work: string;
let lab: RunLab;
let server: WebServer;
let browser: BrowserSession;

const controller: VirtualLabController = {
  status: () => lab?.world.lab.status() ?? { running: false, phones: [] },
  start: async () => controller.status(),
  stop: async () => controller.status(),
  plug: async () => controller.status(),
  onChange: () => () => undefined,
  demoPlan: () => lab?.world.diagnosePlan() ?? null,
};
const serialOf = (id: string): string => lab.world.phones.find((p) => p.id === id)?.serial ?? '';

beforeAll(async () => {
  const rendererDir = requireBuiltRenderer();
  work = await mkdtemp(join(tmpdir(), 'pushlab-renderer-diagnose-'));
  lab = await openRunLab({
    phones: [
      { profile: 'google-pixel-android15-1', id: 'ok', account: 'qa_ok' },
      { profile: 'google-pixel-android15-1', id: 'lost', account: 'qa_lost' },
    ],
    world: { direct: true, drops: (_spec, serial) => serial === serialOf('lost') },
    core: { dataDir: join(work, 'data'), virtualLab: controller, runEvidence: null, capturePollMs: 100 },
  });
  server = await serveWeb({ core: lab.core, rendererDir, uploadDir: join(work, 'uploads') });
  browser = await openBrowser({ width: 1360, height: 900 });
  await browser.page.goto(server.url);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await lab?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

const page = () => browser.page;
const panel = () => page().locator('.mx-panel');

describe('diagnose mode in the window', () => {
  it('shows the sends per sender before Start, then which link failed in the cell panel', async () => {
    await page().getByRole('tab', { name: 'Runs' }).click();
    await page().getByRole('button', { name: 'Use the demo plan' }).click();
    await expect
      .poll(async () => (await page().locator('#run-plan').inputValue()).includes('"diagnose"'))
      .toBe(true);
    const plan = JSON.parse(await page().locator('#run-plan').inputValue()) as Record<string, unknown>;
    const draft = { ...plan, scenarios: [BG], timeouts: { pushMs: 2500, stepMs: 15000 } };
    await page()
      .locator('#run-plan')
      .fill(JSON.stringify({ ...draft, quota: { fcm: 1 } }));
    await expect
      .poll(() => page().locator('.send-preview li[data-sender="fcm"]').textContent())
      .toBe('fcm: up to 2 sends to 2 phone(s) (quota 1 from the plan), OVER QUOTA');
    expect(await page().locator('.send-preview li[data-sender="tencent"]').textContent()).toBe(
      'tencent: up to 4 sends to 2 phone(s) (no quota declared)',
    );
    await page().getByRole('button', { name: 'Start run' }).click();
    await expect.poll(() => page().locator('[data-error-code="QUOTA_EXCEEDED"]').count()).toBe(1);

    await page().locator('#run-plan').fill(JSON.stringify(draft));
    await page().getByRole('button', { name: 'Start run' }).click();
    await expect
      .poll(() => page().locator('.run-detail').getAttribute('data-status'), { timeout: 90_000 })
      .toBe('completed');

    await page().getByRole('tab', { name: 'Matrix' }).click();
    const lost = serialOf('lost');
    const cell = page().locator(`.mx-row[data-serial="${lost}"] [role="gridcell"][data-scenario="${BG}"]`);
    await expect.poll(() => cell.count()).toBe(1);
    await cell.click();
    await expect.poll(() => panel().locator('.mx-diagnosis').getAttribute('data-link')).toBe('tencent-side');
    expect(await panel().locator('#mx-diagnosis-heading').textContent()).toBe(
      'Which link failed: Tencent side',
    );
    expect(await panel().locator('.mx-diagnosis dd').allTextContents()).toEqual([
      'not shown',
      'shown',
      'PushOnline',
    ]);
    await browser.screenshot('diagnose-panel-en');

    await page().getByRole('button', { name: '中文' }).click();
    await expect
      .poll(() => panel().locator('#mx-diagnosis-heading').textContent())
      .toBe('哪条链路失败: 腾讯侧');
    expect(await panel().locator('.mx-diagnosis p').textContent()).toMatch(/^腾讯侧：厂商直连（fcm）送达了/);
    expect(browser.problems).toEqual([]);
  }, 180_000);
});
