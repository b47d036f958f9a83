/**
 * A small run as a real lab produces it (for the papercut and zh-CN screen tests): phones with and
 * without marketing names and with vendor spellings as phones report them ("meizu", "samsung"),
 * the whole scenario catalog as columns (wide enough to scroll sideways), lost phones and
 * blocked cells in a completed run, latencies for the chart, and one attempt with evidence.
 * Served by wrapping the fake core (see `withRun`), like matrix-large.test.ts does.
 */
import type { LabCore, LabInvoke } from '../../../electron/lab/api';
import type { AttemptDetail, AttemptView, RunDetail, RunSummary } from '../../../shared/domain/run';
import { buildMatrix, type MatrixAttempt, type MatrixPhoneInput } from '../../../shared/matrix/build';
import type { RunMatrix } from '../../../shared/matrix/types';
import { ok } from '../../../shared/result';
import type { ReasonKey, Verdict, VerdictKind } from '../../../shared/runs/types';
import { SCENARIOS } from '../../../shared/scenarios/catalog';

export const LAB_RUN_ID = 'aaaaaaaa-0000-4000-8000-000000000009';
/** What the blocked cells' set-up step reported (the phone's own words, quoted by the reason). */
export const BLOCKED_MESSAGE = 'Error: Activity class {com.pushlab.demo/.Main} does not exist.';
export const RERUN_ID = 'aaaaaaaa-0000-4000-8000-000000000010';
export const EVIDENCE_TIME = Date.UTC(2026, 0, 5, 10, 0, 3, 45);

export const LAB_PHONES: readonly MatrixPhoneInput[] = [
  {
    serial: 'mi-23043RP34G',
    vendor: 'Xiaomi',
    model: '23043RP34G',
    channel: 'xiaomi',
    details: {
      brand: 'Redmi',
      marketingName: 'Redmi Note 12',
      rom: { name: 'HyperOS', version: '1.0.5' },
      androidVersion: '14',
    },
  },
  {
    serial: 'mi-2312DRA50C',
    vendor: 'Xiaomi',
    model: '2312DRA50C',
    channel: 'xiaomi',
    details: {
      brand: 'Xiaomi',
      marketingName: null,
      rom: { name: 'HyperOS', version: '2.0.8' },
      androidVersion: '15',
    },
  },
  {
    serial: 'meizu-21',
    vendor: 'meizu',
    model: 'MEIZU 21',
    channel: 'meizu',
    details: {
      brand: 'meizu',
      marketingName: null,
      rom: { name: 'Flyme', version: '11' },
      androidVersion: '14',
    },
  },
  {
    serial: 'samsung-s23',
    vendor: 'samsung',
    model: 'SM-S911B',
    channel: 'fcm',
    details: {
      brand: 'samsung',
      marketingName: null,
      rom: { name: 'One UI', version: '6.1' },
      androidVersion: '14',
    },
  },
  {
    serial: 'pixel-8',
    vendor: 'Google',
    model: 'Pixel 8',
    channel: 'fcm',
    details: {
      brand: 'google',
      marketingName: 'Pixel 8',
      rom: { name: 'Android', version: '15' },
      androidVersion: '15',
    },
  },
];

const SCENARIO_IDS = SCENARIOS.map((s) => s.id);
const REASON: Readonly<Record<VerdictKind, ReasonKey>> = {
  pass: 'pass.shown',
  fail: 'fail.not-shown-in-time',
  blocked: 'blocked.setup-failed',
  'device-lost': 'device-lost.lost',
  inconclusive: 'inconclusive.undecided',
  'not-run': 'not-run.not-applicable',
};

/** The Meizu was lost halfway; the Samsung's first scenarios were blocked; one Xiaomi cell failed. */
function verdictOf(p: number, c: number): VerdictKind {
  if (p === 2 && c >= SCENARIO_IDS.length / 2) return 'device-lost';
  if (p === 3 && c < 3) return 'blocked';
  if (p === 1 && c === 1) return 'fail';
  return 'pass';
}

function verdict(kind: VerdictKind, latencyMs: number | null): Verdict {
  const values: Record<string, string> =
    kind === 'pass'
      ? { latency: `${latencyMs ?? 0} ms` }
      : kind === 'blocked'
        ? { message: BLOCKED_MESSAGE }
        : {};
  return {
    kind,
    reason: { key: REASON[kind], values },
    details: {
      delivered: kind === 'pass' ? true : null,
      latencyMs,
      record: null,
      expected: null,
      checks: null,
      error: null,
    },
  };
}

