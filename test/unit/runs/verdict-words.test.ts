/**
 * Every verdict the judge gives, over every shape of evidence, must be worded so it agrees with
 * that evidence: a captured record is kept and never called "nothing", "nothing captured" is said
 * only when proven, and the reason's own words do not deny a record next to it. Also: the
 * delivery rate never counts a required silence as undelivered.
 */
import { describe, expect, it } from 'vitest';
import { deliveryStats } from '../../../electron/lab/runs/stats';
import { judge } from '../../../electron/lab/runs/verdict';
import { captureSeen, countsForDelivery } from '../../../shared/runs/delivery';
import { describeReason } from '../../../shared/runs/reasons';
import {
  REASON_KEYS,
  type AttemptResult,
  type Observation,
  type ReasonKey,
  type Verdict,
} from '../../../shared/runs/types';
import type { Expectation } from '../../../shared/scenarios/types';
import { anError, quietExpectation, record, seen, shownExpectation, timedOut } from './verdict-helpers';

const DROP = {
  fact: 'push-service-missing',
  effect: 'drop',
  rule: 'seed.fcm-needs-gms',
  text: { en: 'Google Play services was not found', zhCN: '未找到 Google Play 服务' },
} as const;
const DOZE = {
  fact: 'doze',
  effect: 'delay',
  rule: 'android.doze-fcm-priority',
  text: { en: 'the phone is in Doze', zhCN: '手机处于 Doze' },
} as const;

const EXPECTATIONS: Readonly<Record<string, Expectation>> = {
  'must-show': shownExpectation(),
  'must-show, may be dropped': shownExpectation({ ifMissing: 'inconclusive' }),
  'must-show, custom sound': shownExpectation({ sound: { kind: 'custom', name: 'ding' } }),
  predicted: shownExpectation({ ifMissing: 'inconclusive', prediction: DROP }),
  'after-idle': shownExpectation({ delivery: 'after-idle', prediction: DOZE }),
  'must-not-show': quietExpectation('not-shown'),
  undecided: quietExpectation('undecided'),
  'not-applicable': quietExpectation('not-applicable'),
};

type Shape =
  | 'matching record'
  | 'wrong title'
  | 'wrong channel'
  | 'unread channel'
  | 'default sound'
  | 'redacted record'
  | 'late record'
  | 'clean timeout'
  | 'read errors'
  | 'capture error'
  | 'setup failed'
  | 'device lost';
const OBSERVATIONS: Readonly<Record<Shape, (control: boolean | undefined) => Observation>> = {
  'matching record': (c) => seen([record()], ctl(c)),
  'wrong title': (c) => seen([record({ title: 'Someone' })], ctl(c)),
  'wrong channel': (c) => seen([record({ channelId: 'misc' })], ctl(c)),
  'unread channel': (c) => seen([record({ channelId: null })], ctl(c)),
  'default sound': (c) => seen([record({ sound: 'default' })], ctl(c)),
  'redacted record': (c) => seen([record({ title: null, text: null, redacted: true })], ctl(c)),
  'late record': (c) => seen([record()], { latencyMs: 90_000, ...ctl(c) }),
  'clean timeout': (c) => timedOut(0, ctl(c)),
  'read errors': (c) => timedOut(3, ctl(c)),
  'capture error': (c) => ({
    setup: { kind: 'ok' },
    captured: { kind: 'capture-error', error: anError('MALFORMED_OUTPUT') },
    ...ctl(c),
  }),
  'setup failed': (c) => ({
    setup: { kind: 'failed', error: anError() },
    captured: { kind: 'timeout', readErrors: 0 },
    ...ctl(c),
  }),
  'device lost': (c) => ({
    setup: { kind: 'device-lost' },
    captured: { kind: 'timeout', readErrors: 0 },
    ...ctl(c),
  }),
};
const ctl = (c: boolean | undefined): Partial<Observation> =>
  c === undefined ? {} : { positiveControlShown: c };
const HAS_RECORD: ReadonlySet<Shape> = new Set([
  'matching record',
  'wrong title',
  'wrong channel',
  'unread channel',
  'default sound',
  'redacted record',
  'late record',
]);

