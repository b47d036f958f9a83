/**
 * The one Debian Chromium behind every stand-in window: headless, fresh profile, the repo's
 * shared no-background-traffic flags, and a DevTools port the test attaches to (journalled).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../renderer/support/browser';
import { journal } from './journal';

/**
 * Electron grants file:// pages the privileges an app needs (the grantFileProtocolExtraPrivileges
 * fuse, on in PushLab): module scripts next to index.html load. Plain Chromium needs a flag for that.
 */
const ELECTRON_FILE_PRIVILEGES = '--allow-file-access-from-files';

let launching: Promise<BrowserContext> | null = null;
let profile: string | null = null;

async function devToolsEndpoint(dir: string): Promise<string> {
  const file = path.join(dir, 'DevToolsActivePort');
  for (let i = 0; i < 100 && !existsSync(file); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  const port = readFileSync(file, 'utf8').split('\n')[0];
  return `http://127.0.0.1:${port}`;
}

/** The first window's size and disabled Blink features decide the launch (one Chromium per app). */
export function browserContext(
  size: { width: number; height: number },
  disableBlinkFeatures?: string,
): Promise<BrowserContext> {
  launching ??= (async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`Chromium is not installed at ${CHROMIUM} (Debian package "chromium").`);
    profile = mkdtempSync(path.join(tmpdir(), 'pushlab-stand-in-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        ...CHROMIUM_ARGS,
        ELECTRON_FILE_PRIVILEGES,
        '--remote-debugging-port=0',
        ...(disableBlinkFeatures ? [`--disable-blink-features=${disableBlinkFeatures}`] : []),
      ],
      viewport: size,
      acceptDownloads: true,
    });
    journal('chromium', { cdp: await devToolsEndpoint(profile) });
    return context;
  })();
  return launching;
}

/** Closes Chromium (if it ran) and removes its profile; bounded so app.exit() never hangs. */
export async function closeBrowser(): Promise<void> {
  const pending = launching;
  launching = null;
  if (pending) {
    const context = await pending.catch(() => null);
    await Promise.race([context?.close(), new Promise((resolve) => setTimeout(resolve, 3_000))]).catch(
      () => undefined,
    );
  }
  if (profile) rmSync(profile, { recursive: true, force: true });
  profile = null;
}