export function labRun(): {
  matrix: RunMatrix;
  detail: RunDetail;
  summary: RunSummary;
  attempt: AttemptDetail;
} {
  const attempts: MatrixAttempt[] = [];
  const views: AttemptView[] = [];
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
  LAB_PHONES.forEach((phone, p) =>
    SCENARIO_IDS.forEach((scenarioId, c) => {
      const id = p * 100 + c + 1;
      const kind = verdictOf(p, c);
      const latencyMs = kind === 'pass' ? 400 + ((p * 733 + c * 211) % 9000) : null;
      totals[kind] += 1;
      attempts.push({
        id,
        serial: phone.serial,
        scenarioId,
        repeat: 1,
        ordinal: c,
        verdict: kind,
        reason: { key: REASON[kind], values: {} },
        delivered: kind === 'pass' ? true : null,
        latencyMs,
      });
      views.push({
        id,
        serial: phone.serial,
        scenarioId,
        repeat: 1,
        status: 'done',
        step: 'judge',
        verdict: verdict(kind, latencyMs),
        startedAt: EVIDENCE_TIME - 5000,
        finishedAt: EVIDENCE_TIME,
        latencyMs,
      });
    }),
  );
  const createdAt = '2026-01-05T10:00:00.000Z';
  const finishedAt = '2026-01-05T10:40:00.000Z';
  const base = {
    runId: LAB_RUN_ID,
    planName: 'PushLab demo',
    package: 'com.pushlab.demo',
    status: 'completed' as const,
    createdAt,
    finishedAt,
  };
  const matrix = buildMatrix({ ...base, phones: LAB_PHONES, scenarioIds: SCENARIO_IDS, attempts });
  const summary: RunSummary = {
    id: LAB_RUN_ID,
    planName: base.planName,
    status: 'completed',
    createdAt,
    updatedAt: finishedAt,
    finishedAt,
    phones: LAB_PHONES.length,
    scenarios: SCENARIO_IDS.length,
    repeats: 1,
    attempts: views.length,
    totals,
    error: null,
  };
  const phones = LAB_PHONES.map((p) => ({
    serial: p.serial,
    vendor: p.vendor,
    model: p.model,
    channel: p.channel,
    ...(p.details?.brand ? { brand: p.details.brand } : {}),
    ...(p.details?.marketingName ? { marketingName: p.details.marketingName } : {}),
  }));
  const first = views[0] as AttemptView;
  const attempt: AttemptDetail = {
    attempt: first,
    steps: [{ seq: 1, name: 'send', status: 'ok', at: EVIDENCE_TIME - 900, detail: null }],
    evidence: [
      {
        id: 1,
        kind: 'send',
        path: null,
        data: { sentAt: EVIDENCE_TIME - 900, requestId: 'req-1' },
        at: EVIDENCE_TIME - 900,
      },
    ],
  };
  return {
    matrix,
    summary,
    attempt,
    detail: { summary, phones, scenarioIds: SCENARIO_IDS, attempts: views },
  };
}

/** The core with this run answered; everything else goes to `core` (the fake). */
export function withRun(core: LabCore, run = labRun()): LabCore {
  return {
    // Raw channel and arguments, as a shell passes them (LabInvoke's second form).
    invoke: (async (channel: unknown, args: unknown) => {
      if (channel === 'runs:list') return ok([run.summary]) as never;
      if (channel === 'runs:get') return ok(run.detail) as never;
      if (channel === 'runs:attempt') {
        // Every attempt answers with the same steps and evidence, as itself.
        const view = run.detail.attempts.find((a) => a.id === (args as unknown[])[0]) ?? run.attempt.attempt;
        return ok({ ...run.attempt, attempt: view }) as never;
      }
      if (channel === 'matrix:get') return ok(run.matrix) as never;
      if (channel === 'matrix:sign-off-of') return ok(null) as never;
      if (channel === 'runs:plan')
        return ok({ name: run.summary.planName, app: { package: 'com.pushlab.demo' } }) as never;
      // A re-run is accepted (and not run: this fake has no engine).
      if (channel === 'runs:start') return ok({ runId: RERUN_ID }) as never;
      return core.invoke(channel, args);
    }) as LabInvoke,
    subscribe: (listener) => core.subscribe(listener),
    close: () => core.close(),
  };
}
