/**
 * What session.defaultSession's hooks do to a stand-in window's page: every response goes through
 * the app's onHeadersReceived listener (file:// included, as in Electron), and the permission
 * handlers decide what Chromium grants the page.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Route } from 'playwright-core';
import { journal } from './journal';
import { session } from './session';

const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};
/** Electron permission names the stand-in asks the app about, with Chromium's names for them. */
const PERMISSIONS: Record<string, string[]> = {
  'clipboard-sanitized-write': ['clipboard-write'],
  'clipboard-read': ['clipboard-read'],
  geolocation: ['geolocation'],
  notifications: ['notifications'],
  media: ['camera', 'microphone'],
  midi: ['midi'],
};

export async function serveWithAppHeaders(route: Route): Promise<void> {
  const request = route.request();
  const url = request.url();
  const isFile = url.startsWith('file:');
  const file = isFile ? fileURLToPath(url) : '';
  if (isFile && !existsSync(file)) return route.continue();
  const fetched = isFile ? null : await route.fetch();
  const responseHeaders: Record<string, string[]> = {};
  if (isFile) responseHeaders['content-type'] = [MIME[path.extname(file)] ?? 'application/octet-stream'];
  else for (const [name, value] of Object.entries(fetched?.headers() ?? {})) responseHeaders[name] = [value];
  const resourceType =
    request.isNavigationRequest() && request.frame().parentFrame() === null
      ? 'mainFrame'
      : request.resourceType();
  const decided = await session.defaultSession.headersFor({
    url,
    method: request.method(),
    resourceType,
    statusCode: fetched?.status() ?? 200,
    responseHeaders,
  });
  if (decided.cancel) return route.abort('blockedbyclient');
  const headers = Object.fromEntries(
    Object.entries(decided.headers).map(([name, values]) => [name, values.join(', ')]),
  );
  if (resourceType === 'mainFrame') journal('response-headers', { url, headers });
  return route.fulfill({
    status: fetched?.status() ?? 200,
    headers,
    body: isFile ? readFileSync(file) : await fetched?.body(),
  });
}

export async function applyPermissions(
  context: BrowserContext,
  contents: unknown,
  url: string,
): Promise<void> {
  const granted: string[] = [];
  for (const [permission, names] of Object.entries(PERMISSIONS)) {
    const requested = await session.defaultSession.requestPermission(contents, permission, url);
    const checked = session.defaultSession.checkPermission(contents, permission, url);
    journal('permission', { permission, url, requested, checked });
    if (requested && checked) granted.push(...names);
  }
  await context.clearPermissions();
  if (granted.length > 0) await context.grantPermissions(granted).catch(() => undefined);
}
