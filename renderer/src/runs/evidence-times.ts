/**
 * Evidence JSON as people read it: epoch-millisecond times (sentAt, seenAt, postTime…) become the
 * local date and time with milliseconds, so "1765084800123" reads "2026-12-07 14:20:00.123".
 * Durations (latencyMs, offsetMs) and other numbers stay as they are. Pure.
 */

/** Keys that hold a point in time: "at", or names ending in At / Time / When. */
const TIME_KEY = /^(at|when|time)$|(At|Time|When)$/;
/** Epoch milliseconds between 2000 and 2100: anything else is not a wall-clock time. */
const MIN_MS = Date.UTC(2000, 0, 1);
const MAX_MS = Date.UTC(2100, 0, 1);

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** "2026-12-07 14:20:00.123" in the computer's time zone. */
export function localTimestamp(ms: number): string {
  const d = new Date(ms);
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${date} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

const isEpochMs = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= MIN_MS && value < MAX_MS;

/** A copy of `data` with its time fields as local times (depth-limited: evidence is small JSON). */
export function withLocalTimes(data: unknown, depth = 0): unknown {
  if (depth > 20 || data === null || typeof data !== 'object') return data;
  if (Array.isArray(data)) return data.map((item) => withLocalTimes(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    out[key] =
      TIME_KEY.test(key) && isEpochMs(value) ? localTimestamp(value) : withLocalTimes(value, depth + 1);
  }
  return out;
}
