/**
 * The verdict on one attempt. A wrong PASS is the worst bug PushLab can have, so 'pass' has
 * exactly two shapes and everything else falls through to fail / inconclusive:
 *  1. expectation 'shown', set-up ok, and a captured record matches title, text and channel
 *     (shared/runs/match.ts), in time (with a note when a platform prediction said it would drop);
 *  2. expectation 'not-shown', set-up ok, the capture provably saw nothing of the app (no
 *     records, or a timeout without read errors), and the positive control on the same phone in
 *     the same run showed.
 * Precedence: not-applicable > lost phone > failed set-up > undecided > capture error > the rest.
 */
import type { ErrorInfo } from '../../../shared/errors';
import {
  boundLatency,
  earliestLatency,
  formatLatency,
  type BoundedLatency,
} from '../../../shared/runs/latency';
import { checkRecord, recordMatches, type RecordChecks } from '../../../shared/runs/match';
import type {
  ObservedRecord,
  Observation,
  ReasonKey,
  Verdict,
  VerdictDetails,
  VerdictKind,
} from '../../../shared/runs/types';
import type { Expectation, Prediction } from '../../../shared/scenarios/types';

type Values = Readonly<Record<string, string | number>>;

const NO_DETAILS: VerdictDetails = {
  delivered: null,
  latencyMs: null,
  record: null,
  expected: null,
  checks: null,
  error: null,
};

function verdict(
  kind: VerdictKind,
  key: ReasonKey,
  values: Values,
  details: Partial<VerdictDetails> = {},
): Verdict {
  return { kind, reason: { key, values }, details: { ...NO_DETAILS, ...details } };
}

const expectedOf = (e: Expectation): VerdictDetails['expected'] => ({
  title: e.title,
  text: e.text,
  channelId: e.channelId,
});
const shown = (value: string | null): string => value ?? '(none)';

/** Judges one attempt: the expectation for the scenario on this phone against what was observed. */
export function judge(expectation: Expectation, observation: Observation): Verdict {
  const { setup, captured } = observation;
  const bounded = boundLatency(observation.latencyMs, observation.latencyUncertaintyMs);
  if (expectation.outcome === 'not-applicable')
    return verdict('not-run', 'not-run.not-applicable', { why: expectation.reason.en });
  if (setup.kind === 'device-lost')
    return verdict('device-lost', 'device-lost.lost', {}, { error: setup.error ?? null });
  if (captured.kind === 'capture-error' && captured.error.code === 'DEVICE_LOST') {
    return verdict('device-lost', 'device-lost.lost', {}, { error: captured.error });
  }
  if (setup.kind === 'failed')
    return verdict('blocked', 'blocked.setup-failed', errorValues(setup.error), { error: setup.error });

  const expected = expectedOf(expectation);
  if (expectation.outcome === 'undecided') {
    const seen = captured.kind === 'records' ? captured.records[0] : undefined;
    // Say what showed and that it does not count, next to the record it is about.
    if (seen !== undefined) {
      return verdict(
        'inconclusive',
        'inconclusive.undecided-shown',
        { ...recordWords(seen), latency: latencyWords(bounded), why: expectation.reason.en },
        { expected, delivered: true, record: seen, ...latencyDetails(bounded) },
      );
    }
    return verdict(
      'inconclusive',
      'inconclusive.undecided',
      { why: expectation.reason.en },
      { expected, delivered: deliveredOf(observation), latencyMs: null },
    );
  }
  if (captured.kind === 'capture-error') {
    return verdict('inconclusive', 'inconclusive.capture-error', errorValues(captured.error), {
      expected,
      error: captured.error,
    });
  }
  const records = captured.kind === 'records' ? captured.records : [];
  const readErrors = captured.kind === 'timeout' ? captured.readErrors : 0;
  return expectation.outcome === 'shown'
    ? judgeShown(expectation, observation, records, bounded)
    : judgeNotShown(observation, records, readErrors, bounded);
}

/** The prediction's fact in both languages (reason texts pick {fact} or {factZh}). */
function factValues(prediction: Prediction): Values {
  return { fact: prediction.text.en, factZh: prediction.text.zhCN, rule: prediction.rule };
}

function latencyDetails(
  latency: BoundedLatency | null,
): Pick<VerdictDetails, 'latencyMs' | 'latencyUncertaintyMs'> {
  return { latencyMs: latency?.latencyMs ?? null, latencyUncertaintyMs: latency?.uncertaintyMs ?? null };
}

function latencyWords(latency: BoundedLatency | null): string {
  return latency === null ? 'an unmeasured time' : formatLatency(latency.latencyMs, latency.uncertaintyMs);
}

function recordWords(record: ObservedRecord): Values {
  return record.redacted === true
    ? { title: '(hidden)', text: '(hidden)' }
    : { title: shown(record.title), text: shown(record.text) };
}

function errorValues(error: ErrorInfo): Values {
  return { code: error.code, message: error.message };
}

function deliveredOf(observation: Observation): boolean | null {
  const c = observation.captured;
  if (c.kind === 'records') return c.records.length > 0 ? true : null;
  return c.kind === 'timeout' && c.readErrors === 0 ? false : null;
}

