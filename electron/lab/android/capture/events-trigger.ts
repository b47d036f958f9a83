/**
 * One adb shell stream per watched phone that follows the events buffer and calls `onEnqueue` for
 * each notification_enqueue of a trigger package. `onEnd` fires once if the stream ends or breaks
 * while still wanted (a lost phone, logcat killed, a ROM that cuts the reader off); stopping it
 * through the signal ends it quietly, closing the adb socket (adbd hangs the logcat up).
 */
import type { AdbDeviceIo } from '../../adb/device-io';
import { toErrorInfo } from '../../errors';
import { eventsStreamCommand } from '../commands/capture/notification-events';
import { parseNotificationEventLine, type NotificationEvent } from '../parsers/notification-events';

export interface EventsTriggerOptions {
  /** Phone epoch ms to follow from (the probe's newest line). */
  readonly sincePhoneMs: number;
  /** The probe's newest line: following from its time prints it again, and it must not trigger. */
  readonly replayed?: string;
  /** Packages whose enqueue lines trigger (the app and push proxies that post for it); none: no trigger. */
  readonly packages?: ReadonlySet<string>;
  readonly onEnqueue: (event: NotificationEvent) => void;
  /** Every notification event (enqueue or cancel, any package) past the replayed line. */
  readonly onEvent?: (event: NotificationEvent) => void;
  /** The stream ended by itself; `detail` is its last output or the error. */
  readonly onEnd: (detail: string | null) => void;
  readonly signal: AbortSignal;
}

/** Longest partial line kept between chunks (a cut-off giant line must not grow memory). */
const MAX_PENDING = 64 * 1024;

/** Starts following; resolves once the stream has ended (for whatever reason). */
export async function followNotificationEvents(
  io: AdbDeviceIo,
  options: EventsTriggerOptions,
): Promise<void> {
  if (!io.streamShell) {
    options.onEnd('no stream support');
    return;
  }
  let pending = '';
  let lastText = '';
  let replayed = options.replayed ?? null;
  const onData = (text: string): void => {
    pending += text;
    for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      if (line.trim() !== '') lastText = line;
      const event = parseNotificationEventLine(line);
      if (event && replayed !== null && event.raw.trim() === replayed) {
        replayed = null; // seen before the watch began
        continue;
      }
      if (event) options.onEvent?.(event);
      if (event?.tag === 'notification_enqueue' && options.packages?.has(event.pkg)) options.onEnqueue(event);
    }
    if (pending.length > MAX_PENDING) pending = '';
  };
  let detail: string | null = null;
  try {
    await io.streamShell(eventsStreamCommand(options.sincePhoneMs), { onData, signal: options.signal });
    detail = (pending.trim() || lastText).slice(0, 300) || null;
  } catch (error) {
    detail = toErrorInfo(error).message;
  }
  if (!options.signal.aborted) options.onEnd(detail);
}
