/**
 * The phone's events buffer as capture uses it. A probe (`logcat -b events -d -v epoch -t 1`: the last
 * line, then exit) tells whether the shell can read the buffer and gives the phone time of its newest
 * line; the stream then follows the buffer from exactly that time (`-T <epoch>`), so lines written
 * after the probe are never lost and older ones are not replayed (only lines of that very millisecond
 * are), filtered on the phone (`-s` + tags) to NotificationManagerService's notification tags.
 * Shell (uid 2000, group log) may read every uid's events on user builds (logd LogPermissions.cpp);
 * a ROM that refuses, or an empty buffer (a live phone always has events: am_, wm_, battery…), means
 * capture has to poll instead.
 */
import type { AdbDeviceIo } from '../../../adb/device-io';
import { toErrorInfo } from '../../../errors';
import { trimDetail } from '../../../adb/refusal';
import { decodeDeviceText } from '../../parsers/decode';
import { parseLogcat } from '../../parsers/logcat-epoch';
import { NOTIFICATION_EVENT_TAGS } from '../../parsers/notification-events';
import { isLogcatUsageError, logcatTimeArg } from './read-logcat';

export const EVENTS_PROBE_COMMAND = 'logcat -b events -d -v epoch -t 1';

/** Follows the events buffer from a phone time, NMS's notification tags only. */
export function eventsStreamCommand(sincePhoneMs: number): string {
  return `logcat -b events -v epoch -T ${logcatTimeArg(sincePhoneMs)} -s ${NOTIFICATION_EVENT_TAGS.join(' ')}`;
}

/** Why capture polls instead of following the events buffer. */
export type PollReason =
  /** The transport cannot stream (a test double, or a caller that asked for polling). */
  | 'no-stream'
  | 'asked'
  /** logcat is too old for `-v epoch` / `-T <time>` (before Android 7). */
  | 'logcat-too-old'
  /** logcat printed an error instead of events (the ROM limits the buffer). */
  | 'events-refused'
  /** The buffer read back empty: the shell sees nothing there. */
  | 'events-empty'
  /** The probe itself failed (timeout, phone gone). */
  | 'probe-failed'
  /** The stream ended or broke while a push was awaited. */
  | 'stream-ended';

export type EventsProbe =
  | { readonly readable: true; readonly lastPhoneMs: number; readonly lastLine: string }
  | { readonly readable: false; readonly reason: PollReason; readonly detail: string | null };

/** Reads the newest events-buffer line and says whether the buffer can be followed. */
export async function probeEventsBuffer(io: AdbDeviceIo, timeoutMs = 5_000): Promise<EventsProbe> {
  let text: string;
  try {
    text = decodeDeviceText(await io.shell(EVENTS_PROBE_COMMAND, { timeoutMs }));
  } catch (error) {
    return { readable: false, reason: 'probe-failed', detail: toErrorInfo(error).message };
  }
  const lines = parseLogcat(text).lines.filter((l) => l.timeMs !== null);
  const last = lines[lines.length - 1];
  if (last?.timeMs != null) return { readable: true, lastPhoneMs: last.timeMs, lastLine: last.raw.trim() };
  if (text.trim() === '') return { readable: false, reason: 'events-empty', detail: null };
  if (isLogcatUsageError(text))
    return { readable: false, reason: 'logcat-too-old', detail: trimDetail(text) };
  return { readable: false, reason: 'events-refused', detail: trimDetail(text) };
}
