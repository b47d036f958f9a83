/**
 * A 50 phones x 100 scenarios run (5,000 cells) built with the real shared/matrix builder, for the
 * large-matrix renderer test and the matrix render bench.
 */
import type { AttemptView, RunDetail, RunSummary } from '../../../shared/domain/run';
import { buildMatrix, type MatrixAttempt, type MatrixPhoneInput } from '../../../shared/matrix/build';
import type { RunMatrix } from '../../../shared/matrix/types';
import type { VerdictKind } from '../../../shared/runs/types';
import { SCENARIOS } from '../../../shared/scenarios/catalog';

export const BIG_RUN_ID = 'bbbbbbbb-0000-4000-8000-000000000050';
const VENDORS: ReadonlyArray<readonly [string, MatrixPhoneInput['channel']]> = [
  ['Xiaomi', 'xiaomi'],
  ['HUAWEI', 'huawei'],
  ['HONOR', 'honor'],
  ['OPPO', 'oppo'],
  ['vivo', 'vivo'],
  ['Meizu', 'meizu'],
  ['samsung', 'fcm'],
  ['Google', 'fcm'],
  ['Nothing', 'fcm'],
  ['Apple', 'apns'],
];
const VERDICTS: readonly VerdictKind[] = [
  'pass',
  'pass',
  'pass',
  'pass',
  'fail',
  'inconclusive',
  'pass',
  'blocked',
];

/** 100 column ids: the catalog, then numbered variants of it ("id~2", as older runs stored). */
const COLUMN_IDS = Array.from({ length: 100 }, (_, i) => {
  const base = SCENARIOS[i % SCENARIOS.length]?.id ?? 'background-c2c-text';
  return i < SCENARIOS.length ? base : `${base}~${Math.floor(i / SCENARIOS.length) + 1}`;
});
const PHONES: MatrixPhoneInput[] = Array.from({ length: 50 }, (_, i) => {
  const [vendor, channel] = VENDORS[i % VENDORS.length] ?? ['Google', 'fcm'];
  return {
    serial: `phone-${String(i).padStart(2, '0')}`,
    vendor,
    model: `Model ${i}`,
    channel,
    details: { rom: { name: 'ROM', version: `${i}.0` }, androidVersion: String(10 + (i % 6)) },
  };
});

export function bigRun(): { matrix: RunMatrix; detail: RunDetail; summary: RunSummary } {
  const attempts: MatrixAttempt[] = [];
  const views: AttemptView[] = [];
  PHONES.forEach((phone, p) =>
    COLUMN_IDS.forEach((scenarioId, c) => {
      const id = p * 1000 + c + 1;
      const verdict = VERDICTS[(p + c) % VERDICTS.length] ?? 'pass';
      const latencyMs = verdict === 'pass' ? 200 + ((p * 37 + c * 11) % 1800) : null;
      attempts.push({
        id,
        serial: phone.serial,
        scenarioId,
        repeat: 1,
        ordinal: c,
        verdict,
        reason: null,
        delivered: verdict === 'pass' ? true : verdict === 'fail' ? false : null,
        latencyMs,
      });
      views.push({
        id,
        serial: phone.serial,
        scenarioId,
        repeat: 1,
        status: 'done',
        step: 'judge',
        verdict: null,
        startedAt: 1,
        finishedAt: 2,
        latencyMs,
      });
    }),
  );
  const createdAt = '2026-01-05T10:00:00.000Z';
  const matrix = buildMatrix({
    runId: BIG_RUN_ID,
    planName: 'fleet',
    package: 'com.example.app',
    status: 'completed',
    createdAt,
    finishedAt: createdAt,
    phones: PHONES,
    scenarioIds: COLUMN_IDS,
    attempts,
  });
  const totals = {
    pass: 0,
    fail: 0,
    blocked: 0,
    'device-lost': 0,
    inconclusive: 0,
    'not-run': 0,
    pending: 0,
    running: 0,
  };
  const summary: RunSummary = {
    id: BIG_RUN_ID,
    planName: 'fleet',
    status: 'completed',
    createdAt,
    updatedAt: createdAt,
    finishedAt: createdAt,
    phones: 50,
    scenarios: 100,
    repeats: 1,
    attempts: 5000,
    totals,
    error: null,
  };
  return {
    matrix,
    summary,
    detail: {
      summary,
      phones: PHONES.map((p) => ({ serial: p.serial, vendor: p.vendor, model: p.model, channel: p.channel })),
      scenarioIds: COLUMN_IDS,
      attempts: views,
    },
  };
}
