/**
 * Picks the bridge: Electron's preload puts `pushlab` on window; in a plain browser (`npm run
 * web`, renderer tests) the page talks to the loopback web server that served it.
 */
import type { PushLabBridge } from '../../../shared/ipc';
import { createWebBridge, type WebBridge } from './web-bridge';

function isBridge(value: unknown): value is PushLabBridge {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof PushLabBridge, unknown>>;
  return (
    typeof candidate.invoke === 'function' &&
    typeof candidate.on === 'function' &&
    typeof candidate.stageFile === 'function'
  );
}

let cached: PushLabBridge | null = null;

/** The one bridge for this page. */
export function getBridge(): PushLabBridge {
  if (cached) return cached;
  // Read through a narrow shape: this module also type-checks in the Node project (unit tests).
  const page = globalThis as unknown as { pushlab?: unknown; location: { origin: string } };
  cached = isBridge(page.pushlab) ? page.pushlab : createWebBridge(page.location.origin);
  return cached;
}

/** True when the bridge can report its own connection (the web bridge). */
export function hasConnectionStatus(bridge: PushLabBridge): bridge is WebBridge {
  return typeof (bridge as Partial<WebBridge>).onConnection === 'function';
}
