/**
 * The PushLabBridge over the loopback web server (electron/web): requests as POST
 * /api/invoke/<channel>, events as Server-Sent Events on /api/events, files as POST /api/upload.
 */
import type {
  EventChannel,
  EventPayloads,
  PushLabBridge,
  RequestArgs,
  RequestChannel,
  RequestResult,
} from '../../../shared/ipc';
import { EVENT_CHANNELS } from '../../../shared/ipc-channels';
import type { Result } from '../../../shared/result';
import { fail } from '../../../shared/result';
import { bridgeUnreachable, toResult, trimTrailingUndefined } from './result-guard';

/** The web bridge also reports whether its event stream is connected (Electron IPC never drops). */
export interface WebBridge extends PushLabBridge {
  onConnection(listener: (connected: boolean) => void): () => void;
}

type Listener = (payload: unknown) => void;

const RECONNECT_MIN_MS = 1_000;
const RECONNECT_MAX_MS = 10_000;

async function postJson<T>(url: string, init: RequestInit): Promise<Result<T>> {
  try {
    const response = await fetch(url, { ...init, credentials: 'same-origin' });
    const text = await response.text();
    try {
      return toResult<T>(JSON.parse(text));
    } catch {
      return fail(bridgeUnreachable(`HTTP ${response.status}: ${text.slice(0, 200)}`));
    }
  } catch (error) {
    return fail(bridgeUnreachable(error instanceof Error ? error.message : String(error)));
  }
}

/** Creates the bridge for a page served by the PushLab web server at `baseUrl`. */
export function createWebBridge(baseUrl: string): WebBridge {
  const base = baseUrl.replace(/\/+$/, '');
  const listeners = new Map<EventChannel, Set<Listener>>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  let source: EventSource | null = null;
  let retryDelay = RECONNECT_MIN_MS;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let connected = false;

  const setConnected = (value: boolean) => {
    if (value === connected) return;
    connected = value;
    for (const listener of connectionListeners) listener(value);
  };

  const dispatch = (channel: EventChannel, data: string) => {
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return; // A torn or foreign message: skip it, the next snapshot repairs the state.
    }
    for (const listener of listeners.get(channel) ?? []) listener(payload);
  };

  const open = () => {
    retryTimer = null;
    const es = new EventSource(`${base}/api/events`);
    source = es;
    es.onopen = () => {
      retryDelay = RECONNECT_MIN_MS;
      setConnected(true);
    };
    es.onerror = () => {
      setConnected(false);
      // EventSource retries by itself while CONNECTING; once CLOSED (e.g. a non-200 reply) it gives up.
      if (es.readyState === EventSource.CLOSED && source === es) {
        source = null;
        retryTimer = setTimeout(open, retryDelay);
        retryDelay = Math.min(retryDelay * 2, RECONNECT_MAX_MS);
      }
    };
    for (const channel of EVENT_CHANNELS) {
      es.addEventListener(channel, (event) => dispatch(channel, String((event as { data?: unknown }).data)));
    }
  };

  const ensureOpen = () => {
    if (!source && !retryTimer) open();
  };

  return {
    invoke<C extends RequestChannel>(channel: C, ...args: RequestArgs<C>): Promise<Result<RequestResult<C>>> {
      return postJson<RequestResult<C>>(`${base}/api/invoke/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(trimTrailingUndefined(args)),
      });
    },

    on<E extends EventChannel>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
      const set = listeners.get(event) ?? new Set<Listener>();
      const wrapped: Listener = (payload) => listener(payload as EventPayloads[E]);
      set.add(wrapped);
      listeners.set(event, set);
      ensureOpen();
      return () => {
        set.delete(wrapped);
      };
    },

    stageFile(file: File): Promise<Result<string>> {
      return postJson<string>(`${base}/api/upload`, {
        method: 'POST',
        // Header values must be Latin-1: the name travels percent-encoded.
        headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) },
        body: file,
      });
    },

    onConnection(listener) {
      connectionListeners.add(listener);
      ensureOpen();
      return () => {
        connectionListeners.delete(listener);
      };
    },
  };
}
