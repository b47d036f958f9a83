/**
 * Run engine benchmarks on the push lab world (virtual phones + Tencent emulator + router):
 * - overhead: per attempt, everything beyond the push wait (state in and out, send, evidence,
 *   judge, storage) on phones that take as long as real ones (realistic timing). Target <= 2 s.
 * - capture -> row: a notification posted on a phone (router's host time) -> its captured record
 *   stored in SQLite, with 20 phones running at once. Target p95 <= 300 ms, CPU <= 1 core (this
 *   process: core + virtual phones + emulator + router, so pessimistic; adb server not counted).
 */
import { DEMO_PROFILES } from '../test/virtual-lab';
import { openRunLab, SEVEN_VENDORS, type RunLab } from '../test/support/run-lab';

export interface RunOverheadResult {
  readonly phones: number;
  readonly attempts: number;
  readonly overheadP50Ms: number;
  readonly overheadP95Ms: number;
  readonly overheadMaxMs: number;
  /** Median time per step name (ms), over the measured attempts. */
  readonly stepMedians: Readonly<Record<string, number>>;
}

export interface CaptureToRowResult {
  readonly phones: number;
  readonly pushes: number;
  readonly matched: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  readonly cpuCores: number;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

const SHOWN = [
  'background-c2c-text',
  'background-image',
  'background-custom-desc',
  'swiped-away-text',
  'screen-locked-group-text',
];

/** Step durations of one attempt: each 'started' to its 'ok'/'failed'. */
function stepDurations(steps: readonly { name: string; status: string; at: number }[]): Map<string, number> {
  const open = new Map<string, number>();
  const total = new Map<string, number>();
  for (const s of steps) {
    if (s.status === 'started') open.set(s.name, s.at);
    else if (open.has(s.name)) {
      total.set(s.name, (total.get(s.name) ?? 0) + s.at - (open.get(s.name) as number));
      open.delete(s.name);
    }
  }
  return total;
}

export async function benchRunOverhead(): Promise<RunOverheadResult> {
  const env = await openRunLab({ phones: SEVEN_VENDORS, world: { realisticTiming: true } });
  try {
    const runs = env.core.services.runs;
    const { runId } = await runs.start(
      env.world.plan({ scenarios: SHOWN, repeats: 2, timeouts: { pushMs: 10_000, stepMs: 30_000 } }),
    );
    await runs.settled(runId);
    const overheads: number[] = [];
    const perStep = new Map<string, number[]>();
    for (const a of runs.get(runId).attempts) {
      if (a.verdict?.kind !== 'pass' || a.startedAt === null || a.finishedAt === null) continue;
      const d = stepDurations(runs.attempt(a.id).steps);
      for (const [name, ms] of d) perStep.set(name, [...(perStep.get(name) ?? []), ms]);
      overheads.push(a.finishedAt - a.startedAt - (d.get('capture') ?? 0) - (d.get('prepare') ?? 0));
    }
    return {
      phones: env.world.phones.length,
      attempts: overheads.length,
      overheadP50Ms: percentile(overheads, 50),
      overheadP95Ms: percentile(overheads, 95),
      overheadMaxMs: Math.max(...overheads),
      stepMedians: Object.fromEntries([...perStep].map(([name, v]) => [name, Math.round(percentile(v, 50))])),
    };
  } finally {
    await env.close();
  }
}

export async function benchCaptureToRow(): Promise<CaptureToRowResult> {
  const phones = Array.from({ length: 20 }, (_, i) => ({
    profile: DEMO_PROFILES[i % DEMO_PROFILES.length] as string,
    id: `p${i + 1}`,
    account: `qa_${i + 1}`,
  }));
  const env: RunLab = await openRunLab({ phones, world: { realisticTiming: false } });
  try {
    const runs = env.core.services.runs;
    const cpu0 = process.cpuUsage();
    const t0 = Date.now();
    const { runId } = await runs.start(
      env.world.plan({
        scenarios: ['background-c2c-text', 'background-image', 'swiped-away-text'],
        repeats: 3,
        timeouts: { pushMs: 5_000, stepMs: 15_000 },
      }),
    );
    await runs.settled(runId);
    const wall = Date.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const truth = env.world.groundTruth();
    const delays: number[] = [];
    let pushes = 0;
    for (const a of runs.get(runId).attempts) {
      const evidence = runs.attempt(a.id).evidence;
      const send = evidence.find((e) => e.kind === 'send')?.data as { requestId?: string } | undefined;
      const posted = truth.find((t) => t.msgKey === send?.requestId && t.shown);
      if (!posted) continue;
      pushes += 1;
      const row = evidence.find(
        (e) => e.kind === 'record' && (e.data as { positiveControl?: boolean }).positiveControl !== true,
      );
      const records = (row?.data as { records?: Array<{ key: string }> } | undefined)?.records ?? [];
      if (row && records.some((r) => r.key === posted.notificationKey)) delays.push(row.at - posted.at);
    }
    return {
      phones: phones.length,
      pushes,
      matched: delays.length,
      p50Ms: percentile(delays, 50),
      p95Ms: percentile(delays, 95),
      maxMs: Math.max(...delays),
      cpuCores: (cpu.user + cpu.system) / 1000 / wall,
    };
  } finally {
    await env.close();
  }
}
