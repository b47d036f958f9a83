/**
 * applyAttempt folds one attempt event into a running run's matrix and must give exactly what
 * buildMatrix gives on the same attempts: the cases by hand, then a seeded property-style check that
 * folds shuffled events (with running states, repeats and late duplicates) and compares.
 */
import { describe, expect, it } from 'vitest';
import type { AttemptView } from '../../../shared/domain/run';
import { applyAttempt } from '../../../shared/matrix/apply-attempt';
import { buildMatrix, type MatrixAttempt, type MatrixInput } from '../../../shared/matrix/build';
import type { RunMatrix } from '../../../shared/matrix/types';
import type { ReasonKey, VerdictKind } from '../../../shared/runs/types';
import { HUAWEI, PIXEL, SAMSUNG, VIVO, XIAOMI, input } from './fixtures';

const BG = 'background-c2c-text';
const FG = 'foreground-text';
const IMG = 'background-image';
const DOZE = 'doze-c2c-text';

/** A pending attempt, as a run starts with all of them. */
function pending(id: number, serial: string, scenarioId: string, repeat = 1, ordinal = id): MatrixAttempt {
  return {
    id,
    serial,
    scenarioId,
    repeat,
    ordinal,
    verdict: null,
    reason: null,
    delivered: null,
    latencyMs: null,
  };
}

/** The attempt with a verdict, as the store keeps it. */
function judged(
  a: MatrixAttempt,
  verdict: VerdictKind,
  key: ReasonKey,
  delivered: boolean | null,
  latencyMs: number | null = null,
): MatrixAttempt {
  return { ...a, verdict, reason: { key, values: { seconds: 30 } }, delivered, latencyMs };
}

/** The attempt as a `runs:progress` event carries it. */
function event(
  a: MatrixAttempt,
  status: AttemptView['status'] = a.verdict === null ? 'pending' : 'done',
): AttemptView {
  return {
    id: a.id,
    serial: a.serial,
    scenarioId: a.scenarioId,
    repeat: a.repeat,
    status,
    step: null,
    verdict:
      a.verdict === null
        ? null
        : {
            kind: a.verdict,
            reason: a.reason ?? { key: 'pass.shown', values: {} },
            details: {
              delivered: a.delivered,
              latencyMs: a.latencyMs,
              record: null,
              expected: null,
              checks: null,
              error: null,
            },
          },
    startedAt: null,
    finishedAt: null,
    latencyMs: a.latencyMs,
  };
}

function running(over: Partial<MatrixInput> & Pick<MatrixInput, 'phones' | 'attempts'>): MatrixInput {
  return input({ status: 'running', finishedAt: null, ...over });
}

function fold(matrix: RunMatrix, a: MatrixAttempt): RunMatrix {
  const next = applyAttempt(matrix, event(a));
  if (next === null) throw new Error(`attempt ${a.id} could not be folded`);
  return next;
}

const cellOf = (m: RunMatrix, serial: string, scenarioId: string) =>
  m.cells.find((c) => c.serial === serial && c.scenarioId === scenarioId);

