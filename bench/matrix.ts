/**
 * Sign-off matrix benchmark (issue 5): 100,000 stored results (50 phones x 100 scenarios x 20
 * runs, one repeat) written through the real RunRepository into a temporary database, with a
 * doctor snapshot per phone and run. Then, on the newest run (median of 5 each, after one warm-up):
 * - the matrix query (MatrixRepository.cells: the lean SELECT of one run). Target <= 50 ms.
 * - buildMatrix on those rows (the pure model; the renderer's budget is 200 ms after data arrives).
 * - MatrixService.matrix (query + phones + doctor snapshots + build) and compare (two runs, drift).
 * - applyAttempt: one attempt event folded into the run's matrix as if it were still running (what
 *   the renderer does instead of reading the whole matrix again).
 * Scenario ids are the catalog's 23, extended with "~n" to reach 100 (the model keeps unknown ids
 * as variants of their scenario). Verdicts follow a fixed pseudo-random mix (mostly passes).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MatrixService } from '../electron/lab/runs/matrix/matrix-service';
import { matrixInput, snapshotsOf } from '../electron/lab/runs/matrix/matrix-input';
import { openDatabase } from '../electron/lab/store/db';
import { createRepositories } from '../electron/lab/store/repositories';
import type { DoctorCheck } from '../shared/domain/doctor';
import type { AttemptView } from '../shared/domain/run';
import { applyAttempt } from '../shared/matrix/apply-attempt';
import { buildMatrix } from '../shared/matrix/build';
import { parsePlan } from '../shared/runs/parse-plan';
import type { RunPhone, Verdict, VerdictKind } from '../shared/runs/types';
import { SCENARIOS } from '../shared/scenarios/catalog';
import type { TargetChannel } from '../shared/scenarios/types';
import { FLEET_MAKERS, FLEET_PHONES, FLEET_ROUNDS, FLEET_SCENARIOS, FLEET_T0, seededRandom } from './fleet';

export interface MatrixBenchResult {
  readonly results: number;
  readonly runs: number;
  readonly phones: number;
  readonly scenarios: number;
  readonly writeMs: number;
  readonly queryMs: number;
  readonly queryTargetMs: number;
  readonly buildMs: number;
  readonly foldMs: number;
  readonly serviceMs: number;
  readonly compareMs: number;
  readonly cells: number;
  readonly changes: number;
}

const PHONES = FLEET_PHONES;
const SCENARIO_COUNT = FLEET_SCENARIOS;
const RUNS = FLEET_ROUNDS;
const T0 = FLEET_T0;
const MAKERS = FLEET_MAKERS;
const random = seededRandom;

function verdict(kind: VerdictKind, latencyMs: number | null): Verdict {
  const reasons = {
    pass: 'pass.shown',
    fail: 'fail.not-shown-in-time',
    blocked: 'blocked.setup-failed',
    'device-lost': 'device-lost.lost',
    inconclusive: 'inconclusive.missing-may-be-dropped',
    'not-run': 'not-run.not-applicable',
  } as const;
  const values: Record<string, string> =
    kind === 'pass'
      ? { latency: `${latencyMs} ms` }
      : kind === 'fail'
        ? { within: '60 s' }
        : { why: 'generated', message: 'generated' };
  const delivered = kind === 'pass' ? true : kind === 'fail' ? false : null;
  return {
    kind,
    reason: { key: reasons[kind], values },
    details: {
      delivered,
      latencyMs,
      record: delivered
        ? { title: 'Denny', text: 'PushLab offline check', channelId: 'pushlab_im', postTime: T0 }
        : null,
      expected: null,
      checks: null,
      error: null,
    },
  };
}

function pick(r: number): VerdictKind {
  return r < 0.9 ? 'pass' : r < 0.95 ? 'fail' : r < 0.98 ? 'inconclusive' : r < 0.99 ? 'blocked' : 'not-run';
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

function timed<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

/** One untimed warm-up call (the app's core is a long-lived process), then the median of 5. */
function medianOf5<T>(fn: () => T): { ms: number; value: T } {
  fn();
  const runs = Array.from({ length: 5 }, () => timed(fn));
  return { ms: median(runs.map((r) => r.ms)), value: (runs[0] as { value: T }).value };
}

