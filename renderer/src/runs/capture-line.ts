/**
 * The one line that says how an attempt was captured: followed in the events log (with the
 * phone-side cost, reads for enqueues) or polled, and why. `detail` is the phone's own words,
 * untrusted: kept apart so the view shows it as text.
 */
import { translate, type Locale } from '../../../shared/i18n';
import {
  DEFAULT_CAPTURE_POLL_MS,
  pollReasonText,
  type CaptureModeView,
} from '../../../shared/runs/capture-mode';

export interface CaptureLine {
  readonly mode: CaptureModeView['mode'];
  readonly text: string;
  /** "The phone said: …" when the phone gave a detail; null otherwise. */
  readonly detail: string | null;
}

export function captureLine(locale: Locale, capture: CaptureModeView): CaptureLine {
  const detail =
    capture.detail === null ? null : translate(locale, 'runs.capture.detail', { detail: capture.detail });
  if (capture.mode === 'events') {
    const text =
      capture.reads === null || capture.enqueues === null
        ? translate(locale, 'runs.capture.eventsNoCounts')
        : translate(locale, 'runs.capture.events', { reads: capture.reads, enqueues: capture.enqueues });
    return { mode: 'events', text, detail };
  }
  const ms = capture.pollMs ?? DEFAULT_CAPTURE_POLL_MS;
  const reason = pollReasonText(capture, locale);
  const text =
    reason === null
      ? translate(locale, 'runs.capture.pollNoReason', { ms })
      : translate(locale, 'runs.capture.poll', { ms, reason });
  return { mode: 'poll', text, detail };
}
