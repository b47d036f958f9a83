/**
 * How an attempt's capture learned about posts, read back from its 'record' evidence
 * (`data.capture`, written by the Android capture): 'events' (the events buffer was followed and the
 * notification list read once per enqueue) or 'poll' (the list read every interval) with the reason.
 * Stored JSON is read defensively: anything malformed reads as "not recorded" (null), and `detail`
 * is what the phone said, untrusted, for display as text only.
 */
import type { EvidenceView } from '../domain/run';
import type { Locale } from '../i18n';

/** The notification watcher's default poll interval (electron/lab/android/capture, DEFAULT_POLL_MS). */
export const DEFAULT_CAPTURE_POLL_MS = 150;

export interface CaptureModeView {
  readonly mode: 'events' | 'poll';
  /** Poll reason id ('no-stream', 'events-refused'…); null in events mode. */
  readonly reason: string | null;
  /** Why it polled, in English and zh-CN; null when not given. */
  readonly message: string | null;
  readonly zh: string | null;
  /** What the phone said (untrusted). */
  readonly detail: string | null;
  readonly reads: number | null;
  readonly enqueues: number | null;
  /** The poll interval when the evidence names it; else DEFAULT_CAPTURE_POLL_MS applies. */
  readonly pollMs: number | null;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const count = (v: unknown): number | null =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null;

/** The capture mode in one 'record' evidence's data, or null when it was not recorded. */
export function readCaptureMode(recordData: unknown): CaptureModeView | null {
  if (!isObject(recordData) || !isObject(recordData.capture)) return null;
  const c = recordData.capture;
  if (c.mode !== 'events' && c.mode !== 'poll') return null;
  const pollMs = count(c.pollMs);
  return {
    mode: c.mode,
    reason: c.mode === 'poll' ? text(c.reason) : null,
    message: text(c.message),
    zh: isObject(c.zh) ? text(c.zh.message) : text(c.zh),
    detail: text(c.detail),
    reads: count(c.reads),
    enqueues: count(c.enqueues),
    pollMs: pollMs !== null && pollMs > 0 ? pollMs : null,
  };
}

/** The capture mode of an attempt: from its last 'record' evidence that carries one. */
export function captureModeOf(evidence: readonly EvidenceView[]): CaptureModeView | null {
  for (let i = evidence.length - 1; i >= 0; i -= 1) {
    const item = evidence[i];
    if (item?.kind !== 'record') continue;
    const mode = readCaptureMode(item.data);
    if (mode !== null) return mode;
  }
  return null;
}

/** Why it polled, in the locale (English when no zh-CN text was kept); null when no reason is known. */
export function pollReasonText(mode: CaptureModeView, locale: Locale): string | null {
  const zh = locale === 'zh-CN' ? mode.zh : null;
  return zh ?? mode.message ?? mode.reason;
}
