/**
 * Report export benchmark (issue 5): one run of 100,000 results (50 phones x 100 scenarios x 20
 * repeats) as a RunMatrix (buildMatrix over generated attempts), then the self-contained HTML
 * report of it: every cell, every failing cell's card (the first 100 with a ~100 kB screenshot,
 * as the exporter embeds at most), roll-ups and hints. Target: HTML export <= 2 s (median of 3).
 * The CSV with every attempt (100,000 rows) is timed too. Pure functions, no database: the
 * query behind the matrix is bench/matrix.ts's.
 */
import { performance } from 'node:perf_hooks';
import { renderCsvReport } from '../electron/lab/reports/csv-report';
import { MAX_THUMBNAILS } from '../electron/lab/reports/gather-report';
import { renderHtmlReport } from '../electron/lab/reports/html-report';
import { FAILING_STATUSES, type ReportFailure } from '../electron/lab/reports/report-types';
import type { AttemptView, RunSummary } from '../shared/domain/run';
import { buildMatrix, type MatrixAttempt, type MatrixPhoneInput } from '../shared/matrix/build';
import type { VerdictKind } from '../shared/runs/types';
import { SCENARIOS } from '../shared/scenarios/catalog';
import type { TargetChannel } from '../shared/scenarios/types';
import { FLEET_MAKERS, FLEET_PHONES, FLEET_ROUNDS, FLEET_SCENARIOS, FLEET_T0, seededRandom } from './fleet';

export interface ReportBenchResult {
  readonly attempts: number;
  readonly phones: number;
  readonly scenarios: number;
  readonly repeats: number;
  readonly cells: number;
  readonly failures: number;
  readonly thumbnails: number;
  readonly htmlMs: number;
  readonly htmlBytes: number;
  readonly targetMs: number;
  readonly csvMs: number;
  readonly csvBytes: number;
}

const PHONES = FLEET_PHONES;
const SCENARIO_COUNT = FLEET_SCENARIOS;
const REPEATS = FLEET_ROUNDS;
const TARGET_MS = 2000;
const T0 = FLEET_T0;
const MAKERS = FLEET_MAKERS;
const random = seededRandom;

const REASONS = {
  pass: 'pass.shown',
  fail: 'fail.not-shown-in-time',
  blocked: 'blocked.setup-failed',
  'device-lost': 'device-lost.lost',
  inconclusive: 'inconclusive.missing-may-be-dropped',
  'not-run': 'not-run.not-applicable',
} as const;

