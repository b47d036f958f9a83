/**
 * Watches one phone for the app's notifications after a send and collects every record posted
 * since then (by the app or a vendor push proxy for it). It stops early only on a record that
 * matches the expectation: a wrong-looking record first never ends the watch, since the right one
 * may follow; what was seen by the timeout is then judged together.
 */
import type { ErrorInfo } from '../../../../shared/errors';
import type { Capture, CapturedRecord } from '../../runs/engine/attempt-end';
import type { ObservedRecord } from '../../../../shared/runs/types';
import type { AdbDeviceIo } from '../../adb/device-io';
import type { NotificationRecordInfo } from '../parsers/notification-records';
import type { ClockOffset } from '../capture/clock-offset';
import { watchNotifications, type NotificationWatch } from '../capture/notification-watcher';
import type { CaptureMode } from '../capture/capture-mode';
import { eventsStreamFor } from '../capture/events-stream';

/** What a phone's watch found after a send (records as the notification dump gives them). */
export type PushCapture = Capture<NotificationRecordInfo> & {
  /** Events buffer or polling (and why), null when the watch never started. */
  readonly mode?: CaptureMode | null;
};
type PhoneRecord = CapturedRecord<NotificationRecordInfo>;

export interface CapturePushOptions {
  readonly package: string;
  /** Host ms the push was sent. */
  readonly since: number;
  readonly timeoutMs: number;
  readonly offset: ClockOffset;
  readonly now: () => number;
  readonly isMatch: (record: ObservedRecord) => boolean;
  readonly pollMs?: number;
  readonly signal?: AbortSignal;
}

const LOST_CODES = new Set(['DEVICE_LOST', 'DEVICE_NOT_FOUND', 'DEVICE_OFFLINE']);

export function toObserved(record: NotificationRecordInfo): ObservedRecord {
  return {
    title: record.title,
    text: record.text,
    channelId: record.channelId,
    postTime: record.postTime,
    redacted: record.redacted,
  };
}

export function capturePush(io: AdbDeviceIo, options: CapturePushOptions): Promise<PushCapture> {
  const slack = Number.isFinite(options.offset.uncertaintyMs) ? options.offset.uncertaintyMs : 0;
  const records: PhoneRecord[] = [];
  const errors: ErrorInfo[] = [];
  let readErrors = 0;
  let lostStreak = 0;
  const controller = new AbortController();
  const latencyOf = (r: NotificationRecordInfo): number | null =>
    r.postTime === null ? null : r.postTime - options.offset.offsetMs - options.since;

  return new Promise<PushCapture>((resolve) => {
    let done = false;
    let watch: NotificationWatch | null = null;
    const finish = (): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', finish);
      controller.abort();
      resolve({ records, readErrors, errors, lost: lostStreak >= 3, mode: watch?.mode() ?? null });
    };
    const take = (info: NotificationRecordInfo, seenAt: number): void => {
      const observed = toObserved(info);
      records.push({ info, observed, seenAt, latencyMs: latencyOf(info) });
      if (options.isMatch(observed)) finish();
    };
    const timer = setTimeout(finish, Math.max(0, options.timeoutMs));
    if (options.signal?.aborted) return finish();
    options.signal?.addEventListener('abort', finish, { once: true });
    watch = watchNotifications(io, {
      packages: [options.package],
      ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
      signal: controller.signal,
      now: options.now,
      // The phone's stream lives across attempts; with a measured offset arming needs no command.
      events: eventsStreamFor(io),
      ...(Number.isFinite(options.offset.uncertaintyMs)
        ? { freshAfterPhoneMs: options.since + options.offset.offsetMs - slack }
        : {}),
      onBaseline: (baseline, seenAt) => {
        // The push may beat the baseline read: a record posted after the send still counts.
        for (const r of baseline)
          if (r.postTime !== null && r.postTime - options.offset.offsetMs >= options.since - slack)
            take(r, seenAt);
      },
      onRecord: (record, seenAt) => {
        lostStreak = 0;
        take(record, seenAt);
      },
      onError: (error) => {
        readErrors += 1;
        errors.push(error);
        if (errors.length > 10) errors.shift();
        lostStreak = LOST_CODES.has(error.code) ? lostStreak + 1 : 0;
        if (lostStreak >= 3) finish();
      },
    });
  });
}
