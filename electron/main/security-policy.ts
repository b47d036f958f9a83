/**
 * The window's security policy as plain data and pure decisions, so unit tests can check it
 * without Electron. window.ts applies it; nothing here imports electron at runtime.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WebPreferences } from 'electron';

/** Where the app's own content comes from: the built renderer or the electron-vite dev server. */
export type AppLocation =
  { readonly kind: 'file'; readonly indexHtmlPath: string } | { readonly kind: 'dev'; readonly url: string };

export { APP_CSP_DIRECTIVES, contentSecurityPolicy } from '../../shared/csp';

/** webPreferences for every PushLab window: isolated, sandboxed, no Node, no webviews. */
export function appWebPreferences(preloadPath: string): WebPreferences {
  return Object.freeze({
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    // No middle-click "open in new window" path at all (window.open is denied anyway).
    disableBlinkFeatures: 'Auxclick',
  });
}

/** The URL the window loads. */
export function appEntryUrl(location: AppLocation): string {
  return location.kind === 'dev' ? new URL(location.url).href : pathToFileURL(location.indexHtmlPath).href;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function normalisedFilePath(pathname: string, platform: NodeJS.Platform): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  // Windows paths compare case-insensitively; elsewhere a case change is a different file.
  return platform === 'win32' ? decoded.toLowerCase() : decoded;
}

/**
 * True when `url` is the app's own page: the exact built index.html (query and hash ignored)
 * or, in development, any page of the dev server's origin. Everything else is foreign.
 */
export function isAppUrl(
  url: string,
  location: AppLocation,
  platform: NodeJS.Platform = process.platform,
): boolean {
  const candidate = parseUrl(url);
  if (!candidate || candidate.username || candidate.password) return false;
  if (location.kind === 'dev') {
    const dev = parseUrl(location.url);
    return (
      dev !== null &&
      (candidate.protocol === 'http:' || candidate.protocol === 'https:') &&
      candidate.origin === dev.origin
    );
  }
  if (candidate.protocol !== 'file:' || (candidate.host !== '' && candidate.host !== 'localhost'))
    return false;
  const expected = new URL(pathToFileURL(path.resolve(location.indexHtmlPath)).href);
  const a = normalisedFilePath(candidate.pathname, platform);
  const b = normalisedFilePath(expected.pathname, platform);
  return a !== null && a === b;
}

/** Navigation inside the window is allowed only to the app itself (e.g. a reload). */
export function isAllowedNavigation(url: string, location: AppLocation, platform?: NodeJS.Platform): boolean {
  return isAppUrl(url, location, platform);
}

/**
 * Links the user clicks that may open in the system browser: plain https only, no credentials.
 * Returns the normalised URL, or null to drop the link.
 */
export function externalLinkTarget(url: string): string | null {
  const parsed = parseUrl(url);
  if (!parsed || parsed.protocol !== 'https:' || parsed.username || parsed.password || !parsed.hostname)
    return null;
  return parsed.href;
}

/** Permissions the app's own page may use; everything else (camera, geolocation, …) is denied. */
export const ALLOWED_PERMISSIONS: readonly string[] = Object.freeze(['clipboard-sanitized-write']);

/** Permission requests and checks: allowed only for the app page and only for ALLOWED_PERMISSIONS. */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string,
  location: AppLocation,
  platform?: NodeJS.Platform,
): boolean {
  return ALLOWED_PERMISSIONS.includes(permission) && isAppUrl(requestingUrl, location, platform);
}

/** True for responses that carry app content and therefore get the CSP header. */
export function needsCspHeader(url: string, location: AppLocation, platform?: NodeJS.Platform): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (location.kind === 'dev') {
    const dev = parseUrl(location.url);
    return dev !== null && parsed.origin === dev.origin;
  }
  return isAppUrl(url, location, platform);
}

/** Response headers with our CSP replacing any the server sent (header names are case-insensitive). */
export function withCspHeader(
  headers: Readonly<Record<string, string | string[]>> | undefined,
  csp: string,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? [...value] : [value];
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}
