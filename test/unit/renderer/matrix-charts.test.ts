import { describe, expect, it } from 'vitest';
import {
  boxStats,
  jitter,
  latencyByGroup,
  linearScale,
  niceTicks,
  quantile,
  samePlanHistory,
  thinOut,
  tickAnchor,
} from '../../../renderer/src/matrix/chart-scales';
import { attempt, summary } from './support/sample-runs';
import { BG, FG, sampleMatrix } from './support/sample-matrix';

describe('chart scales', () => {
  it('maps a domain onto a range, including a reversed range and an empty domain', () => {
    expect(linearScale([0, 10], [100, 200])(5)).toBe(150);
    expect(linearScale([0, 1], [170, 10])(0.25)).toBe(130);
    expect(linearScale([3, 3], [0, 50])(3)).toBe(0);
  });

  it('ends the axis on a round tick at or above the maximum', () => {
    expect(niceTicks(1234, 5)).toEqual([0, 250, 500, 750, 1000, 1250]);
    expect(niceTicks(8000, 4)).toEqual([0, 2000, 4000, 6000, 8000]);
    expect(niceTicks(0.9, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });

  it('computes quartiles and the box of a distribution', () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([10, 20, 30, 40], 0.5)).toBe(25);
    expect(boxStats([400, 100, 300, 200, 1000])).toEqual({
      n: 5,
      min: 100,
      q1: 200,
      median: 300,
      q3: 400,
      max: 1000,
    });
    expect(boxStats([])).toBeNull();
  });

  it('thins a long strip of dots out evenly, keeping short ones whole', () => {
    expect(thinOut([1, 2, 3], 5)).toEqual([1, 2, 3]);
    const many = Array.from({ length: 1000 }, (_, i) => i);
    const few = thinOut(many, 200);
    expect(few).toHaveLength(200);
    expect(few[0]).toBe(0);
    expect(few[1]).toBe(5);
    expect(few[199]).toBe(995);
  });

  it('jitters deterministically within -1…1', () => {
    const values = Array.from({ length: 50 }, (_, i) => jitter(i + 1));
    expect(values.every((v) => v >= -1 && v <= 1)).toBe(true);
    expect(jitter(7)).toBe(jitter(7));
    expect(new Set(values.map((v) => v.toFixed(3))).size).toBe(50);
  });

  it('collects latencies per vendor group from every repeat, groups without one kept empty', () => {
    const matrix = sampleMatrix();
    const attempts = [
      attempt(1, 'mi-1', BG, 1, { status: 'done', latencyMs: 900 }),
      attempt(2, 'mi-1', BG, 2, { status: 'done', latencyMs: 1500 }),
      attempt(3, 'px-1', FG, 1, { status: 'done', latencyMs: 300 }),
      attempt(4, 'hw-1', BG, 1, { status: 'done', latencyMs: null }),
      attempt(5, 'stranger', BG, 1, { status: 'done', latencyMs: 50 }),
    ];
    expect(latencyByGroup(matrix, attempts)).toEqual([
      { group: 'xiaomi', values: [900, 1500] },
      { group: 'huawei', values: [] },
      { group: 'google', values: [300] },
    ]);
  });

  it('charts the last settled runs of the same plan up to this one, oldest first', () => {
    const at = (id: string, planName: string, day: number, status: 'completed' | 'running' = 'completed') =>
      summary({ id, planName, createdAt: `2026-01-${String(day).padStart(2, '0')}T10:00:00.000Z` }, status);
    const runs = [
      at('a', 'nightly', 1),
      at('b', 'nightly', 2),
      at('x', 'other', 3),
      at('c', 'nightly', 4, 'running'),
      at('d', 'nightly', 5),
      at('e', 'nightly', 6),
    ];
    expect(samePlanHistory(runs, at('d', 'nightly', 5)).map((r) => r.id)).toEqual(['a', 'b', 'd']);
    expect(samePlanHistory(runs, at('d', 'nightly', 5), 2).map((r) => r.id)).toEqual(['b', 'd']);
    // The open run is charted even while it runs.
    expect(samePlanHistory(runs, at('c', 'nightly', 4, 'running')).map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('axis labels', () => {
  it('ends the last label at its tick so the chart edge does not cut it', () => {
    expect([0, 1, 2, 3].map((i) => tickAnchor(i, 4))).toEqual(['middle', 'middle', 'middle', 'end']);
    expect(tickAnchor(0, 1)).toBe('middle');
  });
});
