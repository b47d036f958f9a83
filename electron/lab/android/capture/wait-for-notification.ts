/**
 * Waits for one notification of a package (posted by the app or by a vendor push proxy for it)
 * and measures how long it took to show: shown time on the phone (its postTime) brought to host
 * time with the measured clock offset, minus the host time the push was sent. A record already
 * there when the watch starts counts only if it was posted at or after `since` (the push may
 * win the race against the baseline); older ones never do, so an earlier test's leftover
 * notification cannot make a false PASS.
 */
import type { ErrorInfo } from '../../../../shared/errors';
import type { AdbDeviceIo } from '../../adb/device-io';
import { assertPackageName } from '../../adb/quote';
import type { NotificationRecordInfo } from '../parsers/notification-records';
import { systemClock, type Clock } from '../../util/clock';
import { UNKNOWN_CLOCK_OFFSET, type ClockOffset } from './clock-offset';
import { watchNotifications } from './notification-watcher';

export interface WaitForNotificationOptions {
  readonly package: string;
  /** Host time (ms) the push was sent. */
  readonly since: number;
  /** Extra condition (title, text, channel…); default: any record of the package. */
  readonly match?: (record: NotificationRecordInfo) => boolean;
  readonly timeoutMs: number;
  readonly clock?: Clock;
  /** The phone's clock offset (measureClockOffset); without it phone time is taken as host time. */
  readonly offset?: ClockOffset;
  readonly pollMs?: number;
  readonly signal?: AbortSignal;
}

export interface NotificationSeen {
  readonly timedOut: false;
  readonly record: NotificationRecordInfo;
  /** When the phone says it was shown (postTime, else `when`, else the read's time), phone clock. */
  readonly shownAtPhoneMs: number;
  /** shownAtPhoneMs in host time (offset removed) minus `since`. */
  readonly latencyMs: number;
  /** ± bound on latencyMs from the offset estimate (Infinity when no offset was measured). */
  readonly latencyUncertaintyMs: number;
  /** Host time the read that found it ended (detection delay = detectedAtMs − since − latencyMs). */
  readonly detectedAtMs: number;
}

export interface NotificationNotSeen {
  readonly timedOut: true;
  /** Read errors met while waiting (the phone's words), newest last, at most 10. */
  readonly errors: readonly ErrorInfo[];
}

export type WaitForNotificationResult = NotificationSeen | NotificationNotSeen;

/** Watches until a matching record shows, the timeout passes or the signal aborts (then timedOut). */
export function waitForNotification(
  io: AdbDeviceIo,
  options: WaitForNotificationOptions,
): Promise<WaitForNotificationResult> {
  assertPackageName(options.package); // throws before any timer starts
  const clock = options.clock ?? systemClock;
  const offset = options.offset ?? UNKNOWN_CLOCK_OFFSET;
  const match = options.match ?? (() => true);
  const slack = Number.isFinite(offset.uncertaintyMs) ? offset.uncertaintyMs : 0;
  const errors: ErrorInfo[] = [];
  const controller = new AbortController();

  return new Promise<WaitForNotificationResult>((resolve) => {
    let done = false;
    const finish = (result: WaitForNotificationResult): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      controller.abort();
      resolve(result);
    };
    const seen = (record: NotificationRecordInfo, seenAt: number): NotificationSeen => {
      const shownAtPhoneMs =
        record.postTime ?? (record.when !== null && record.when > 0 ? record.when : seenAt + offset.offsetMs);
      return {
        timedOut: false,
        record,
        shownAtPhoneMs,
        latencyMs: shownAtPhoneMs - offset.offsetMs - options.since,
        latencyUncertaintyMs: offset.uncertaintyMs,
        detectedAtMs: seenAt,
      };
    };
    const onAbort = (): void => finish({ timedOut: true, errors });
    const timer = setTimeout(onAbort, Math.max(0, options.timeoutMs));
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });

    watchNotifications(io, {
      packages: [options.package],
      ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
      signal: controller.signal,
      now: () => clock.now(),
      onBaseline: (records, seenAt) => {
        // Already there: only if posted after the send (phone time, allowing for the offset's error).
        const after = records.find(
          (r) => r.postTime !== null && r.postTime - offset.offsetMs >= options.since - slack && match(r),
        );
        if (after) finish(seen(after, seenAt));
      },
      onRecord: (record, seenAt) => {
        if (match(record)) finish(seen(record, seenAt));
      },
      onError: (error) => {
        errors.push(error);
        if (errors.length > 10) errors.shift();
      },
    });
  });
}
