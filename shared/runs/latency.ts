/**
 * A send -> shown latency with its uncertainty. The phone's clock offset is only known within
 * ± its uncertainty, so a latency is an interval; a push cannot show before it was sent, so the
 * interval is cut at 0. Stored as its middle and half-width; worded "≤ N ms" when it reaches 0,
 * never as a negative figure.
 */
export interface BoundedLatency {
  /** Middle of the possible interval, >= 0. */
  readonly latencyMs: number;
  /** Half-width of the interval; null when the clock offset was not known. */
  readonly uncertaintyMs: number | null;
}

/**
 * The latency interval from a raw figure and its ± (null/infinite = unknown). Null when the
 * figure cannot be true (the whole interval lies before the send) or is not a number.
 */
export function boundLatency(
  rawMs: number | null | undefined,
  uncertaintyMs: number | null | undefined,
): BoundedLatency | null {
  if (typeof rawMs !== 'number' || !Number.isFinite(rawMs)) return null;
  const u =
    typeof uncertaintyMs === 'number' && Number.isFinite(uncertaintyMs) && uncertaintyMs >= 0
      ? uncertaintyMs
      : null;
  if (u === null) return rawMs < 0 ? null : { latencyMs: rawMs, uncertaintyMs: null };
  const hi = rawMs + u;
  if (hi < 0) return null;
  const lo = Math.max(0, rawMs - u);
  return { latencyMs: (lo + hi) / 2, uncertaintyMs: (hi - lo) / 2 };
}

/** The earliest the push can have shown (for "late" verdicts: only a sure lateness fails). */
export function earliestLatency(latency: BoundedLatency): number {
  return Math.max(0, latency.latencyMs - (latency.uncertaintyMs ?? 0));
}

/** "850 ms", "850 ± 12 ms", or "≤ 24 ms" when the interval reaches 0. Never below 0. */
export function formatLatency(latencyMs: number, uncertaintyMs: number | null | undefined): string {
  const mid = Math.max(0, latencyMs);
  if (uncertaintyMs == null || !Number.isFinite(uncertaintyMs)) return `${Math.round(mid)} ms`;
  const u = Math.ceil(uncertaintyMs);
  if (mid - uncertaintyMs <= 0.5) return `≤ ${Math.ceil(mid + uncertaintyMs)} ms`;
  return u === 0 ? `${Math.round(mid)} ms` : `${Math.round(mid)} ± ${u} ms`;
}
