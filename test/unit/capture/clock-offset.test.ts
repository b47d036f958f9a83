import { describe, expect, it } from 'vitest';
import {
  estimateClockOffset,
  measureClockOffset,
  type ClockSample,
} from '../../../electron/lab/android/capture/clock-offset';
import { FakeDeviceIo } from '../../support/fake-device-io';

/** A sample of a phone `offset` ms ahead, read `before` ms after sending, answered `after` ms later. */
function sample(sentAt: number, offset: number, before: number, after: number, precisionMs = 1): ClockSample {
  const phoneTrue = sentAt + before + offset;
  return {
    sentAt,
    receivedAt: sentAt + before + after,
    phoneMs: Math.floor(phoneTrue / precisionMs) * precisionMs,
    precisionMs,
  };
}

describe('estimateClockOffset', () => {
  it('brackets the true offset and is tighter than the fastest round trip', () => {
    const samples = [
      sample(1000, 5000, 40, 3),
      sample(2000, 5000, 2, 2),
      sample(3000, 5000, 30, 80),
      sample(4000, 5000, 1, 6),
      sample(5000, 5000, 9, 9),
    ];
    const est = estimateClockOffset(samples);
    expect(Math.abs(est.offsetMs - 5000)).toBeLessThanOrEqual(est.uncertaintyMs);
    expect(est.uncertaintyMs).toBeLessThanOrEqual(2.5); // fastest round trip is 4 ms
    expect(est.samples).toBe(5);
  });

  it('works for a phone behind the host and for whole-second clocks', () => {
    const behind = estimateClockOffset([sample(10_000, -73_250, 5, 5), sample(20_000, -73_250, 3, 4)]);
    expect(Math.abs(behind.offsetMs + 73_250)).toBeLessThanOrEqual(behind.uncertaintyMs);
    const coarse = estimateClockOffset([
      sample(1_700_000_000_100, 250, 10, 10, 1000),
      sample(1_700_000_001_900, 250, 10, 10, 1000),
    ]);
    expect(Math.abs(coarse.offsetMs - 250)).toBeLessThanOrEqual(coarse.uncertaintyMs);
    expect(coarse.uncertaintyMs).toBeLessThanOrEqual(510);
  });

  it('trusts the fastest sample when the clock stepped between samples', () => {
    const est = estimateClockOffset([sample(1000, 100, 1, 1), sample(2000, 9_000, 5, 5)]);
    expect(Math.abs(est.offsetMs - 100)).toBeLessThanOrEqual(est.uncertaintyMs);
  });

  it('refuses to guess from nothing', () => {
    expect(() => estimateClockOffset([])).toThrow(/No clock sample/);
  });
});

describe('measureClockOffset', () => {
  it('reads the phone clock several times and finds its offset', async () => {
    let host = 1_700_000_000_000;
    const offset = 12_345;
    let n = 0;
    const io = new FakeDeviceIo('p', [
      [
        /^date \+%s\.%3N$/,
        () => {
          n++;
          host += 3 + (n % 3) * 7; // the read reaches the phone after 3..17 ms
          const phone = host + offset;
          host += 4;
          return `${Math.floor(phone / 1000)}.${String(phone % 1000).padStart(3, '0')}\n`;
        },
      ],
    ]);
    const est = await measureClockOffset(io, () => host, 6);
    expect(io.commands).toHaveLength(6);
    expect(Math.abs(est.offsetMs - offset)).toBeLessThanOrEqual(est.uncertaintyMs);
    expect(est.uncertaintyMs).toBeLessThan(5);
  });

  it('keeps to whole seconds on a phone without %N and does not count the probe', async () => {
    let host = 1_700_000_000_000;
    const io = new FakeDeviceIo('p', [
      [
        /%3N/,
        () => {
          host += 5;
          return '17000000003N';
        },
      ],
      [
        /^date \+%s$/,
        () => {
          host += 5;
          const phone = host - 2_000;
          host += 5;
          return String(Math.floor(phone / 1000));
        },
      ],
    ]);
    const est = await measureClockOffset(io, () => host, 3);
    expect(io.commands.filter((c) => c === 'date +%s')).toHaveLength(4);
    expect(Math.abs(est.offsetMs + 2_000)).toBeLessThanOrEqual(est.uncertaintyMs);
  });
});
