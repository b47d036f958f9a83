/**
 * Watches a simulator for the app's delivered notifications after a send: polls its
 * DeliveredNotifications.plist on the Mac (the ground truth for "iOS showed it"; banners are too
 * quick for screenshots) and keeps every record that was not there before the send. Stops early
 * only on a record that matches the expectation, like the Android watch. The simulator shares the
 * Mac's clock, so delivery times need no offset.
 */
import type { ErrorInfo } from '../../../../shared/errors';
import type { Capture, CapturedRecord } from '../../runs/engine/attempt-end';
import type { ObservedRecord } from '../../../../shared/runs/types';
import { toErrorInfo } from '../../errors';
import type { DeliveredNotification } from '../parsers/delivered-notifications';
import { readDeliveredNotifications } from '../state/delivered';

export type SimulatorRecord = CapturedRecord<DeliveredNotification>;
/** What a simulator's watch found after a send; delivery times need no offset. */
export type SimulatorCapture = Capture<DeliveredNotification>;

export interface SimulatorCaptureOptions {
  readonly dataPath: string;
  readonly bundleId: string;
  readonly since: number;
  /** Keys of the records present before the send. */
  readonly baseline: ReadonlySet<string>;
  readonly timeoutMs: number;
  readonly now: () => number;
  readonly isMatch: (record: ObservedRecord) => boolean;
  /** Still a booted device? Checked on every poll. */
  readonly present: () => boolean;
  readonly pollMs?: number;
  readonly signal?: AbortSignal;
}

/** A stable key for a delivered record (its identifier, else its content and time). */
export function recordKey(r: DeliveredNotification): string {
  return r.identifier ?? `${r.deliveredAt ?? ''}|${r.title ?? ''}|${r.body ?? ''}`;
}

export function toObserved(r: DeliveredNotification): ObservedRecord {
  return { title: r.title, text: r.body, channelId: null, sound: r.sound, postTime: r.deliveredAt };
}

/** The keys of what is delivered now (taken just before a send). */
export async function deliveredKeys(dataPath: string, bundleId: string): Promise<Set<string>> {
  return new Set((await readDeliveredNotifications(dataPath, bundleId)).map(recordKey));
}

export async function captureDelivered(options: SimulatorCaptureOptions): Promise<SimulatorCapture> {
  const pollMs = options.pollMs ?? 150;
  const deadline = options.now() + Math.max(0, options.timeoutMs);
  const seen = new Set(options.baseline);
  const records: SimulatorRecord[] = [];
  const errors: ErrorInfo[] = [];
  let readErrors = 0;
  let absent = 0;
  for (;;) {
    if (options.signal?.aborted) break;
    if (!options.present()) {
      if (++absent >= 3) return { records, readErrors, errors, lost: true };
    } else {
      absent = 0;
    }
    try {
      const seenAt = options.now();
      for (const r of await readDeliveredNotifications(options.dataPath, options.bundleId)) {
        const key = recordKey(r);
        if (seen.has(key)) continue;
        seen.add(key);
        const observed = toObserved(r);
        records.push({
          info: r,
          observed,
          seenAt,
          latencyMs: r.deliveredAt === null ? null : r.deliveredAt - options.since,
        });
        if (options.isMatch(observed)) return { records, readErrors, errors, lost: false };
      }
    } catch (error) {
      readErrors += 1;
      errors.push(toErrorInfo(error));
      if (errors.length > 10) errors.shift();
    }
    if (options.now() >= deadline) break;
    await new Promise((r) => setTimeout(r, Math.min(pollMs, Math.max(0, deadline - options.now()))));
  }
  return { records, readErrors, errors, lost: false };
}