function judgeNotShown(
  observation: Observation,
  records: readonly ObservedRecord[],
  readErrors: number,
  latency: BoundedLatency | null,
): Verdict {
  const first = records[0];
  if (first !== undefined) {
    return verdict('fail', 'fail.shown-when-must-not', recordWords(first), {
      delivered: true,
      record: first,
      ...latencyDetails(latency),
    });
  }
  // An empty record list is "nothing seen" only as strong as a clean timeout.
  if (readErrors > 0)
    return verdict('inconclusive', 'inconclusive.read-errors', { readErrors }, { delivered: null });
  if (observation.positiveControlShown === true)
    return verdict('pass', 'pass.not-shown', {}, { delivered: false });
  if (observation.positiveControlShown === false)
    return verdict('inconclusive', 'inconclusive.positive-control-missing', {}, { delivered: false });
  return verdict('inconclusive', 'inconclusive.no-positive-control', {}, { delivered: false });
}

function judgeShown(
  expectation: Expectation,
  observation: Observation,
  records: readonly ObservedRecord[],
  latency: BoundedLatency | null,
): Verdict {
  const timing = latencyDetails(latency);
  const expected = expectedOf(expectation);
  if (records.length === 0) return missing(expectation, observation, expected);

  const compared = records.map((record) => ({ record, checks: checkRecord(expectation, record) }));
  const match = compared.find((c) => recordMatches(c.checks));
  if (match !== undefined) {
    const base = { delivered: true, record: match.record, expected, checks: match.checks, ...timing };
    const timeoutMs = observation.timeoutMs;
    // Late only when even the earliest time the clock allows is past the timeout.
    if (
      expectation.delivery === 'prompt' &&
      latency !== null &&
      timeoutMs !== undefined &&
      earliestLatency(latency) > timeoutMs
    ) {
      return verdict(
        'fail',
        'fail.late',
        { latencyMs: Math.round(earliestLatency(latency)), timeoutMs },
        base,
      );
    }
    const words = latencyWords(latency);
    // Only a requirement may fail a push that showed; a prediction that it would not show is a note.
    const dropped = expectation.prediction?.effect === 'drop' ? expectation.prediction : null;
    if (dropped !== null)
      return verdict(
        'pass',
        'pass.shown-despite-prediction',
        { latency: words, ...factValues(dropped) },
        base,
      );
    return verdict('pass', 'pass.shown', { latency: words }, base);
  }
  // Something of the app showed, but nothing proves the expectation. A record that differs in
  // nothing known might still be the right one: that is inconclusive, never a pass or a fail.
  const possible = compared.find((c) => !hasMismatch(c.checks));
  if (possible !== undefined) {
    const base = { delivered: true, record: possible.record, expected, checks: possible.checks, ...timing };
    if (possible.checks.title === 'unknown' || possible.checks.text === 'unknown')
      return verdict('inconclusive', 'inconclusive.redacted', {}, base);
    return verdict(
      'inconclusive',
      'inconclusive.channel-unknown',
      { expected: shown(expectation.channelId) },
      base,
    );
  }
  const { record, checks } = compared.reduce((best, c) =>
    agreeing(c.checks) > agreeing(best.checks) ? c : best,
  );
  const base = { delivered: true, record, expected, checks, ...timing };
  if (checks.title === 'mismatch' && expectation.title !== null)
    return wrongText('title', expectation.title, record.title, base);
  if (checks.text === 'mismatch' && expectation.text !== null)
    return wrongText('text', expectation.text, record.text, base);
  if (checks.channel === 'mismatch') {
    return verdict(
      'fail',
      'fail.wrong-channel',
      { expected: shown(expectation.channelId), actual: shown(record.channelId) },
      base,
    );
  }
  const want = expectation.sound.kind === 'custom' ? expectation.sound.name : 'default';
  return verdict('fail', 'fail.wrong-sound', { expected: want, actual: shown(record.sound ?? null) }, base);
}

const hasMismatch = (c: RecordChecks): boolean => Object.values(c).includes('mismatch');
/** How many of title, text and channel agree: picks the closest miss to report. */
const agreeing = (c: RecordChecks): number =>
  [c.title, c.text, c.channel].filter((s) => s === 'ok' || s === 'not-checked').length;

function wrongText(
  field: 'title' | 'text',
  want: NonNullable<Expectation['title']>,
  actual: string | null,
  base: Partial<VerdictDetails>,
): Verdict {
  return verdict(
    'fail',
    'fail.wrong-text',
    { field, match: want.match, expected: want.value, actual: shown(actual) },
    base,
  );
}

function missing(
  expectation: Expectation,
  observation: Observation,
  expected: VerdictDetails['expected'],
): Verdict {
  const captured = observation.captured;
  const readErrors = captured.kind === 'timeout' ? captured.readErrors : 0;
  const base = { expected, delivered: readErrors > 0 ? null : false };
  // Reads failed while we waited: "not shown" is not proven, so it is not a fail either.
  if (readErrors > 0) return verdict('inconclusive', 'inconclusive.read-errors', { readErrors }, base);
  if (expectation.delivery === 'after-idle' && observation.idleLeft !== true) {
    return verdict('inconclusive', 'inconclusive.before-idle', {}, base);
  }
  // A platform fact explains the silence: the product is neither proven nor disproven here.
  if (expectation.prediction?.effect === 'drop') {
    return verdict('inconclusive', 'inconclusive.predicted-drop', factValues(expectation.prediction), base);
  }
  if (expectation.ifMissing === 'inconclusive') {
    return verdict(
      'inconclusive',
      'inconclusive.missing-may-be-dropped',
      { why: expectation.reason.en },
      base,
    );
  }
  const within = observation.timeoutMs === undefined ? 'the time allowed' : `${observation.timeoutMs} ms`;
  return verdict('fail', 'fail.not-shown-in-time', { within }, base);
}
