/**
 * Run values for the run view's unit tests, shaped like the core's (shared/domain/run): a run of
 * two phones x two scenarios, attempts in any state, progress events.
 */
import type {
  AttemptView,
  RunDetail,
  RunProgressEvent,
  RunStatus,
  RunSummary,
  RunTotalsByKind,
} from '../../../../shared/domain/run';
import type { RunPhone, Verdict, VerdictKind } from '../../../../shared/runs/types';

export const RUN_ID = '0b6f5a8e-3c1d-4a8e-9b1f-2f6f3d1c9a10';
export const MI: RunPhone = {
  serial: '127.0.0.1:40001',
  vendor: 'Xiaomi',
  model: '23046RP50C',
  channel: 'xiaomi',
};
export const PIXEL: RunPhone = {
  serial: '127.0.0.1:40002',
  vendor: 'Google',
  model: 'Pixel 8',
  channel: 'fcm',
};
export const SCENARIOS = ['background-c2c-text', 'notifications-blocked'] as const;

export function verdict(
  kind: VerdictKind,
  key: Verdict['reason']['key'] = 'pass.shown',
  values: Verdict['reason']['values'] = { latency: '1.2 s' },
): Verdict {
  return {
    kind,
    reason: { key, values },
    details: {
      delivered: kind === 'pass' ? true : null,
      latencyMs: null,
      record: null,
      expected: null,
      checks: null,
      error: null,
    },
  };
}

export function attempt(
  id: number,
  serial: string,
  scenarioId: string,
  repeat: number,
  change: Partial<AttemptView> = {},
): AttemptView {
  return {
    id,
    serial,
    scenarioId,
    repeat,
    status: 'pending',
    step: null,
    verdict: null,
    startedAt: null,
    finishedAt: null,
    latencyMs: null,
    ...change,
  };
}

export function totals(change: Partial<Record<keyof RunTotalsByKind, number>> = {}): RunTotalsByKind {
  return {
    pass: 0,
    fail: 0,
    blocked: 0,
    'device-lost': 0,
    inconclusive: 0,
    'not-run': 0,
    pending: 0,
    running: 0,
    ...change,
  };
}

export function summary(change: Partial<RunSummary> = {}, status: RunStatus = 'running'): RunSummary {
  return {
    id: RUN_ID,
    planName: 'nightly offline push',
    status,
    createdAt: '2026-01-05T10:00:00.000Z',
    updatedAt: '2026-01-05T10:00:00.000Z',
    finishedAt: null,
    phones: 2,
    scenarios: 2,
    repeats: 1,
    attempts: 4,
    totals: totals({ pending: 4 }),
    error: null,
    ...change,
  };
}

/** Every attempt pending: 1-2 on the Xiaomi, 3-4 on the Pixel. */
export function detail(change: Partial<RunDetail> = {}): RunDetail {
  return {
    summary: summary(),
    phones: [MI, PIXEL],
    scenarioIds: [...SCENARIOS],
    attempts: [
      attempt(1, MI.serial, SCENARIOS[0], 1),
      attempt(2, MI.serial, SCENARIOS[1], 1),
      attempt(3, PIXEL.serial, SCENARIOS[0], 1),
      attempt(4, PIXEL.serial, SCENARIOS[1], 1),
    ],
    ...change,
  };
}

export function progress(
  view: AttemptView | null,
  change: Partial<RunSummary> = {},
  prompt: RunProgressEvent['prompt'] = null,
): RunProgressEvent {
  return { runId: change.id ?? RUN_ID, summary: summary(change), attempt: view, prompt };
}
