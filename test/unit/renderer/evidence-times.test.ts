import { describe, expect, it } from 'vitest';
import { localTimestamp, withLocalTimes } from '../../../renderer/src/runs/evidence-times';

describe('evidence times', () => {
  const when = new Date(2026, 11, 7, 14, 20, 3, 45).getTime();

  it('prints epoch milliseconds as local date and time', () => {
    expect(localTimestamp(when)).toBe('2026-12-07 14:20:03.045');
  });

  it('turns time fields into local times and leaves durations and ids alone', () => {
    const data = {
      sentAt: when,
      requestId: '42',
      records: [{ seenAt: when + 850, postTime: when + 800, latencyMs: 850 }],
      clockOffset: { offsetMs: when },
    };
    expect(withLocalTimes(data)).toEqual({
      sentAt: '2026-12-07 14:20:03.045',
      requestId: '42',
      records: [{ seenAt: '2026-12-07 14:20:03.895', postTime: '2026-12-07 14:20:03.845', latencyMs: 850 }],
      clockOffset: { offsetMs: when },
    });
  });

  it('keeps numbers that cannot be a wall-clock time', () => {
    expect(withLocalTimes({ startedAt: 12, at: 'x', when: null })).toEqual({
      startedAt: 12,
      at: 'x',
      when: null,
    });
  });
});
