/**
 * Debian Chromium through playwright-core, headless, with a fresh profile per launch, and the
 * check that the renderer was built.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');
export const RENDERER_DIR = join(REPO_ROOT, 'out/renderer');
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results/renderer');
export const CHROMIUM = '/usr/bin/chromium';

/** Throws a clear message when the renderer has not been built. */
export function requireBuiltRenderer(): string {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(
      `The renderer is not built: ${RENDERER_DIR}/index.html is missing. Run \`npx electron-vite build\` (or \`npm run build\`) before the renderer tests.`,
    );
  }
  return RENDERER_DIR;
}

export interface BrowserSession {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Messages from the page's console at warning level and above, and page errors. */
  readonly problems: string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** Launches Chromium with a fresh user-data dir and opens one 1024x700 page. */
/** Headless Debian Chromium that makes no requests of its own (no updates, sync, pings, QUIC). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--no-pings',
];

export async function openBrowser(
  options: { width?: number; height?: number; locale?: string } = {},
): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is not installed at ${CHROMIUM} (Debian package "chromium").`);
  const profile = await mkdtemp(join(tmpdir(), 'pushlab-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport: { width: options.width ?? 1024, height: options.height ?? 700 },
    locale: options.locale ?? 'en-US',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  return {
    context,
    page,
    problems,
    async screenshot(name) {
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
