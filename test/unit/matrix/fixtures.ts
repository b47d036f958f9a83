/** Hand-made matrix inputs for the pure model tests. */
import type { MatrixAttempt, MatrixInput, MatrixPhoneInput } from '../../../shared/matrix/build';
import type { ReasonKey, VerdictKind } from '../../../shared/runs/types';

const REASONS: Readonly<Record<VerdictKind, ReasonKey>> = {
  pass: 'pass.shown',
  fail: 'fail.not-shown-in-time',
  blocked: 'blocked.setup-failed',
  'device-lost': 'device-lost.lost',
  inconclusive: 'inconclusive.capture-error',
  'not-run': 'not-run.not-applicable',
};

let nextId = 1;

export interface AttemptSpec {
  readonly verdict: VerdictKind | null;
  readonly repeat?: number;
  readonly ordinal?: number;
  readonly latencyMs?: number | null;
  readonly delivered?: boolean | null;
  readonly key?: ReasonKey;
  readonly values?: Record<string, string | number>;
}

/** One attempt; delivered defaults to what the verdict usually means (pass shown, fail not). */
export function att(serial: string, scenarioId: string, spec: AttemptSpec): MatrixAttempt {
  const v = spec.verdict;
  const delivered =
    spec.delivered !== undefined ? spec.delivered : v === 'pass' ? true : v === 'fail' ? false : null;
  return {
    id: nextId++,
    serial,
    scenarioId,
    repeat: spec.repeat ?? 1,
    ordinal: spec.ordinal ?? 0,
    verdict: v,
    reason: v === null ? null : { key: spec.key ?? REASONS[v], values: spec.values ?? {} },
    delivered,
    latencyMs: spec.latencyMs ?? (delivered === true ? 1000 : null),
  };
}

export const XIAOMI: MatrixPhoneInput = {
  serial: 'mi-1',
  vendor: 'Xiaomi',
  model: '24031PN0DC',
  channel: 'xiaomi',
  details: {
    brand: 'Redmi',
    marketingName: 'Redmi K70',
    rom: { name: 'HyperOS', version: '2.0.1' },
    androidVersion: '14',
  },
};
export const PIXEL: MatrixPhoneInput = {
  serial: 'px-1',
  vendor: 'Google',
  model: 'Pixel 8',
  channel: 'fcm',
  details: null,
};
export const SAMSUNG: MatrixPhoneInput = {
  serial: 'sm-1',
  vendor: 'samsung',
  model: 'SM-S9180',
  channel: 'fcm',
};
export const HUAWEI: MatrixPhoneInput = {
  serial: 'hw-1',
  vendor: 'HUAWEI',
  model: 'ALN-AL00',
  channel: 'huawei',
};
export const VIVO: MatrixPhoneInput = { serial: 'vv-1', vendor: 'vivo', model: 'V2309A', channel: 'vivo' };

export function input(over: Partial<MatrixInput> & Pick<MatrixInput, 'phones' | 'attempts'>): MatrixInput {
  return {
    runId: 'run-1',
    planName: 'nightly',
    package: 'com.example.chat',
    status: 'completed',
    createdAt: '2026-03-01T09:00:00.000Z',
    finishedAt: '2026-03-01T10:00:00.000Z',
    scenarioIds: [...new Set(over.attempts.map((a) => a.scenarioId))],
    ...over,
  };
}