describe('applyAttempt', () => {
  it('puts a first result into a cell whose attempts were all pending', () => {
    const attempts = [pending(1, 'mi-1', BG), pending(2, 'mi-1', FG), pending(3, 'px-1', BG)];
    const start = buildMatrix(running({ phones: [XIAOMI, PIXEL], attempts }));
    expect(cellOf(start, 'mi-1', BG)?.status).toBe('pending');
    const done = judged(attempts[0] as MatrixAttempt, 'pass', 'pass.shown', true, 900);
    const next = fold(start, done);
    const cell = cellOf(next, 'mi-1', BG);
    expect(cell).toMatchObject({ status: 'pass', delivered: 1, deliveryRate: 1, latencyP50Ms: 900 });
    expect(next.total.counts.pass).toBe(1);
    expect(next.byGroup.xiaomi?.counts.pass).toBe(1);
    expect(next.byColumn[BG]?.counts).toMatchObject({ pass: 1, pending: 1 });
    expect(next).toEqual(
      buildMatrix(running({ phones: [XIAOMI, PIXEL], attempts: [done, ...attempts.slice(1)] })),
    );
    // The matrix it came from is untouched (the store keeps it until the new one is set).
    expect(cellOf(start, 'mi-1', BG)?.status).toBe('pending');
  });

  it('aggregates the repeats of a cell as buildMatrix does: worst verdict, first worst repeat gives the reason', () => {
    const r1 = pending(1, 'hw-1', BG, 1);
    const r2 = pending(2, 'hw-1', BG, 2);
    const r3 = pending(3, 'hw-1', BG, 3);
    const phones = [HUAWEI];
    let m = buildMatrix(running({ phones, attempts: [r1, r2, r3] }));
    const f3 = judged(r3, 'fail', 'fail.not-shown-in-time', false);
    m = fold(m, f3);
    expect(cellOf(m, 'hw-1', BG)).toMatchObject({ status: 'fail', attempts: 3, notDelivered: 1 });
    expect(cellOf(m, 'hw-1', BG)?.counts).toMatchObject({ fail: 1, pending: 2 });
    const p1 = judged(r1, 'pass', 'pass.shown', true, 1200);
    const f2 = {
      ...judged(r2, 'fail', 'fail.late', true, 9000),
      reason: { key: 'fail.late' as const, values: { s: 9 } },
    };
    m = fold(fold(m, p1), f2);
    const cell = cellOf(m, 'hw-1', BG);
    expect(cell).toMatchObject({
      status: 'fail',
      delivered: 2,
      notDelivered: 1,
      latencyP50Ms: 1200,
      latencyP95Ms: 9000,
    });
    // Repeat 2 is the first failing repeat, so its reason is the cell's.
    expect(cell?.reason).toEqual({ key: 'fail.late', values: { s: 9 } });
    expect(m).toEqual(buildMatrix(running({ phones, attempts: [p1, f2, f3] })));
  });

  it('carries the other phones’ cells over as they are and rebuilds the roll-ups', () => {
    const attempts = [pending(1, 'mi-1', BG), pending(2, 'px-1', BG), pending(3, 'px-1', FG)];
    const start = buildMatrix(running({ phones: [XIAOMI, PIXEL], attempts }));
    const next = fold(start, judged(attempts[0] as MatrixAttempt, 'fail', 'fail.not-shown-in-time', false));
    expect(cellOf(next, 'px-1', BG)).toBe(cellOf(start, 'px-1', BG));
    expect(cellOf(next, 'px-1', FG)).toBe(cellOf(start, 'px-1', FG));
    expect(next.phones).toBe(start.phones);
    expect(next.columns).toBe(start.columns);
    expect(next.byGroup.google).toEqual(start.byGroup.google);
    expect(next.byGroup.xiaomi?.counts.fail).toBe(1);
    expect(next.total.passRate).toBe(0);
  });

  it("rebuilds a phone's whole row: a verdict can put earlier cells in the quota tail", () => {
    const cols = [BG, FG, IMG, DOZE];
    const attempts = [
      pending(10, 'vv-1', 'foreground-c2c-text', 1, 0),
      ...cols.map((s, i) => pending(11 + i, 'vv-1', s, 1, i + 1)),
    ];
    let m = buildMatrix(running({ phones: [VIVO], attempts }));
    const finals = [
      judged(attempts[0] as MatrixAttempt, 'pass', 'pass.shown', true, 800),
      ...attempts.slice(1).map((a) => judged(a, 'fail', 'fail.not-shown-in-time', false)),
    ];
    for (const a of finals.slice(0, 3)) m = fold(m, a);
    // Two missing pushes after the last one shown: no quota tail yet.
    expect(m.cells.some((c) => c.hint?.rules.length === 1 && c.hint.rules[0] === 'seed.daily-quota')).toBe(
      false,
    );
    const beforeThird = cellOf(m, 'vv-1', BG)?.hint;
    for (const a of finals.slice(3)) m = fold(m, a);
    expect(m).toEqual(buildMatrix(running({ phones: [VIVO], attempts: finals })));
    // The third missing push made a tail: the first missing cell's hint is the observed quota now.
    expect(cellOf(m, 'vv-1', BG)?.hint?.rules).toEqual(['seed.daily-quota']);
    expect(beforeThird?.rules ?? []).not.toEqual(['seed.daily-quota']);
  });

  it('attaches a waiver given without a sign-off once the cell becomes waivable', () => {
    const a = pending(1, 'sm-1', BG);
    const waivers = [
      { serial: 'sm-1', scenarioId: BG, reason: 'known', by: 'Lena', at: '2026-03-01T09:30:00.000Z' },
    ];
    const start = buildMatrix(running({ phones: [SAMSUNG], attempts: [a], waivers }));
    expect(cellOf(start, 'sm-1', BG)?.waiver).toBeNull();
    const failed = judged(a, 'fail', 'fail.not-shown-in-time', false);
    const next = fold(start, failed);
    expect(cellOf(next, 'sm-1', BG)?.waiver).toEqual(waivers[0]);
    expect(next.total.waived).toBe(1);
    expect(next).toEqual(buildMatrix(running({ phones: [SAMSUNG], attempts: [failed], waivers })));
  });

  it('keeps the matrix for an event that changes nothing, and never overwrites a verdict with a late event', () => {
    const a = pending(1, 'mi-1', BG);
    const start = buildMatrix(running({ phones: [XIAOMI], attempts: [a] }));
    expect(applyAttempt(start, event(a, 'running'))).toBe(start);
    const done = fold(start, judged(a, 'pass', 'pass.shown', true, 700));
    expect(applyAttempt(done, event(a, 'running'))).toBe(done);
    expect(applyAttempt(done, event(judged(a, 'pass', 'pass.shown', true, 700)))).toBe(done);
  });

  it('cannot fold (null: read the matrix again) without a basis or for an attempt the matrix does not have', () => {
    const a = pending(1, 'mi-1', BG);
    const finished = buildMatrix(
      input({ phones: [XIAOMI], attempts: [judged(a, 'pass', 'pass.shown', true)] }),
    );
    expect(finished.basis).toBeUndefined();
    expect(applyAttempt(finished, event(judged(a, 'fail', 'fail.late', true)))).toBeNull();
    const live = buildMatrix(running({ phones: [XIAOMI], attempts: [a] }));
    // A new row (a phone the matrix has not got) or a new column: the core must build them.
    expect(applyAttempt(live, event(judged(pending(2, 'px-1', BG), 'pass', 'pass.shown', true)))).toBeNull();
    expect(applyAttempt(live, event(judged(pending(3, 'mi-1', FG), 'pass', 'pass.shown', true)))).toBeNull();
    // The same id naming another cell is not this attempt.
    expect(
      applyAttempt(live, event(judged({ ...a, scenarioId: FG }, 'pass', 'pass.shown', true))),
    ).toBeNull();
  });
});

