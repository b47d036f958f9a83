/**
 * The PushLab window and the hardening every web contents gets. The policy itself (CSP,
 * webPreferences, URL decisions) is pure data in security-policy.ts.
 */
import { BrowserWindow, shell } from 'electron';
import type { Session, WebContents } from 'electron';
import type { Logger } from '../lab/util/logger';
import {
  appWebPreferences,
  contentSecurityPolicy,
  externalLinkTarget,
  isAllowedNavigation,
  isPermissionAllowed,
  needsCspHeader,
  withCspHeader,
} from './security-policy';
import type { AppLocation } from './security-policy';

/** CSP header on app content, and every permission outside the small allow-list denied. */
export function hardenSession(session: Session, location: AppLocation): void {
  const csp = contentSecurityPolicy(
    location.kind === 'dev' ? { dev: { origin: new URL(location.url).origin } } : {},
  );
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!needsCspHeader(details.url, location)) {
      callback({});
      return;
    }
    callback({ responseHeaders: withCspHeader(details.responseHeaders, csp) });
  });
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, location));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionAllowed(permission, details.requestingUrl ?? requestingOrigin, location),
  );
}

/** No navigation away from the app, no new windows (https links go to the system browser), no webviews. */
export function hardenWebContents(contents: WebContents, location: AppLocation, logger: Logger): void {
  const block = (kind: string) => (event: { preventDefault(): void }, url: string) => {
    if (isAllowedNavigation(url, location)) return;
    event.preventDefault();
    logger.warn(`blocked ${kind}`, { url: url.slice(0, 200) });
  };
  contents.on('will-navigate', block('navigation'));
  contents.on('will-redirect', block('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('blocked a webview');
  });
  contents.setWindowOpenHandler(({ url }) => {
    const target = externalLinkTarget(url);
    if (target) {
      shell.openExternal(target).catch((error: unknown) => {
        logger.warn('could not open a link in the browser', {
          message: error instanceof Error ? error.message : String(error),
        });
      });
    } else {
      logger.warn('blocked window.open', { url: url.slice(0, 200) });
    }
    return { action: 'deny' };
  });
}

/** Where the window's content and preload come from. */
export interface MainWindowOptions {
  readonly location: AppLocation;
  readonly preloadPath: string;
  readonly logger: Logger;
}

/** Creates the main window (hidden until its first paint) and loads the app into it. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'PushLab',
    backgroundColor: '#101418',
    autoHideMenuBar: true,
    // A copy: Electron keeps the object it is given.
    webPreferences: { ...appWebPreferences(options.preloadPath) },
  });
  window.once('ready-to-show', () => window.show());
  const loading =
    options.location.kind === 'dev'
      ? window.loadURL(options.location.url)
      : window.loadFile(options.location.indexHtmlPath);
  loading.catch((error: unknown) => {
    options.logger.error('the window could not load the app', {
      message: error instanceof Error ? error.message : String(error),
    });
  });
  return window;
}
