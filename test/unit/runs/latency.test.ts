import { describe, expect, it } from 'vitest';
import { judge } from '../../../electron/lab/runs/verdict';
import { describeReason } from '../../../shared/runs/reasons';
import { boundLatency, formatLatency } from '../../../shared/runs/latency';
import { record, seen, shownExpectation } from './verdict-helpers';

describe('latency with its uncertainty', () => {
  it('cuts the interval at 0 and keeps the truth inside it', () => {
    // The case: -270 ms measured with ±450 ms. The truth lies in [0, 180].
    expect(boundLatency(-270, 450)).toEqual({ latencyMs: 90, uncertaintyMs: 90 });
    expect(boundLatency(500, 20)).toEqual({ latencyMs: 500, uncertaintyMs: 20 });
    expect(boundLatency(-30, 10)).toBeNull(); // impossible: the whole interval is before the send
    expect(boundLatency(-5, null)).toBeNull();
    expect(boundLatency(40, null)).toEqual({ latencyMs: 40, uncertaintyMs: null });
    expect(boundLatency(40, Number.POSITIVE_INFINITY)).toEqual({ latencyMs: 40, uncertaintyMs: null });
    expect(boundLatency(Number.NaN, 3)).toBeNull();
  });

  it('is worded "≤ N ms" when the interval reaches 0, "N ± u ms" otherwise, never negative', () => {
    expect(formatLatency(90, 90)).toBe('≤ 180 ms');
    expect(formatLatency(500, 20)).toBe('500 ± 20 ms');
    expect(formatLatency(500, 0.4)).toBe('500 ± 1 ms');
    expect(formatLatency(500, null)).toBe('500 ms');
    expect(formatLatency(-3, null)).toBe('0 ms');
  });

  it('a verdict stores the bounded latency with its ±, and "late" needs the earliest possible time past the timeout', () => {
    const v = judge(shownExpectation(), seen([record()], { latencyMs: -120, latencyUncertaintyMs: 200 }));
    expect(v.kind).toBe('pass');
    expect(v.details).toMatchObject({ latencyMs: 40, latencyUncertaintyMs: 40 });
    expect(describeReason(v.reason)).toBe('Shown after ≤ 80 ms as expected.');
    const edge = judge(
      shownExpectation(),
      seen([record()], { latencyMs: 60_300, latencyUncertaintyMs: 500, timeoutMs: 60_000 }),
    );
    expect(edge.kind).toBe('pass');
    const late = judge(
      shownExpectation(),
      seen([record()], { latencyMs: 61_000, latencyUncertaintyMs: 500, timeoutMs: 60_000 }),
    );
    expect(late.reason).toMatchObject({ key: 'fail.late', values: { latencyMs: 60_500 } });
  });
});
