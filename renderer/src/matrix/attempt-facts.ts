/**
 * What the cell panel reads out of one attempt: expected vs shown per field (title, text,
 * channel, sound) with how each compared, the sender's request id, and the evidence kinds
 * shown elsewhere in the panel. Everything from the phone stays a plain string. Pure.
 */
import type { AttemptDetail, EvidenceView } from '../../../shared/domain/run';
import { captureSeen, type CaptureSeen } from '../../../shared/runs/delivery';
import type { CheckStatus, Verdict } from '../../../shared/runs/types';
import type { TextMatch } from '../../../shared/scenarios/types';

export type FactField = 'title' | 'text' | 'channel' | 'sound';

export interface FieldFact {
  readonly field: FactField;
  /** What was expected; null when the expectation does not check it. */
  readonly expected: TextMatch | null;
  /** What the phone showed (untrusted); null when nothing was captured or the phone hid it. */
  readonly actual: string | null;
  readonly check: CheckStatus;
}

export interface AttemptFacts {
  readonly fields: readonly FieldFact[];
  /** True when a record of the app was captured at all. */
  readonly captured: boolean;
  /** What the capture saw: only 'nothing' may be worded "nothing captured". */
  readonly seen: CaptureSeen;
  readonly redacted: boolean;
}

/** Expected vs shown from the verdict's details. */
export function attemptFacts(verdict: Verdict | null): AttemptFacts {
  const details = verdict?.details;
  const record = details?.record ?? null;
  const expected = details?.expected ?? null;
  const checks = details?.checks ?? null;
  const channel = expected?.channelId ?? null;
  const fields: FieldFact[] = [
    {
      field: 'title',
      expected: expected?.title ?? null,
      actual: record?.title ?? null,
      check: checks?.title ?? 'not-checked',
    },
    {
      field: 'text',
      expected: expected?.text ?? null,
      actual: record?.text ?? null,
      check: checks?.text ?? 'not-checked',
    },
    {
      field: 'channel',
      expected: channel === null ? null : { value: channel, match: 'exact' },
      actual: record?.channelId ?? null,
      check: checks?.channel ?? 'not-checked',
    },
    { field: 'sound', expected: null, actual: record?.sound ?? null, check: checks?.sound ?? 'not-checked' },
  ];
  const seen = captureSeen(details);
  return { fields, captured: seen === 'captured', seen, redacted: record?.redacted === true };
}

/** The request id the sender got back (MsgKey, apns-id, FCM name…), from the 'send' evidence. */
export function requestIdOf(detail: Pick<AttemptDetail, 'evidence'> | null): string | null {
  const send = detail?.evidence.find((e) => e.kind === 'send');
  const data = send?.data;
  if (typeof data !== 'object' || data === null) return null;
  const id = (data as Record<string, unknown>).requestId;
  return typeof id === 'string' && id !== '' ? id : null;
}

/** The evidence of one kind (the newest when there are several). */
export function evidenceOf(
  detail: Pick<AttemptDetail, 'evidence'> | null,
  kind: EvidenceView['kind'],
): EvidenceView | null {
  const all = detail?.evidence.filter((e) => e.kind === kind) ?? [];
  return all[all.length - 1] ?? null;
}
