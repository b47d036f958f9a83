import { describe, expect, it } from 'vitest';
import { buildMatrix, type MatrixAttempt } from '../../../shared/matrix/build';
import { compareMatrices, DEFAULT_THRESHOLD } from '../../../shared/matrix/compare';
import type { DriftEntry, RunMatrix } from '../../../shared/matrix/types';
import { att, input, PIXEL, XIAOMI } from './fixtures';

const phones = [XIAOMI, PIXEL];
const matrix = (runId: string, attempts: MatrixAttempt[]): RunMatrix =>
  buildMatrix(input({ runId, phones, attempts }));
const kinds = (before: RunMatrix, after: RunMatrix, ...rest: [Parameters<typeof compareMatrices>[2]?]) =>
  compareMatrices(before, after, ...rest).changes.map(
    (c) => `${c.kind} ${c.serial}/${c.scenarioId} ${c.before}->${c.after}`,
  );

describe('compareMatrices', () => {
  it('marks regressed, recovered, changed, new and gone cells, and leaves unchanged ones out', () => {
    const before = matrix('a', [
      att('mi-1', 's-regress', { verdict: 'pass' }),
      att('mi-1', 's-recover', { verdict: 'fail' }),
      att('mi-1', 's-change', { verdict: 'fail' }),
      att('mi-1', 's-same', { verdict: 'fail' }),
      att('mi-1', 's-gone', { verdict: 'pass' }),
      att('px-1', 's-regress', { verdict: 'pass' }),
      att('px-1', 's-notrun', { verdict: 'pass' }),
    ]);
    const after = matrix('b', [
      att('mi-1', 's-regress', { verdict: 'inconclusive' }),
      att('mi-1', 's-recover', { verdict: 'pass' }),
      att('mi-1', 's-change', { verdict: 'inconclusive' }),
      att('mi-1', 's-same', { verdict: 'fail' }),
      att('mi-1', 's-new', { verdict: 'fail' }),
      att('px-1', 's-regress', { verdict: 'device-lost' }),
      att('px-1', 's-notrun', { verdict: 'not-run' }),
    ]);
    expect(kinds(before, after)).toEqual([
      'regressed mi-1/s-regress pass->inconclusive',
      'regressed px-1/s-regress pass->device-lost',
      'recovered mi-1/s-recover fail->pass',
      'changed mi-1/s-change fail->inconclusive',
      'changed px-1/s-notrun pass->not-run',
      'new mi-1/s-new null->fail',
      'gone mi-1/s-gone pass->null',
    ]);
    const result = compareMatrices(before, after);
    expect(result).toMatchObject({ before: 'a', after: 'b', threshold: DEFAULT_THRESHOLD, drift: {} });
    expect(DEFAULT_THRESHOLD).toEqual({ ms: 500, ratio: 1.5 });
  });

  it('compares a re-run of some cells cell by cell with its source: the other cells are carried, not new or gone', () => {
    const source = buildMatrix(
      input({
        runId: 'full',
        phones,
        createdAt: '2026-03-01T09:00:00.000Z',
        attempts: [
          att('mi-1', 's1', { verdict: 'fail' }),
          att('mi-1', 's2', { verdict: 'pass' }),
          att('px-1', 's1', { verdict: 'pass' }),
          att('px-1', 's2', { verdict: 'pass' }),
        ],
      }),
    );
    const rerun = buildMatrix(
      input({
        runId: 'rerun',
        phones,
        createdAt: '2026-03-02T09:00:00.000Z',
        attempts: [att('mi-1', 's1', { verdict: 'pass' })],
      }),
    );
    const forward = compareMatrices(source, rerun);
    expect(forward.changes.map((c) => `${c.kind} ${c.serial}/${c.scenarioId}`)).toEqual([
      'recovered mi-1/s1',
    ]);
    expect(forward).toMatchObject({ carried: 3, direction: 'forward' });
    // The re-run picked as baseline of the full run: still carried, and said to read backwards.
    const backward = compareMatrices(rerun, source);
    expect(backward.changes.map((c) => `${c.kind} ${c.serial}/${c.scenarioId}`)).toEqual([
      'regressed mi-1/s1',
    ]);
    expect(backward).toMatchObject({ carried: 3, direction: 'backward' });
  });

  it('runs over different cells (neither a subset) still report new and gone', () => {
    const a = matrix('a', [att('mi-1', 's1', { verdict: 'pass' }), att('mi-1', 's2', { verdict: 'pass' })]);
    const b = matrix('b', [att('mi-1', 's2', { verdict: 'pass' }), att('mi-1', 's3', { verdict: 'pass' })]);
    expect(kinds(a, b)).toEqual(['new mi-1/s3 null->pass', 'gone mi-1/s1 pass->null']);
    expect(compareMatrices(a, b).carried).toBe(0);
  });

  it('each of fail, blocked, device lost and inconclusive after a pass is a regression', () => {
    for (const verdict of ['fail', 'blocked', 'device-lost', 'inconclusive'] as const) {
      const changes = kinds(
        matrix('a', [att('mi-1', 's', { verdict: 'pass' })]),
        matrix('b', [att('mi-1', 's', { verdict })]),
      );
      expect(changes).toEqual([`regressed mi-1/s pass->${verdict}`]);
      expect(
        kinds(
          matrix('a', [att('mi-1', 's', { verdict })]),
          matrix('b', [att('mi-1', 's', { verdict: 'pass' })]),
        ),
      ).toEqual([`recovered mi-1/s ${verdict}->pass`]);
    }
  });

  it('needs both the ms and the ratio threshold for slower and faster', () => {
    const run = (id: string, ms: number): RunMatrix =>
      matrix(id, [att('mi-1', 's', { verdict: 'pass', latencyMs: ms })]);
    expect(kinds(run('a', 1000), run('b', 1600))).toEqual(['slower mi-1/s pass->pass']);
    expect(kinds(run('a', 1600), run('b', 1000))).toEqual(['faster mi-1/s pass->pass']);
    // +600 ms but only 1.3x: not slower. 40 -> 120 ms: 3x but only +80 ms.
    expect(kinds(run('a', 2000), run('b', 2600))).toEqual([]);
    expect(kinds(run('a', 40), run('b', 120))).toEqual([]);
    // Exactly at the threshold is not beyond it.
    expect(kinds(run('a', 1000), run('b', 1500))).toEqual([]);
    // Custom thresholds.
    expect(kinds(run('a', 40), run('b', 120), { ms: 50, ratio: 2 })).toEqual(['slower mi-1/s pass->pass']);
    expect(kinds(run('a', 2000), run('b', 2600), { ratio: 1.2 })).toEqual(['slower mi-1/s pass->pass']);
    const slower = compareMatrices(run('a', 1000), run('b', 1600)).changes[0];
    expect(slower).toMatchObject({ latencyBeforeMs: 1000, latencyAfterMs: 1600 });
    expect(() => compareMatrices(run('a', 1), run('b', 1), { ratio: 0.5 })).toThrow(RangeError);
    expect(() => compareMatrices(run('a', 1), run('b', 1), { ms: -1 })).toThrow(RangeError);
    expect(() => compareMatrices(run('a', 1), run('b', 1), { ms: Number.NaN })).toThrow(RangeError);
  });

  it("puts each phone's drift beside its changes and lists every phone's drift", () => {
    const drift: DriftEntry = {
      checkId: 'notifications.permission',
      before: 'ok',
      after: 'fail',
      beforeEvidence: 'granted=true',
      afterEvidence: 'granted=false',
    };
    const other: DriftEntry = {
      checkId: 'battery.doze',
      before: 'ok',
      after: 'warn',
      beforeEvidence: null,
      afterEvidence: 'x',
    };
    const before = matrix('a', [
      att('mi-1', 's', { verdict: 'pass' }),
      att('px-1', 's', { verdict: 'pass' }),
    ]);
    const after = matrix('b', [att('mi-1', 's', { verdict: 'fail' }), att('px-1', 's', { verdict: 'pass' })]);
    const result = compareMatrices(before, after, undefined, {
      'mi-1': [drift],
      'px-1': [other],
      'zz-9': [],
    });
    expect(result.changes).toEqual([
      {
        serial: 'mi-1',
        scenarioId: 's',
        kind: 'regressed',
        before: 'pass',
        after: 'fail',
        latencyBeforeMs: 1000,
        latencyAfterMs: null,
        drift: [drift],
      },
    ]);
    expect(result.drift).toEqual({ 'mi-1': [drift], 'px-1': [other] });
  });
});
