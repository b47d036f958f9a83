/**
 * CLI start: `pushlab --help` and `pushlab devices` (an adb server answering, no phone) as a user
 * runs them (the bin wrapper in a new Node process), against `node -e 0` measured in the same
 * run, interleaved, medians of N. Targets: --help <= 250 ms, devices <= 500 ms. Also `devices`
 * with no adb server running (PushLab starts one and stops it again). The CLI is built first
 * when out/cli is missing or stale, so the figures are the prebuilt JavaScript's.
 */
import { execFile, execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../test/virtual-lab';

const run = promisify(execFile);
const CLI = join(process.cwd(), 'electron/cli/pushlab.mjs');
const RUNS = 7;

export interface CliStartResult {
  readonly runs: number;
  readonly nodeMs: number;
  readonly helpMs: number;
  readonly devicesMs: number;
  readonly devicesColdMs: number;
  readonly helpTargetMs: number;
  readonly devicesTargetMs: number;
  /** Whether the wrapper ran out/cli (false: it fell back to the TypeScript sources). */
  readonly prebuilt: boolean;
}

async function timed(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const start = process.hrtime.bigint();
  await run(process.execPath, [...args], { env });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export async function benchCliStart(): Promise<CliStartResult> {
  execFileSync(process.execPath, ['electron/cli/build.mjs', '--if-stale'], { stdio: 'inherit' });
  const port = await freePort();
  const env = {
    ...process.env,
    ANDROID_ADB_SERVER_PORT: String(port),
    HOME: join(process.cwd(), 'bench/results/cli-home'),
  };
  const prebuilt =
    (await run(process.execPath, [CLI], { env: { ...env, PUSHLAB_CLI_WHICH: '1' } })).stdout.trim() ===
    'out/cli';
  const node: number[] = [];
  const help: number[] = [];
  const devices: number[] = [];
  const cold: number[] = [];
  try {
    for (let i = 0; i < 3; i++) cold.push(await timed([CLI, 'devices'], env));
    execFileSync('adb', ['-P', String(port), 'start-server'], { stdio: 'ignore' });
    for (let i = 0; i < RUNS; i++) {
      node.push(await timed(['-e', '0'], env));
      help.push(await timed([CLI, '--help'], env));
      devices.push(await timed([CLI, 'devices'], env));
    }
  } finally {
    execFileSync('adb', ['-P', String(port), 'kill-server'], { stdio: 'ignore' });
  }
  return {
    runs: RUNS,
    nodeMs: median(node),
    helpMs: median(help),
    devicesMs: median(devices),
    devicesColdMs: median(cold),
    helpTargetMs: 250,
    devicesTargetMs: 500,
    prebuilt,
  };
}
