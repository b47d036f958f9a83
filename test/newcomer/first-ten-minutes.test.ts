/**
 * A newcomer's first ten minutes, as the README tells them: clone HEAD into a temporary folder,
 * `npm ci` (from the npm cache where it can), then with no adb server running and an empty HOME:
 * `npx pushlab devices`, `npx pushlab scenarios`, and the demo plan through the command the demo
 * lab prints (`npm run demo:lab` in another shell) -> every exit code 0, and the run lands in the
 * demo's data folder. Slow (a real install), so it is its own vitest project and runs once.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../virtual-lab';

const INSTALL_MS = 20 * 60_000;
const LAB_START_MS = 120_000;
const RUN_MS = 8 * 60_000;

interface Ran {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const root = spawnSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).stdout.trim();
// npm keeps the developer's cache and registry settings while HOME is the newcomer's empty one.
const npmConfig = (key: string): string =>
  spawnSync('npm', ['config', 'get', key], { encoding: 'utf8' }).stdout.trim();
const npmCache = npmConfig('cache');
const npmUserConfig = npmConfig('userconfig');
const DEMO_ADB_PORT = 15037;

let work: string;
let clone: string;
let home: string;
/** An adb port with nothing on it: the CLI must cope with no server there. */
let emptyAdbPort: number;
let lab: ChildProcess | null = null;
let labOutput = '';
let installed: Ran | null = null;

/** The developer's environment without anything that points at their adb, PushLab data or test run. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // npm_* stays: .ci/run's Node provisioning tells node-gyp where the headers are that way.
    if (/^(ANDROID_|ADB_|PUSHLAB_|VITEST)/.test(key) || key === 'NODE_OPTIONS' || key === 'TEST') continue;
    env[key] = value;
  }
  return env;
}

/** A newcomer's shell: an empty HOME (no ~/.pushlab, no ~/.android), the same npm cache and registry. */
function newcomerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...cleanEnv(),
    HOME: home,
    npm_config_cache: npmCache,
    npm_config_userconfig: npmUserConfig,
    npm_config_update_notifier: 'false',
    ...extra,
  };
}

/** Runs a command in the clone (no shell unless `shell`), resolving its exit code and output. */
function run(
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; timeoutMs: number; shell?: boolean },
): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: clone,
      env: options.env ?? newcomerEnv(),
      shell: options.shell ?? false,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const pushlab = (
  args: readonly string[],
  env = newcomerEnv({ ANDROID_ADB_SERVER_PORT: String(emptyAdbPort) }),
): Promise<Ran> => run('npx', ['pushlab', ...args], { env, timeoutMs: 120_000 });

/** Stops an adb server on this port if one answers (the one a command may have started). */
function killAdbServer(port: number): void {
  spawnSync('adb', ['-P', String(port), 'kill-server'], { env: newcomerEnv(), timeout: 15_000 });
}

