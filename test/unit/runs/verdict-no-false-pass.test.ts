/**
 * Property-style: thousands of random (expectation, observation) pairs. A pass must be exactly one
 * of the two allowed shapes, checked by an oracle written here independently of the judge.
 */
import { describe, expect, it } from 'vitest';
import { judge } from '../../../electron/lab/runs/verdict';
import type { ObservedRecord, Observation } from '../../../shared/runs/types';
import type { Expectation, TextMatch } from '../../../shared/scenarios/types';
import { anError, quietExpectation, shownExpectation } from './verdict-helpers';

/** Small deterministic PRNG (mulberry32), so a failure reproduces. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TITLES = ['Denny', 'Denny ', 'denny', 'Group (Denny)', '', null];
const TEXTS = ['Denny:hello', 'hello', 'hell', 'Denny:hello\r\nthere', 'HELLO', '', null];
const CHANNELS = ['im', 'other', null];
const SOUNDS = [undefined, null, 'default', 'ding'];
const TITLE_RULES: (TextMatch | null)[] = [
  null,
  { value: 'Denny', match: 'exact' },
  { value: 'Denny', match: 'contains' },
];
const TEXT_RULES: (TextMatch | null)[] = [
  null,
  { value: 'hello', match: 'contains' },
  { value: 'Denny:hello', match: 'exact' },
  { value: 'hello\nthere', match: 'contains' },
];

function randomExpectation(r: () => number): Expectation {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const outcome = pick([
    'shown',
    'shown',
    'shown',
    'not-shown',
    'not-shown',
    'undecided',
    'not-applicable',
  ] as const);
  if (outcome !== 'shown') return quietExpectation(outcome);
  return shownExpectation({
    ifMissing: pick(['fail', 'inconclusive', null] as const),
    delivery: pick(['prompt', 'after-idle', null] as const),
    title: pick(TITLE_RULES),
    text: pick(TEXT_RULES),
    channelId: pick(['im', null]),
    sound: pick([{ kind: 'default' }, { kind: 'custom', name: 'ding' }, { kind: 'not-checked' }] as const),
  });
}

function randomObservation(r: () => number): Observation {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const record = (): ObservedRecord => {
    const redacted = r() < 0.15;
    return {
      title: redacted ? null : pick(TITLES),
      text: redacted ? null : pick(TEXTS),
      channelId: pick(CHANNELS),
      sound: pick(SOUNDS),
      postTime: 1,
      redacted,
    };
  };
  const setup = pick<Observation['setup']>([
    { kind: 'ok' },
    { kind: 'ok' },
    { kind: 'ok' },
    { kind: 'failed', error: anError() },
    { kind: 'device-lost' },
  ]);
  const captured = pick<Observation['captured']>([
    { kind: 'records', records: Array.from({ length: Math.floor(r() * 4) }, record) },
    { kind: 'records', records: Array.from({ length: 1 + Math.floor(r() * 2) }, record) },
    { kind: 'timeout', readErrors: pick([0, 0, 2]) },
    { kind: 'capture-error', error: anError(pick(['DEVICE_LOST', 'MALFORMED_OUTPUT', 'TIMEOUT'] as const)) },
  ]);
  return {
    setup,
    captured,
    ...(r() < 0.7 ? { positiveControlShown: r() < 0.6 } : {}),
    ...(r() < 0.8 ? { latencyMs: pick([0, 900, 59_999, 60_000, 60_001, 400_000, Number.NaN]) } : {}),
    ...(r() < 0.8 ? { timeoutMs: 60_000 } : {}),
    ...(r() < 0.5 ? { idleLeft: r() < 0.5 } : {}),
  };
}

// The oracle, from the spec in words: exact = whole field equal (CRLF = LF); contains = part of title or text.
const lf = (s: string): string => s.split('\r\n').join('\n');
function fieldOk(rule: TextMatch | null, field: string | null, other: string | null): boolean {
  if (rule === null) return true;
  if (rule.match === 'exact') return field !== null && lf(field) === lf(rule.value);
  return (
    (field !== null && lf(field).includes(lf(rule.value))) ||
    (other !== null && lf(other).includes(lf(rule.value)))
  );
}
function proves(e: Expectation, rec: ObservedRecord): boolean {
  if (rec.redacted === true && (e.title !== null || e.text !== null)) return false;
  const soundOk =
    e.sound.kind === 'not-checked' ||
    rec.sound == null ||
    rec.sound === (e.sound.kind === 'custom' ? e.sound.name : 'default');
  return (
    fieldOk(e.title, rec.title, null) &&
    fieldOk(e.text, rec.text, e.text?.match === 'contains' ? rec.title : null) &&
    (e.channelId === null || rec.channelId === e.channelId) &&
    soundOk
  );
}
function passAllowed(e: Expectation, o: Observation): boolean {
  if (o.setup.kind !== 'ok') return false;
  const c = o.captured;
  if (e.outcome === 'shown') {
    const latency = typeof o.latencyMs === 'number' && Number.isFinite(o.latencyMs) ? o.latencyMs : null;
    const late =
      e.delivery === 'prompt' && latency !== null && o.timeoutMs !== undefined && latency > o.timeoutMs;
    return c.kind === 'records' && c.records.some((rec) => proves(e, rec)) && !late;
  }
  if (e.outcome === 'not-shown') {
    const nothing =
      (c.kind === 'records' && c.records.length === 0) || (c.kind === 'timeout' && c.readErrors === 0);
    return nothing && o.positiveControlShown === true;
  }
  return false;
}

describe('judge never passes outside the two allowed shapes', () => {
  it('agrees with the oracle on 30 000 random cases', () => {
    const r = rng(20261122);
    const counts: Record<string, number> = {};
    for (let i = 0; i < 30_000; i++) {
      const e = randomExpectation(r);
      const o = randomObservation(r);
      const v = judge(e, o);
      counts[v.kind] = (counts[v.kind] ?? 0) + 1;
      const allowed = passAllowed(e, o);
      if ((v.kind === 'pass') !== allowed) {
        throw new Error(
          `case ${i}: judge said ${v.kind} (${v.reason.key}), oracle allows pass = ${allowed}\n${JSON.stringify({ e, o }, null, 1)}`,
        );
      }
      if (
        o.setup.kind === 'failed' &&
        e.outcome !== 'not-applicable' &&
        !(o.captured.kind === 'capture-error' && o.captured.error.code === 'DEVICE_LOST')
      ) {
        expect(v.kind).toBe('blocked');
      }
      if (e.outcome === 'undecided' && o.setup.kind === 'ok' && o.captured.kind !== 'capture-error')
        expect(v.kind).toBe('inconclusive');
      if (e.outcome === 'not-applicable') expect(v.kind).toBe('not-run');
    }
    // The generator must reach every verdict, or the property proves little.
    for (const kind of ['pass', 'fail', 'blocked', 'device-lost', 'inconclusive', 'not-run'])
      expect(counts[kind] ?? 0).toBeGreaterThan(100);
  });

  it('never passes a pass-shaped case once any one input is spoiled', () => {
    const e = shownExpectation();
    const good: Observation = {
      setup: { kind: 'ok' },
      captured: {
        kind: 'records',
        records: [{ title: 'Denny', text: 'hello', channelId: 'im', postTime: 1 }],
      },
      latencyMs: 10,
      timeoutMs: 100,
    };
    expect(judge(e, good).kind).toBe('pass');
    const spoiled: Observation[] = [
      { ...good, setup: { kind: 'failed', error: anError() } },
      { ...good, setup: { kind: 'device-lost' } },
      { ...good, captured: { kind: 'timeout', readErrors: 0 } },
      { ...good, captured: { kind: 'capture-error', error: anError() } },
      { ...good, captured: { kind: 'records', records: [] } },
      { ...good, latencyMs: 101 },
      ...(['title', 'text', 'channelId'] as const).flatMap((field) => [
        {
          ...good,
          captured: {
            kind: 'records' as const,
            records: [{ title: 'Denny', text: 'hello', channelId: 'im', postTime: 1, [field]: null }],
          },
        },
        {
          ...good,
          captured: {
            kind: 'records' as const,
            records: [{ title: 'Denny', text: 'hello', channelId: 'im', postTime: 1, [field]: 'zzz' }],
          },
        },
      ]),
      {
        ...good,
        captured: {
          kind: 'records',
          records: [{ title: null, text: null, channelId: 'im', postTime: 1, redacted: true }],
        },
      },
    ];
    for (const o of spoiled) expect(judge(e, o).kind, JSON.stringify(o)).not.toBe('pass');
    for (const outcome of ['not-shown', 'undecided', 'not-applicable'] as const)
      expect(judge(quietExpectation(outcome), good).kind).not.toBe('pass');
  });
});
