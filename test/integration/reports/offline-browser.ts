/**
 * Opens a report file in Debian Chromium (playwright-core) with the network cut: the context is
 * offline, every request but the report file itself is aborted and recorded, dialogs are recorded
 * and dismissed, console warnings/errors and page errors are collected. Artifacts (PDF, PNG) go to
 * test-results/reports/.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../renderer/support/browser';

export const ARTIFACTS = resolve(import.meta.dirname, '../../../test-results/reports');

export interface OfflineReport {
  readonly page: Page;
  /** Every request the page tried besides the report file (data: URLs are not requests). */
  readonly requests: string[];
  readonly dialogs: string[];
  readonly problems: string[];
  close(): Promise<void>;
}

export async function openReportOffline(
  file: string,
  options: { width?: number; locale?: string } = {},
): Promise<OfflineReport> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is not installed at ${CHROMIUM} (Debian package "chromium").`);
  await mkdir(ARTIFACTS, { recursive: true });
  const profile = await mkdtemp(join(tmpdir(), 'pushlab-report-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    offline: true,
    args: [...CHROMIUM_ARGS],
    viewport: { width: options.width ?? 1024, height: 768 },
    locale: options.locale ?? 'en-US',
  });
  const url = pathToFileURL(file).href;
  const requests: string[] = [];
  const dialogs: string[] = [];
  const problems: string[] = [];
  await context.route('**/*', async (route) => {
    const target = route.request().url();
    if (target === url) return route.continue();
    requests.push(target);
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('request', (request) => {
    const target = request.url();
    if (target !== url && !target.startsWith('data:') && !requests.includes(target)) requests.push(target);
  });
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(url, { waitUntil: 'load' });
  return {
    page,
    requests,
    dialogs,
    problems,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** What the loaded report looks like from inside the page (a string: this tsconfig has no DOM types). */
export async function inspectReport(
  page: Page,
): Promise<{ scripts: number; images: number; brokenImages: number; overflowX: number; text: string }> {
  return (await page.evaluate(`(() => {
    const images = [...document.images];
    return {
      scripts: document.scripts.length,
      images: images.length,
      brokenImages: images.filter((img) => !img.complete || img.naturalWidth === 0).length,
      overflowX: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      text: document.body.innerText,
    };
  })()`)) as { scripts: number; images: number; brokenImages: number; overflowX: number; text: string };
}
