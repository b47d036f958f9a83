/**
 * zh-CN shows no English: the main screens in Chinese in Chromium (board, push readiness with a
 * report, install with a failure, runs with evidence and the credentials panel, matrix with a cell
 * and the sign-off dialog), each screen's visible text checked for Latin-letter words. Allowed:
 * device text (everything the phones and the run report about themselves, removed first), and the
 * small explicit list of names and code-like tokens in support/english-words.ts.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWeb, type WebServer } from '../../electron/web/server';
import { HUAWEI, OLD_SAMSUNG, XIAOMI } from '../support/sample-devices';
import { openBrowser, requireBuiltRenderer, type BrowserSession } from './support/browser';
import { englishWords } from './support/english-words';
import { BLOCKED_MESSAGE, LAB_PHONES, LAB_RUN_ID, withRun } from './support/lab-run';
import { nodeFakeCore } from './support/node-fake-core';

const DEVICES = [XIAOMI, HUAWEI, OLD_SAMSUNG];
const PKG = 'com.tencent.qcloud.tim.tuikit';
let work: string;
let server: WebServer;
let browser: BrowserSession;

/** Every string the phones and the run say about themselves: device text, shown as it is. */
function deviceTexts(): string[] {
  // The run's plan name, the APK's label, and the set-up error the fixture's blocked cells quote.
  const out = new Set<string>(['PushLab demo', 'PushLab Sample', 'sample.apk', BLOCKED_MESSAGE]);
  const walk = (value: unknown): void => {
    if (typeof value === 'string' && value.trim() !== '') out.add(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(DEVICES.map((d) => d.identity));
  walk(LAB_PHONES);
  // Longest first, so "Redmi Note 12" goes before "Redmi".
  return [...out].sort((a, b) => b.length - a.length);
}

/**
 * The English words left in what `selector` shows, each with the line it is on. Device text is
 * removed first, and so is phone output (evidence <pre>) and code (<code>, <kbd>).
 */
async function englishOn(selector: string): Promise<string[]> {
  // innerText needs layout: the copy is measured off-screen, then dropped.
  let text = await browser.page
    .locator(selector)
    .first()
    .evaluate((root) => {
      const copy = root.cloneNode(true) as typeof root;
      for (const el of copy.querySelectorAll('pre, code, kbd, samp')) el.remove();
      copy.style.position = 'absolute';
      copy.style.left = '-99999px';
      root.ownerDocument.body.append(copy);
      const shown = copy.innerText;
      copy.remove();
      return shown;
    });
  for (const device of deviceTexts()) text = text.split(device).join(' ');
  return text
    .split('\n')
    .flatMap((line: string) => englishWords(line).map((word) => `${word} in "${line.trim().slice(0, 120)}"`));
}

beforeAll(async () => {
  const rendererDir = requireBuiltRenderer();
  work = await mkdtemp(join(tmpdir(), 'pushlab-zh-screens-'));
  const raw = 'Failure [INSTALL_FAILED_USER_RESTRICTED: Install canceled by user]';
  const core = withRun(
    nodeFakeCore({
      devices: DEVICES,
      doctorMs: 50,
      stepMs: 30,
      installFailures: { [XIAOMI.serial]: { reason: 'INSTALL_FAILED_USER_RESTRICTED', raw } },
    }),
  );
  server = await serveWeb({ core, rendererDir, uploadDir: join(work, 'uploads') });
  browser = await openBrowser({ width: 1366, height: 768, locale: 'zh-CN' });
  await browser.page.goto(server.url);
  await browser.page.waitForSelector('html[lang="zh-CN"]');
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

const page = () => browser.page;
const tab = (name: RegExp) => page().getByRole('tab', { name });

describe('zh-CN screens show Chinese', () => {
  it('the phone board', async () => {
    await expect.poll(() => page().locator('article.device-card').count()).toBe(DEVICES.length);
    await browser.screenshot('zh-board');
    expect(await englishOn('body')).toEqual([]);
  });

  it('push readiness with a report', async () => {
    await page()
      .locator(`article[data-serial="${XIAOMI.serial}"]`)
      .getByRole('button', { name: '检查推送就绪' })
      .click();
    await page().locator('.doctor-panel').getByLabel('应用包名').fill(PKG);
    await page().locator('.doctor-panel').getByRole('button', { name: '开始检查' }).click();
    await expect.poll(() => page().locator('.doctor-panel .report[data-live="true"]').count()).toBe(1);
    await expect.poll(() => page().locator('.doctor-panel progress').count()).toBe(0);
    await browser.screenshot('zh-doctor');
    expect(await englishOn('main, body')).toEqual([]);
  });

  it('install, with a failure explained', async () => {
    await tab(/^安装/).click();
    const apk = join(work, 'sample.apk');
    await writeFile(apk, Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(4096, 7)]));
    await page().locator('input[type="file"]').setInputFiles(apk);
    await expect.poll(() => page().locator('.apk-summary').count()).toBe(1);
    await page().getByRole('button', { name: '选择所有就绪的手机' }).click();
    await page()
      .getByRole('button', { name: /^安装到 \d+ 台手机$/ })
      .click();
    const failed = page().locator(`.install__active .job-item[data-serial="${XIAOMI.serial}"]`);
    await expect.poll(() => failed.getAttribute('data-phase'), { timeout: 10_000 }).toBe('failed');
    expect(await failed.locator('.job-item__failure-message').innerText()).toContain('USB 安装');
    await browser.screenshot('zh-install');
    expect(await englishOn('body')).toEqual([]);
  });

  it('runs: the detail, an attempt with evidence and the credentials panel', async () => {
    await tab(/^测试运行/).click();
    await page().locator('.run-item__open').first().click();
    await expect.poll(() => page().locator('.run-detail').getAttribute('data-run-id')).toBe(LAB_RUN_ID);
    await page().locator('.run-grid button.verdict-chip[data-verdict="blocked"]').first().click();
    await expect.poll(() => page().locator('.evidence-item').count()).toBeGreaterThan(0);
    expect(await page().locator('.run-detail .run-status').innerText()).toContain('有手机失联');
    await browser.screenshot('zh-runs');
    expect(await englishOn('body')).toEqual([]);
  });

  it('the matrix, a cell and the sign-off dialog', async () => {
    await tab(/^验收矩阵/).click();
    await expect.poll(() => page().locator('.mx-run__meta').getAttribute('data-run-id')).toBe(LAB_RUN_ID);
    await page()
      .locator('.mx-row[data-serial="samsung-s23"] [role="gridcell"][data-status="blocked"]')
      .first()
      .click();
    await expect.poll(() => page().locator('.mx-panel').count()).toBe(1);
    await browser.screenshot('zh-matrix');
    expect(await englishOn('body')).toEqual([]);
    await page().getByRole('button', { name: '签字验收…' }).click();
    await expect.poll(() => page().locator('dialog.mx-dialog').isVisible()).toBe(true);
    await browser.screenshot('zh-sign-off');
    expect(await englishOn('dialog.mx-dialog')).toEqual([]);
    await page().locator('dialog.mx-dialog').getByRole('button', { name: '取消', exact: true }).click();
    expect(browser.problems).toEqual([]);
  });
});