/** A small seeded generator (mulberry32): the same cases every run, many shapes. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OUTCOMES: readonly [VerdictKind, ReasonKey, boolean | null][] = [
  ['pass', 'pass.shown', true],
  ['pass', 'pass.not-shown', false],
  ['fail', 'fail.not-shown-in-time', false],
  ['fail', 'fail.late', true],
  ['fail', 'fail.wrong-sound', true],
  ['blocked', 'blocked.setup-failed', null],
  ['device-lost', 'device-lost.lost', null],
  ['inconclusive', 'inconclusive.missing-may-be-dropped', false],
  ['inconclusive', 'inconclusive.capture-error', null],
  ['not-run', 'not-run.not-applicable', null],
];

describe('applyAttempt against buildMatrix', () => {
  it('gives what buildMatrix gives, folding shuffled events one by one (200 seeded runs)', () => {
    const phones = [XIAOMI, PIXEL, HUAWEI, VIVO, SAMSUNG];
    const scenarios = [BG, FG, IMG, DOZE, 'screen-locked-group-text'];
    for (let seed = 1; seed <= 200; seed += 1) {
      const rnd = random(seed);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
      const repeats = 1 + Math.floor(rnd() * 3);
      const chosen = phones.filter(() => rnd() < 0.7);
      const start: MatrixAttempt[] = [];
      for (const phone of chosen) {
        let ordinal = 0;
        for (const s of scenarios.filter(() => rnd() < 0.8))
          for (let r = 1; r <= repeats; r += 1)
            start.push(pending(start.length + 1, phone.serial, s, r, ordinal++));
      }
      const finals = start.map((a) => {
        if (rnd() < 0.15) return a; // still pending when we compare
        const [verdict, key, delivered] = pick(OUTCOMES);
        return judged(a, verdict, key, delivered, delivered === true ? Math.floor(rnd() * 20_000) : null);
      });
      const base = {
        phones: chosen,
        profile: seed % 2 === 0 ? { highClassChannelIds: ['im'] } : {},
        dnd: Object.fromEntries(chosen.map((p) => [p.serial, pick([true, false, null])])),
      };
      let m = buildMatrix(running({ ...base, attempts: start }));
      // Each attempt: a running event, then its verdict; in a shuffled order, with late duplicates.
      const events = finals.flatMap((a) => [
        event({ ...a, verdict: null, reason: null, delivered: null, latencyMs: null }, 'running'),
        event(a),
      ]);
      const order = events.map((e, i) => ({ e, k: rnd() + (i % 2) * 0.5 })).sort((x, y) => x.k - y.k);
      for (const { e } of order) {
        const next = applyAttempt(m, e);
        if (next === null) throw new Error(`seed ${seed}: attempt ${e.id} could not be folded`);
        m = next;
      }
      expect(m, `seed ${seed}`).toEqual(buildMatrix(running({ ...base, attempts: finals })));
    }
  });
});
