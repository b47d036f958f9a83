import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  APP_CSP_DIRECTIVES,
  appEntryUrl,
  appWebPreferences,
  contentSecurityPolicy,
  externalLinkTarget,
  isAllowedNavigation,
  isAppUrl,
  isPermissionAllowed,
  needsCspHeader,
  withCspHeader,
} from '../../../electron/main/security-policy';
import type { AppLocation } from '../../../electron/main/security-policy';

const indexHtmlPath = path.resolve('/opt/PushLab/resources/app/out/renderer/index.html');
const fileApp: AppLocation = { kind: 'file', indexHtmlPath };
const devApp: AppLocation = { kind: 'dev', url: 'http://localhost:5173/' };
const indexUrl = pathToFileURL(indexHtmlPath).href;

describe('content security policy', () => {
  it('is exactly the strict production policy', () => {
    expect(contentSecurityPolicy()).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('never allows eval or inline code in production', () => {
    const csp = contentSecurityPolicy();
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toMatch(/\*/);
  });

  it('relaxes only inline code and the HMR websocket for the dev server', () => {
    const csp = contentSecurityPolicy({ dev: { origin: 'http://localhost:5173' } });
    expect(csp).toContain("script-src 'self' 'unsafe-inline'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("connect-src 'self' ws://localhost:5173");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("object-src 'none'");
  });

  it('drops frame-ancestors for <meta> delivery, where browsers ignore it', () => {
    const meta = contentSecurityPolicy({ delivery: 'meta' });
    expect(meta).not.toContain('frame-ancestors');
    expect(meta).toContain("default-src 'self'");
  });

  it('keeps the directive table immutable', () => {
    expect(Object.isFrozen(APP_CSP_DIRECTIVES)).toBe(true);
    contentSecurityPolicy({ dev: { origin: 'http://localhost:5173' } });
    expect(APP_CSP_DIRECTIVES['script-src']).toEqual(["'self'"]);
  });

  it('replaces any CSP header the server sent, whatever its case', () => {
    const headers = withCspHeader(
      { 'content-security-policy': ['default-src *'], 'Content-Type': 'text/html' },
      'X',
    );
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ['X'] });
    expect(withCspHeader(undefined, 'Y')).toEqual({ 'Content-Security-Policy': ['Y'] });
  });
});

describe('webPreferences', () => {
  it('isolates and sandboxes the renderer with no Node and no webviews', () => {
    const prefs = appWebPreferences('/app/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(Object.isFrozen(prefs)).toBe(true);
  });
});

describe('app URL checks', () => {
  it('accepts the built index.html, with or without query and hash', () => {
    expect(appEntryUrl(fileApp)).toBe(indexUrl);
    expect(isAppUrl(indexUrl, fileApp)).toBe(true);
    expect(isAppUrl(`${indexUrl}#/install`, fileApp)).toBe(true);
    expect(isAppUrl(`${indexUrl}?x=1`, fileApp)).toBe(true);
  });

  it('rejects other files, traversal, other hosts and schemes', () => {
    const dir = pathToFileURL(path.dirname(indexHtmlPath)).href;
    expect(isAppUrl(`${dir}/other.html`, fileApp)).toBe(false);
    expect(isAppUrl(`${dir}/assets/../../renderer-evil/index.html`, fileApp)).toBe(false);
    expect(isAppUrl(`${dir}/%2e%2e/renderer/index.html`, fileApp)).toBe(true); // normalises to the same file
    expect(isAppUrl(pathToFileURL('/etc/passwd').href, fileApp)).toBe(false);
    expect(isAppUrl(indexUrl.replace('file:///', 'file://evil.example/'), fileApp)).toBe(false);
    expect(isAppUrl('https://example.com/index.html', fileApp)).toBe(false);
    expect(isAppUrl('not a url', fileApp)).toBe(false);
    expect(isAppUrl('', fileApp)).toBe(false);
  });

  it('compares Windows paths case-insensitively and POSIX paths exactly', () => {
    const upper = indexUrl.replace('/renderer/', '/RENDERER/');
    expect(isAppUrl(upper, fileApp, 'win32')).toBe(true);
    expect(isAppUrl(upper, fileApp, 'linux')).toBe(false);
  });

  it('accepts only the dev server origin in development', () => {
    expect(isAppUrl('http://localhost:5173/src/main.tsx', devApp)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', devApp)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', devApp)).toBe(false);
    expect(isAppUrl('http://user:pw@localhost:5173/', devApp)).toBe(false);
    expect(isAppUrl(indexUrl, devApp)).toBe(false);
    expect(isAllowedNavigation('https://evil.example/', devApp)).toBe(false);
    expect(isAllowedNavigation('http://localhost:5173/', devApp)).toBe(true);
  });

  it('puts the CSP header only on app content', () => {
    expect(needsCspHeader('http://localhost:5173/@vite/client', devApp)).toBe(true);
    expect(needsCspHeader('https://cdn.example/x.js', devApp)).toBe(false);
    expect(needsCspHeader(indexUrl, fileApp)).toBe(true);
    expect(needsCspHeader('https://example.com/', fileApp)).toBe(false);
  });
});

describe('links and permissions', () => {
  it('opens only plain https links externally', () => {
    expect(externalLinkTarget('https://cloud.tencent.com/document/product/269')).toBe(
      'https://cloud.tencent.com/document/product/269',
    );
    for (const url of [
      'http://example.com/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'https://user:pw@example.com/',
      'smb://host/share',
      'data:text/html,hi',
      'nonsense',
    ]) {
      expect(externalLinkTarget(url), url).toBeNull();
    }
  });

  it('denies every permission except clipboard writes from the app itself', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', indexUrl, fileApp)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/', fileApp)).toBe(false);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'hid',
      'serial',
    ]) {
      expect(isPermissionAllowed(permission, indexUrl, fileApp), permission).toBe(false);
    }
  });
});
