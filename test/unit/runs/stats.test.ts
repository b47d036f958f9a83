import { describe, expect, it } from 'vitest';
import {
  cellStats,
  deliveryStats,
  latencyStats,
  percentile,
  runTotals,
} from '../../../electron/lab/runs/stats';
import { attempt, run, verdictOf } from './run-fixtures';

describe('percentile (nearest rank)', () => {
  it('takes the value at rank ceil(p/100 * n)', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => (20 - i) * 10); // 200..10, unsorted
    expect(percentile(twenty, 50)).toBe(100);
    expect(percentile(twenty, 95)).toBe(190);
    expect(percentile(twenty, 100)).toBe(200);
    expect(percentile([5, 1, 3], 50)).toBe(3);
    expect(percentile([5, 1, 3, 4], 50)).toBe(3); // rank 2 of [1,3,4,5]: never interpolated
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([], 50)).toBeNull();
    expect(percentile([Number.NaN, 4], 50)).toBe(4);
  });
  it('refuses percentiles outside (0, 100]', () => {
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
  it('summarises latencies', () => {
    expect(latencyStats([300, 100, 200])).toEqual({ count: 3, min: 100, p50: 200, p95: 300, max: 300 });
    expect(latencyStats([])).toEqual({ count: 0, min: null, p50: null, p95: null, max: null });
  });
});

describe('delivery stats', () => {
  const attempts = [
    attempt('A1', 'bg', 1, verdictOf('pass', true, 900)),
    attempt('A1', 'bg', 2, verdictOf('fail', false)),
    attempt('A1', 'bg', 3, verdictOf('pass', true, 1500)),
    attempt('A1', 'bg', 4, verdictOf('blocked', null)),
    attempt('A1', 'fg', 1, verdictOf('not-run', null)),
    attempt('B2', 'bg', 1, verdictOf('fail', true, 70_000)),
    attempt('B2', 'bg', 2, verdictOf('device-lost', null)),
  ];

  it('rates delivery over the attempts that could tell, per cell', () => {
    const cells = cellStats(attempts);
    expect(cells.map((c) => [c.serial, c.scenarioId])).toEqual([
      ['A1', 'bg'],
      ['A1', 'fg'],
      ['B2', 'bg'],
    ]);
    const [a1bg, a1fg, b2bg] = cells;
    expect(a1bg).toMatchObject({
      attempts: 4,
      delivered: 2,
      notDelivered: 1,
      undetermined: 1,
      latency: { count: 2, p50: 900, p95: 1500 },
    });
    expect(a1bg?.deliveryRate).toBeCloseTo(2 / 3);
    expect(a1fg).toMatchObject({ attempts: 1, undetermined: 0, deliveryRate: null, latency: { p50: null } });
    expect(b2bg).toMatchObject({
      delivered: 1,
      undetermined: 1,
      deliveryRate: 1,
      verdicts: { fail: 1, 'device-lost': 1, pass: 0 },
    });
  });

  it('totals the run', () => {
    const totals = runTotals(run(attempts));
    expect(totals).toMatchObject({
      attempts: 7,
      cells: 3,
      phones: 2,
      delivered: 3,
      notDelivered: 1,
      durationMs: 300_000,
      allPassed: false,
    });
    expect(totals.verdicts).toEqual({
      pass: 2,
      fail: 2,
      blocked: 1,
      'device-lost': 1,
      inconclusive: 0,
      'not-run': 1,
    });
    expect(totals.latency).toMatchObject({ p50: 1500, p95: 70_000 });
  });

  it('calls a run all-passed only when every attempt that ran passed', () => {
    expect(
      runTotals(
        run([
          attempt('A1', 'bg', 1, verdictOf('pass', true, 1)),
          attempt('A1', 'fg', 1, verdictOf('not-run', null)),
        ]),
      ).allPassed,
    ).toBe(true);
    expect(
      runTotals(
        run([
          attempt('A1', 'bg', 1, verdictOf('pass', true, 1)),
          attempt('A1', 'bg', 2, verdictOf('inconclusive', null)),
        ]),
      ).allPassed,
    ).toBe(false);
    expect(runTotals(run([attempt('A1', 'fg', 1, verdictOf('not-run', null))])).allPassed).toBe(false);
    expect(deliveryStats([]).deliveryRate).toBeNull();
  });
});
