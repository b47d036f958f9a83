/**
 * GET /api/events: the core's events as Server-Sent Events (`event: <channel>`, `data: <json>`).
 * A new stream starts with the current devices and lab status, so a page that reconnects after
 * a gap is repaired without asking.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EVENT_CHANNELS, type EventChannel } from '../../shared/ipc';
import type { LabCore } from '../lab/api';
import type { Logger } from '../lab/util/logger';
import { setSecurityHeaders } from './http-guards';

const HEARTBEAT_MS = 15_000;
const RETRY_MS = 2_000;

/** One SSE frame. JSON.stringify never emits raw newlines, so one data line is enough. */
export function sseFrame(event: string, payload: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
}

/** Opens an event stream; resolves to a function that ends it (used on server close). */
export function handleEvents(
  core: LabCore,
  request: IncomingMessage,
  response: ServerResponse,
  logger: Logger,
): () => void {
  response.statusCode = 200;
  setSecurityHeaders(response, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  response.flushHeaders();
  response.write(`retry: ${RETRY_MS}\n\n`);

  const allowed = new Set<string>(EVENT_CHANNELS);
  let ready = false;
  const early: string[] = [];
  const send = (frame: string) => {
    if (!response.writableEnded) response.write(frame);
  };

  const unsubscribe = core.subscribe((event: EventChannel, payload: unknown) => {
    if (!allowed.has(event)) return;
    const frame = sseFrame(event, payload);
    if (ready) send(frame);
    else early.push(frame); // Newer than the initial state being fetched: sent right after it.
  });

  void (async () => {
    try {
      const [devices, lab] = await Promise.all([
        core.invoke('devices:snapshot', []),
        core.invoke('lab:status', []),
      ]);
      if (devices.ok) send(sseFrame('devices:changed', devices.value));
      if (lab.ok) send(sseFrame('lab:changed', lab.value));
    } catch (error) {
      logger.warn('web: could not send the initial state', {
        message: error instanceof Error ? error.message : String(error),
      });
    }
    ready = true;
    for (const frame of early.splice(0)) send(frame);
  })();

  const heartbeat = setInterval(() => send(': ping\n\n'), HEARTBEAT_MS);
  heartbeat.unref();

  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    unsubscribe();
    if (!response.writableEnded) response.end();
  };
  request.on('close', end);
  response.on('error', end);
  return end;
}
