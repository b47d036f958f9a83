/**
 * session.defaultSession stand-in: the app's header, permission and download hooks, applied by
 * the window to what Chromium actually loads and asks (browser-window.ts).
 */
import { EventEmitter } from 'node:events';

export interface HeadersDetails {
  readonly url: string;
  readonly method: string;
  readonly resourceType: string;
  readonly statusCode: number;
  readonly responseHeaders: Record<string, string[]>;
}
type HeadersListener = (
  details: HeadersDetails,
  callback: (response: { responseHeaders?: Record<string, string | string[]>; cancel?: boolean }) => void,
) => void;
type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string },
) => void;
type PermissionCheckHandler = (
  contents: unknown,
  permission: string,
  origin: string,
  details: { requestingUrl?: string },
) => boolean;

class SessionStandIn extends EventEmitter {
  headersListener: HeadersListener | null = null;
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;

  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener | null): void => {
      this.headersListener = listener;
    },
  };

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }

  /** Electron's rule: no request handler grants everything; so does the stand-in. */
  requestPermission(contents: unknown, permission: string, requestingUrl: string): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) => handler(contents, permission, resolve, { requestingUrl }));
  }

  checkPermission(contents: unknown, permission: string, requestingUrl: string): boolean {
    const handler = this.permissionCheckHandler;
    return handler ? handler(contents, permission, new URL(requestingUrl).origin, { requestingUrl }) : true;
  }

  /** Runs the onHeadersReceived listener; resolves to the headers the response is served with. */
  headersFor(details: HeadersDetails): Promise<{ cancel: boolean; headers: Record<string, string[]> }> {
    const listener = this.headersListener;
    if (!listener) return Promise.resolve({ cancel: false, headers: details.responseHeaders });
    return new Promise((resolve) =>
      listener(details, (response) => {
        const headers: Record<string, string[]> = {};
        for (const [name, value] of Object.entries(response.responseHeaders ?? details.responseHeaders)) {
          headers[name] = Array.isArray(value) ? value : [value];
        }
        resolve({ cancel: response.cancel === true, headers });
      }),
    );
  }
}

export const session = { defaultSession: new SessionStandIn() };
export type { SessionStandIn };
