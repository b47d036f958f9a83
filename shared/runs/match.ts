/**
 * Compares one captured notification with an expectation's matching rules:
 * - title: `exact` = the whole title equals the value; `contains` = the value is part of the title;
 * - text: `exact` = the whole text equals the value; `contains` = the value is part of the title
 *   or of the text (the seeds say what the content is, not on which line an OEM puts it);
 * - channelId: equal, when the expectation names one;
 * - sound: checked only when the capture could tell which sound played.
 * Line endings are normalised (CRLF -> LF); nothing else is, so " hi" never equals "hi".
 * A redacted record's texts are unknown, never "empty".
 */
import type { Expectation, SoundExpectation, TextMatch } from '../scenarios/types';
import type { CheckStatus, ObservedRecord } from './types';

export interface RecordChecks {
  readonly title: CheckStatus;
  readonly text: CheckStatus;
  readonly channel: CheckStatus;
  readonly sound: CheckStatus;
}

const norm = (s: string): string => s.replace(/\r\n?/g, '\n');

function fieldCheck(
  want: TextMatch | null,
  field: string | null,
  also: string | null,
  redacted: boolean,
): CheckStatus {
  if (want === null) return 'not-checked';
  if (redacted) return 'unknown';
  const value = norm(want.value);
  if (want.match === 'exact') return field !== null && norm(field) === value ? 'ok' : 'mismatch';
  const hit = [field, also].some((f) => f !== null && norm(f).includes(value));
  return hit ? 'ok' : 'mismatch';
}

function soundCheck(want: SoundExpectation, actual: string | null | undefined): CheckStatus {
  if (want.kind === 'not-checked') return 'not-checked';
  if (actual === null || actual === undefined) return 'unknown';
  const expected = want.kind === 'default' ? 'default' : want.name;
  return actual === expected ? 'ok' : 'mismatch';
}

/** How a record compares with the expectation, property by property. */
export function checkRecord(expectation: Expectation, record: ObservedRecord): RecordChecks {
  const redacted = record.redacted === true;
  const channel: CheckStatus =
    expectation.channelId === null
      ? 'not-checked'
      : record.channelId === null
        ? 'unknown'
        : record.channelId === expectation.channelId
          ? 'ok'
          : 'mismatch';
  return {
    title: fieldCheck(expectation.title, record.title, null, redacted),
    text: fieldCheck(
      expectation.text,
      record.text,
      expectation.text?.match === 'contains' ? record.title : null,
      redacted,
    ),
    channel,
    sound: soundCheck(expectation.sound, record.sound),
  };
}

/**
 * True when the record proves the expectation: title, text and channel each 'ok' or
 * 'not-checked'. Sound: a mismatch disproves, an unknown sound does not (dumpsys rarely shows it).
 */
export function recordMatches(checks: RecordChecks): boolean {
  const provable = (s: CheckStatus): boolean => s === 'ok' || s === 'not-checked';
  return (
    provable(checks.title) && provable(checks.text) && provable(checks.channel) && checks.sound !== 'mismatch'
  );
}
