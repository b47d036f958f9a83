/**
 * Keeps a phone's clock offset fresh during long runs: phone clocks drift (and NTP steps them),
 * so the offset is measured again between attempts, when nothing else uses this phone's link,
 * once it is older than CLOCK_REMEASURE_MS. A failed re-measure keeps the last offset.
 */
import { measureClockOffset } from '../capture/clock-offset';
import type { PhoneSession } from './phone-session';

export const CLOCK_REMEASURE_MS = 10 * 60_000;

/** Measures the offset if it was never tried or is older than CLOCK_REMEASURE_MS. */
export async function refreshClockOffset(session: PhoneSession): Promise<boolean> {
  const { clock } = session.run.deps;
  const now = clock.now();
  if (session.offsetAt !== null && now - session.offsetAt < CLOCK_REMEASURE_MS) return false;
  session.offsetAt = now;
  try {
    session.offset = await measureClockOffset(session.io, () => clock.now());
    return true;
  } catch {
    return false;
  }
}