export async function benchMatrix(): Promise<MatrixBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'pushlab-bench-matrix-'));
  const db = openDatabase(join(dir, 'pushlab.db'));
  try {
    const repos = createRepositories(db);
    const plan = parsePlan({
      name: 'release sign-off',
      app: {
        package: 'com.example.chat',
        accounts: { vendors: { fcm: { account: 'qa_1' } } },
        login: { kind: 'operator', prompt: 'Log in' },
        push: { highClassChannelIds: ['pushlab_im'] },
      },
      phones: { vendors: ['fcm'] },
      scenarios: 'all',
      repeats: 1,
      sender: { kind: 'manual' },
    });
    const ids = Array.from({ length: SCENARIO_COUNT }, (_, i) => {
      const base = (SCENARIOS[i % SCENARIOS.length] as { id: string }).id;
      return i < SCENARIOS.length ? base : `${base}~${Math.floor(i / SCENARIOS.length)}`;
    });
    const phones: RunPhone[] = Array.from({ length: PHONES }, (_, i) => {
      const [vendor, model, channel] = MAKERS[i % MAKERS.length] as [string, string, TargetChannel];
      return { serial: `bench-${String(i).padStart(2, '0')}`, vendor, model, channel };
    });
    const checks: DoctorCheck[] = Array.from({ length: 25 }, (_, i) => ({
      id: `check.${i}`,
      status: 'ok',
      title: { key: 'check.title', values: {} },
      evidence: `setting_${i}=1`,
      advice: { key: 'check.advice', values: {} },
      fixes: [],
      settingsPath: null,
    }));
    const rand = random(42);
    const runIds: string[] = [];
    const write = timed(() => {
      for (let r = 0; r < RUNS; r++) {
        const runId = `bench-run-${String(r).padStart(2, '0')}`;
        const created = T0 + r * 86_400_000;
        runIds.push(runId);
        repos.runs.createRun({
          id: runId,
          plan,
          createdAt: new Date(created).toISOString(),
          ownerPid: null,
          phones,
          phoneContexts: Object.fromEntries(
            phones.map((p) => [
              p.serial,
              {
                context: { channel: p.channel, rom: null, sdk: 34 },
                details: {
                  brand: p.vendor,
                  marketingName: null,
                  rom: { name: 'Android', version: '14' },
                  androidVersion: '14',
                  sdk: 34,
                },
              },
            ]),
          ),
          attempts: phones.flatMap((p) =>
            ids.map((scenarioId, ordinal) => ({ serial: p.serial, scenarioId, repeat: 1, ordinal })),
          ),
        });
        for (const p of phones) {
          repos.doctor.save({
            id: null,
            serial: p.serial,
            package: plan.app.package,
            takenAt: new Date(created + 1000).toISOString(),
            complete: true,
            incompleteReason: null,
            phone: null,
            checks,
          });
        }
        for (const a of repos.runs.pending(runId)) {
          const kind = pick(rand());
          const latency = kind === 'pass' ? Math.round(300 + rand() * 4000) : null;
          repos.runs.finishAttempt(a.id, {
            verdict: verdict(kind, latency),
            finishedAt: created + 2000 + a.id,
            latencyMs: latency,
          });
        }
        repos.runs.setStatus(runId, 'completed', new Date(created + 3_600_000).toISOString());
      }
    });
    const results = (
      db.prepare("SELECT count(*) AS n FROM run_attempts WHERE status = 'done'").get() as { n: number }
    ).n;
    const latest = runIds[runIds.length - 1] as string;
    const previous = runIds[runIds.length - 2] as string;
    db.pragma('optimize');

    const query = medianOf5(() => repos.matrix.cells(latest));
    const head = repos.matrix.head(latest);
    if (!head) throw new Error('bench run missing');
    const phoneRows = repos.matrix.phones(latest);
    const input = matrixInput(
      head,
      phoneRows,
      query.value,
      null,
      snapshotsOf(
        repos.matrix,
        head,
        phoneRows.map((p) => p.serial),
      ),
    );
    const build = medianOf5(() => buildMatrix(input));
    // The same run while it runs (the matrix carries its basis), and one attempt's verdict changing.
    const live = buildMatrix({ ...input, status: 'running' });
    const last = input.attempts[input.attempts.length - 1];
    if (!last) throw new Error('bench run has no attempts');
    const event: AttemptView = {
      id: last.id,
      serial: last.serial,
      scenarioId: last.scenarioId,
      repeat: last.repeat,
      status: 'done',
      step: 'judge',
      verdict: verdict(last.verdict === 'fail' ? 'pass' : 'fail', last.verdict === 'fail' ? 900 : null),
      startedAt: null,
      finishedAt: null,
      latencyMs: last.verdict === 'fail' ? 900 : null,
    };
    const fold = medianOf5(() => applyAttempt(live, event));
    if (fold.value === null || fold.value === live) throw new Error('bench attempt was not folded');
    const service = new MatrixService({
      runs: repos.matrix,
      signoffs: repos.signoffs,
      clock: { now: () => Date.now(), iso: () => new Date().toISOString() },
    });
    const full = medianOf5(() => service.matrix(latest));
    const compare = medianOf5(() => service.compare(previous, latest));
    return {
      results,
      runs: RUNS,
      phones: PHONES,
      scenarios: SCENARIO_COUNT,
      writeMs: Math.round(write.ms),
      queryMs: Math.round(query.ms * 10) / 10,
      queryTargetMs: 50,
      buildMs: Math.round(build.ms * 10) / 10,
      foldMs: Math.round(fold.ms * 100) / 100,
      serviceMs: Math.round(full.ms * 10) / 10,
      compareMs: Math.round(compare.ms * 10) / 10,
      cells: full.value.cells.length,
      changes: compare.value.changes.length,
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
