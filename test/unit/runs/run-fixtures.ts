/** A small run result for the stats and JUnit tests. */
import type { AttemptResult, RunResult, Verdict, VerdictKind } from '../../../shared/runs/types';

export function verdictOf(
  kind: VerdictKind,
  delivered: boolean | null,
  latencyMs: number | null = null,
): Verdict {
  const key = (
    {
      pass: 'pass.shown',
      fail: 'fail.not-shown-in-time',
      blocked: 'blocked.setup-failed',
      'device-lost': 'device-lost.lost',
      inconclusive: 'inconclusive.capture-error',
      'not-run': 'not-run.not-applicable',
    } as const
  )[kind];
  const values: Record<string, string> =
    kind === 'pass'
      ? { latency: `${latencyMs ?? 0} ms` }
      : kind === 'fail'
        ? { within: '60000 ms' }
        : { code: 'INTERNAL', message: 'x', why: 'y' };
  return {
    kind,
    reason: { key, values },
    details: { delivered, latencyMs, record: null, expected: null, checks: null, error: null },
  };
}

export function attempt(
  serial: string,
  scenarioId: string,
  repeat: number,
  verdict: Verdict,
  durationMs = 1500,
): AttemptResult {
  return {
    serial,
    scenarioId,
    repeat,
    verdict,
    startedAt: Date.UTC(2026, 0, 2, 3, 4, 5) + repeat * 10_000,
    durationMs,
  };
}

export function run(attempts: AttemptResult[], extra: Partial<RunResult> = {}): RunResult {
  return {
    planName: 'nightly',
    startedAt: Date.UTC(2026, 0, 2, 3, 4, 5),
    finishedAt: Date.UTC(2026, 0, 2, 3, 9, 5),
    repeats: 3,
    phones: [
      { serial: 'A1', vendor: 'Xiaomi', model: '24031PN0DC', channel: 'xiaomi' },
      { serial: 'B2', vendor: 'HUAWEI', model: 'ELS-AN00', channel: 'huawei' },
    ],
    attempts,
    ...extra,
  };
}