/** Most cells pass every repeat; a flaky few fail or stay undecided now and then. */
function attemptsOf(phones: readonly MatrixPhoneInput[], ids: readonly string[]): MatrixAttempt[] {
  const rand = random(7);
  const out: MatrixAttempt[] = [];
  let id = 1;
  for (const phone of phones) {
    let ordinal = 0;
    for (const scenarioId of ids) {
      const flaky = rand() < 0.12;
      for (let repeat = 1; repeat <= REPEATS; repeat++) {
        const r = rand();
        const kind: VerdictKind =
          !flaky || r < 0.85 ? 'pass' : r < 0.93 ? 'fail' : r < 0.97 ? 'inconclusive' : 'blocked';
        const latencyMs = kind === 'pass' ? Math.round(300 + rand() * 4000) : null;
        const values: Record<string, string> =
          kind === 'pass'
            ? { latency: `${latencyMs} ms` }
            : kind === 'fail'
              ? { within: '60 s' }
              : { why: 'generated', message: 'generated' };
        out.push({
          id: id++,
          serial: phone.serial,
          scenarioId,
          repeat,
          ordinal: ordinal++,
          verdict: kind,
          reason: { key: REASONS[kind], values },
          delivered: kind === 'pass' ? true : kind === 'fail' ? false : null,
          latencyMs,
        });
      }
    }
  }
  return out;
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

function medianOf3<T>(fn: () => T): { ms: number; value: T } {
  const runs = Array.from({ length: 3 }, () => {
    const start = performance.now();
    const value = fn();
    return { ms: performance.now() - start, value };
  });
  return { ms: Math.round(median(runs.map((r) => r.ms))), value: (runs[0] as { value: T }).value };
}

export async function benchReport(): Promise<ReportBenchResult> {
  const ids = Array.from({ length: SCENARIO_COUNT }, (_, i) => {
    const base = (SCENARIOS[i % SCENARIOS.length] as { id: string }).id;
    return i < SCENARIOS.length ? base : `${base}~${Math.floor(i / SCENARIOS.length)}`;
  });
  const phones: MatrixPhoneInput[] = Array.from({ length: PHONES }, (_, i) => {
    const [vendor, model, channel] = MAKERS[i % MAKERS.length] as [string, string, TargetChannel];
    return {
      serial: `bench-${String(i).padStart(2, '0')}`,
      vendor,
      model,
      channel,
      details: {
        brand: vendor,
        marketingName: null,
        rom: { name: 'Android', version: '14' },
        androidVersion: '14',
      },
    };
  });
  const attempts = attemptsOf(phones, ids);
  const matrix = buildMatrix({
    runId: 'bench-report',
    planName: 'release sign-off',
    package: 'com.example.chat',
    status: 'completed',
    createdAt: new Date(T0).toISOString(),
    finishedAt: new Date(T0 + 3_600_000).toISOString(),
    phones,
    scenarioIds: ids,
    attempts,
  });
  // A screenshot-sized data URL (the exporter embeds PNGs up to 200 kB, at most MAX_THUMBNAILS).
  const thumbnail = `data:image/png;base64,${Buffer.alloc(100_000, 7).toString('base64')}`;
  const failing = matrix.cells.filter((c) => (FAILING_STATUSES as readonly string[]).includes(c.status));
  const failures: ReportFailure[] = failing.map((cell, i) => ({
    cell,
    attempt: { id: cell.attemptIds[0] ?? 0, repeat: 1 },
    reason: cell.reason,
    expected: {
      title: { value: 'Denny', match: 'exact' },
      text: { value: 'PushLab offline check', match: 'contains' },
      channelId: 'pushlab_im',
    },
    actual:
      cell.status === 'fail'
        ? null
        : { title: 'Denny', text: 'PushLab offline check', channelId: 'pushlab_public', postTime: T0 },
    seen: cell.status === 'fail' ? 'nothing' : 'captured',
    checks: { title: 'ok', text: 'ok', channel: 'mismatch', sound: 'not-checked' },
    thumbnail:
      i < MAX_THUMBNAILS
        ? { kind: 'image', dataUrl: thumbnail, sizeBytes: 100_000 }
        : { kind: 'skipped', path: `screenshot/bench-${i}.png`, sizeBytes: 150_000 },
  }));
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
  for (const a of attempts) totals[a.verdict ?? 'pending'] += 1;
  const summary: RunSummary = {
    id: matrix.runId,
    planName: matrix.planName,
    status: 'completed',
    createdAt: matrix.createdAt,
    updatedAt: matrix.createdAt,
    finishedAt: matrix.finishedAt,
    phones: PHONES,
    scenarios: SCENARIO_COUNT,
    repeats: REPEATS,
    attempts: attempts.length,
    totals,
    error: null,
  };

  const html = medianOf3(() =>
    renderHtmlReport({ matrix, summary, signOff: null, failures, locale: 'en', generatedAt: T0 }),
  );
  const views: AttemptView[] = attempts.map((a) => ({
    id: a.id,
    serial: a.serial,
    scenarioId: a.scenarioId,
    repeat: a.repeat,
    status: 'done',
    step: 'judge',
    startedAt: T0,
    finishedAt: T0 + 1000,
    latencyMs: a.latencyMs,
    verdict: {
      kind: a.verdict ?? 'not-run',
      reason: a.reason ?? { key: 'not-run.not-applicable', values: { why: '-' } },
      details: {
        delivered: a.delivered,
        latencyMs: a.latencyMs,
        record: null,
        expected: null,
        checks: null,
        error: null,
      },
    },
  }));
  const csv = medianOf3(() => renderCsvReport({ matrix, attempts: views }));
  return {
    attempts: attempts.length,
    phones: PHONES,
    scenarios: SCENARIO_COUNT,
    repeats: REPEATS,
    cells: matrix.cells.length,
    failures: failures.length,
    thumbnails: Math.min(MAX_THUMBNAILS, failures.length),
    htmlMs: html.ms,
    htmlBytes: Buffer.byteLength(html.value),
    targetMs: TARGET_MS,
    csvMs: csv.ms,
    csvBytes: Buffer.byteLength(csv.value),
  };
}
