import { describe, expect, it } from 'vitest';
import { CLOCK_REMEASURE_MS, refreshClockOffset } from '../../../../electron/lab/android/run/clock-refresh';
import type { PhoneSession } from '../../../../electron/lab/android/run/phone-session';
import { UNKNOWN_CLOCK_OFFSET } from '../../../../electron/lab/android/capture/clock-offset';

/** A phone whose clock runs `skew()` ms ahead of the host's fake clock; counts clock reads. */
function fakeSession(skew: () => number) {
  let host = 1_700_000_000_000;
  let reads = 0;
  const io = {
    serial: 'S1',
    shell: async () => {
      reads += 1;
      host += 2; // each read takes 2 ms of host time, the phone reads at its middle
      const phone = host - 1 + skew();
      return `${Math.floor(phone / 1000)}.${String(phone % 1000).padStart(3, '0')}\n`;
    },
  };
  const session = {
    io,
    offset: UNKNOWN_CLOCK_OFFSET,
    offsetAt: null,
    run: { deps: { clock: { now: () => host } } },
  } as unknown as PhoneSession;
  return { session, reads: () => reads, advance: (ms: number) => void (host += ms) };
}

describe('clock offset during long runs', () => {
  it('measures once, then again only after CLOCK_REMEASURE_MS, following the drift', async () => {
    let skew = 250;
    const phone = fakeSession(() => skew);
    expect(await refreshClockOffset(phone.session)).toBe(true);
    expect(Math.abs(phone.session.offset.offsetMs - 250)).toBeLessThanOrEqual(
      phone.session.offset.uncertaintyMs,
    );
    expect(phone.session.offset.uncertaintyMs).toBeLessThanOrEqual(2);
    const reads = phone.reads();
    expect(reads).toBeGreaterThanOrEqual(12);

    phone.advance(CLOCK_REMEASURE_MS - 1_000);
    expect(await refreshClockOffset(phone.session)).toBe(false);
    expect(phone.reads()).toBe(reads);

    skew = 400; // the phone's clock drifted (or NTP stepped it)
    phone.advance(2_000);
    expect(await refreshClockOffset(phone.session)).toBe(true);
    expect(Math.abs(phone.session.offset.offsetMs - 400)).toBeLessThanOrEqual(
      phone.session.offset.uncertaintyMs,
    );
  });
});
