/**
 * Clock offset vs ground truth: a virtual phone's clock is the host's own clock, so the true offset
 * is 0 and every latency's error is exactly the offset estimate's error. Measured idle and with
 * every core of the host busy (child processes spinning), many times each. Targets: error <= 20 ms
 * idle, and the stated ± covers the truth every time (idle and loaded).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { measureClockOffset } from '../electron/lab/android/capture/clock-offset';
import { openBenchLab, waitForIdentities } from './lab-fixture';

export interface ClockPhase {
  readonly rounds: number;
  /** |estimate − truth|, ms. */
  readonly errorP50Ms: number;
  readonly errorMaxMs: number;
  /** The stated ± (uncertainty), ms. */
  readonly uncertaintyP50Ms: number;
  readonly uncertaintyMaxMs: number;
  /** Rounds whose offset ± uncertainty contains the truth (0). */
  readonly covered: number;
}

export interface ClockBenchResult {
  readonly idle: ClockPhase;
  readonly loaded: ClockPhase;
  readonly loadProcesses: number;
}

const ROUNDS = 15;

function nearestRank(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function phase(
  measure: () => Promise<{ offsetMs: number; uncertaintyMs: number }>,
): Promise<ClockPhase> {
  const errors: number[] = [];
  const spans: number[] = [];
  let covered = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const { offsetMs, uncertaintyMs } = await measure();
    errors.push(Math.abs(offsetMs));
    spans.push(uncertaintyMs);
    if (Math.abs(offsetMs) <= uncertaintyMs) covered += 1;
  }
  return {
    rounds: ROUNDS,
    errorP50Ms: nearestRank(errors, 50),
    errorMaxMs: Math.max(...errors),
    uncertaintyP50Ms: nearestRank(spans, 50),
    uncertaintyMaxMs: Math.max(...spans),
    covered,
  };
}

/** Child processes that keep every core busy until killed. */
function loadCpu(count: number): ChildProcess[] {
  return Array.from({ length: count }, () =>
    spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }),
  );
}

export async function benchClock(): Promise<ClockBenchResult> {
  const bench = await openBenchLab();
  const load: ChildProcess[] = [];
  try {
    const [handle] = await bench.lab.addPhones([{ profile: 'google-pixel-android15-1' }]);
    if (handle === undefined) throw new Error('no phone');
    await waitForIdentities(bench.core, [handle.serial]);
    const io = bench.core.services.gateway.device(handle.serial);
    const measure = () => measureClockOffset(io, Date.now);
    await measure(); // warm the connection
    const idle = await phase(measure);
    const loadProcesses = availableParallelism() * 2;
    load.push(...loadCpu(loadProcesses));
    await new Promise((r) => setTimeout(r, 300));
    const loaded = await phase(measure);
    return { idle, loaded, loadProcesses };
  } finally {
    for (const child of load) child.kill();
    await bench.close();
  }
}