/** Words that deny any notification showed. */
const DENIES = /^(Nothing (showed|was seen)|Not shown)/;

interface Case {
  readonly name: string;
  readonly shape: Shape;
  readonly verdict: Verdict;
}
const CASES: Case[] = [];
for (const [ename, e] of Object.entries(EXPECTATIONS)) {
  for (const [shape, make] of Object.entries(OBSERVATIONS) as [
    Shape,
    (c: boolean | undefined) => Observation,
  ][]) {
    for (const control of [undefined, true, false] as const) {
      CASES.push({
        name: `${ename} / ${shape} / control ${String(control)}`,
        shape,
        verdict: judge(e, make(control)),
      });
    }
  }
}

describe('verdict words match the evidence', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const { verdict, shape } = c;
    const text = describeReason(verdict.reason);
    const words = captureSeen(verdict.details);
    const judged = verdict.kind !== 'not-run' && verdict.kind !== 'blocked' && verdict.kind !== 'device-lost';
    if (HAS_RECORD.has(shape) && judged) {
      // A record was captured: it is kept with the verdict, and nothing says it was not there.
      expect(verdict.details.record, text).not.toBeNull();
      expect(words).toBe('captured');
      expect(text).not.toMatch(DENIES);
    } else if (shape === 'clean timeout' && judged) {
      expect(words).toBe('nothing');
      expect(verdict.details.record).toBeNull();
    } else {
      expect(words, `${verdict.reason.key}: ${text}`).not.toBe(
        HAS_RECORD.has(shape) ? 'nothing' : 'captured',
      );
    }
    if (words === 'nothing') expect(shape).toBe('clean timeout');
    // Only two shapes of pass exist, and a pass never rests on unknown evidence.
    // (a late record passes only where delivery is judged after Doze; a default sound where none is asked)
    if (verdict.kind === 'pass')
      expect(['matching record', 'late record', 'default sound', 'clean timeout']).toContain(shape);
    if (verdict.kind === 'pass' && shape === 'late record') expect(c.name).toMatch(/^after-idle/);
    // Every placeholder was filled, in both languages.
    expect(text).not.toMatch(/\{\w+\}/);
    expect(describeReason(verdict.reason, 'zh-CN')).not.toMatch(/\{\w+\}/);
  });

  it('every reason key the judge can give appears in this table', () => {
    const given = new Set(CASES.map((c) => c.verdict.reason.key));
    // Tap verdicts come from the tap step after the judge, not from judge().
    const elsewhere: ReasonKey[] = ['fail.wrong-redirect', 'inconclusive.tap-unverified'];
    expect(REASON_KEYS.filter((k) => !given.has(k) && !elsewhere.includes(k))).toEqual([]);
  });
});

describe('delivery rate over pushes that should show', () => {
  const attempt = (verdict: Verdict, i: number): AttemptResult => ({
    serial: 'S',
    scenarioId: `s${i}`,
    repeat: 1,
    verdict,
    startedAt: 0,
    durationMs: 1,
  });

  it('a run where every cell passed reads 100 % delivered, with the required silences counted apart', () => {
    const passes = [
      judge(shownExpectation(), seen([record()])),
      judge(shownExpectation(), seen([record()])),
      judge(quietExpectation('not-shown'), timedOut(0, { positiveControlShown: true })),
    ];
    expect(passes.map((v) => v.kind)).toEqual(['pass', 'pass', 'pass']);
    const stats = deliveryStats(passes.map(attempt));
    expect(stats).toMatchObject({
      deliveryRate: 1,
      delivered: 2,
      notDelivered: 0,
      silentAsRequired: 1,
      undetermined: 0,
    });
  });

  it('a push shown where it must not show is a fail but not a delivery of a push that should show', () => {
    const v = judge(quietExpectation('not-shown'), seen([record()]));
    expect(countsForDelivery(v.reason.key)).toBe(false);
    expect(deliveryStats([attempt(v, 0)]).deliveryRate).toBeNull();
  });
});