/** Whether anything accepts a connection on this loopback port (asking adb itself would start a server). */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** `npm run demo:lab` in its own process group (as in a second terminal); resolves the printed command. */
function startDemoLab(): Promise<string> {
  return new Promise((resolve, reject) => {
    lab = spawn('npm', ['run', 'demo:lab'], {
      cwd: clone,
      env: newcomerEnv(),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const timer = setTimeout(
      () => reject(new Error(`the demo lab did not print its command in time:\n${labOutput}`)),
      LAB_START_MS,
    );
    const onData = (chunk: Buffer): void => {
      labOutput += chunk.toString();
      const command = /^ {2}run it: (npx pushlab run .+)$/m.exec(labOutput)?.[1];
      if (command !== undefined && /Virtual lab: \d+ simulated phones/.test(labOutput)) {
        clearTimeout(timer);
        resolve(command);
      }
    };
    lab.stdout?.on('data', onData);
    lab.stderr?.on('data', onData);
    lab.on('exit', (code) =>
      reject(new Error(`the demo lab exited (${code}) before it was ready:\n${labOutput}`)),
    );
  });
}

/** Ctrl+C in the lab's terminal: the whole process group gets SIGINT; wait until it is gone. */
async function stopDemoLab(): Promise<void> {
  const child = lab;
  lab = null;
  if (child?.pid === undefined || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-child.pid, 'SIGINT');
  const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

beforeAll(async () => {
  if (!root)
    throw new Error('The newcomer test clones the repository it runs in: run it from a git checkout.');
  work = await mkdtemp(join(tmpdir(), 'pushlab-newcomer-'));
  clone = join(work, 'pushlab');
  home = join(work, 'home');
  emptyAdbPort = await freePort();
  const cloned = spawnSync('git', ['clone', '--quiet', root, clone], { encoding: 'utf8', timeout: 120_000 });
  if (cloned.status !== 0) throw new Error(`git clone failed: ${cloned.stderr}`);
  const started = Date.now();
  installed = await run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], {
    env: cleanEnv(),
    timeoutMs: INSTALL_MS,
  });
  process.stderr.write(
    `newcomer: npm ci exited ${installed.code} after ${Math.round((Date.now() - started) / 1000)} s\n`,
  );
}, INSTALL_MS + 180_000);

let labStarted = false;

afterAll(async () => {
  await stopDemoLab().catch(() => undefined);
  // A lab that had to be killed cannot stop its adb server itself (the port was free before it started).
  if (labStarted && (await listening(DEMO_ADB_PORT))) killAdbServer(DEMO_ADB_PORT);
  if (emptyAdbPort) killAdbServer(emptyAdbPort);
  if (work) await rm(work, { recursive: true, force: true });
}, 60_000);

describe('a newcomer on a fresh clone', () => {
  it('installs with npm ci and the clone stays clean', () => {
    expect(installed?.code, `npm ci failed:\n${installed?.stderr.slice(-3000)}`).toBe(0);
    // Needs a lockfile complete for every platform: `npm ci` must not rewrite it, nor anything else.
    const status = spawnSync('git', ['status', '--porcelain'], { cwd: clone, encoding: 'utf8' });
    expect(status.stdout.trim(), 'files changed by npm ci').toBe('');
  });

  it('lists phones with no adb server running', async () => {
    expect(installed?.code, 'npm ci failed (see the first test)').toBe(0);
    expect(await listening(emptyAdbPort), `something already listens on adb port ${emptyAdbPort}`).toBe(
      false,
    );
    const devices = await pushlab(['devices']);
    expect(devices.code, devices.stderr).toBe(0);
    expect(devices.stdout).toContain('No phones attached.');
    // Whatever server the command started there goes, so the next steps start from nothing too.
    killAdbServer(emptyAdbPort);
    expect(await listening(emptyAdbPort)).toBe(false);
  }, 180_000);

  it('lists the scenarios a plan may name', async () => {
    expect(installed?.code, 'npm ci failed (see the first test)').toBe(0);
    const help = await pushlab(['--help']);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^\s*scenarios\b/m);
    const scenarios = await pushlab(['scenarios']);
    expect(scenarios.code, scenarios.stderr).toBe(0);
    expect(scenarios.stdout).toContain('background-c2c-text');
    expect(scenarios.stdout).toContain('push-service-missing');
  }, 180_000);

  it(
    "runs the demo plan with the command the demo lab prints, green, into the demo's data folder",
    async () => {
      expect(installed?.code, 'npm ci failed (see the first test)').toBe(0);
      expect(
        await listening(DEMO_ADB_PORT),
        `something already listens on the demo's adb port ${DEMO_ADB_PORT}`,
      ).toBe(false);
      labStarted = true;
      const command = await startDemoLab();
      const dataDir = join(home, '.pushlab-dev');
      expect(command).toBe(
        `npx pushlab run --plan ${join(dataDir, 'demo-plan.json')} --adb-port ${DEMO_ADB_PORT} --data-dir ${dataDir}`,
      );
      // Pasted into a shell as printed; the plan names the key file, so no variable is needed.
      const ran = await run('sh', ['-c', command], { timeoutMs: RUN_MS });
      expect(ran.code, `${ran.stdout.slice(-2000)}\n${ran.stderr.slice(-4000)}`).toBe(0);
      const summary = /^Run (\S+): completed\. pass (\d+), fail 0, blocked 0, device lost 0, .*$/m.exec(
        ran.stdout,
      );
      expect(summary, ran.stdout.slice(-2000)).not.toBeNull();
      expect(Number(summary?.[2])).toBeGreaterThan(100);
      // The app of the demo reads this folder: the run is there.
      const runs = await pushlab(['runs', '--json', '--data-dir', dataDir]);
      expect(runs.code, runs.stderr).toBe(0);
      expect(runs.stdout).toContain(summary?.[1] ?? 'no run id');
      await stopDemoLab();
      expect(labOutput).toMatch(/stopping the virtual lab/);
      expect(await listening(DEMO_ADB_PORT), 'the demo lab left its adb server running').toBe(false);
    },
    LAB_START_MS + RUN_MS + 120_000,
  );
});
