/**
 * A private adb server (Debian adb 29.0.6 at /usr/bin/adb) on its own port with its own HOME,
 * so tests never touch port 5037 or the user's ~/.android keys.
 */
import { execFile, execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, isReservedAdbPort } from './free-port';

const run = promisify(execFile);

/** Debian's adb 29.0.6. */
export const DEFAULT_ADB_BIN = '/usr/bin/adb';

/** Options for startAdbServer. */
export interface AdbServerOptions {
  /** Defaults to freePort(). */
  readonly port?: number;
  readonly bin?: string;
  /** Extra environment for the server (e.g. ADB_TRACE). */
  readonly env?: Readonly<Record<string, string>>;
}

/** A running private adb server. */
export interface AdbServerHandle {
  readonly port: number;
  readonly bin: string;
  /** Environment to run more `adb` commands against this server (port, HOME, no mDNS). */
  readonly env: Readonly<Record<string, string>>;
  /** The private HOME (its .android/adbkey is this server's key). */
  readonly home: string;
  /** Runs `adb -P <port> ...args` against this server; resolves stdout/stderr, rejects on failure. */
  adb(
    args: readonly string[],
    options?: { timeoutMs?: number; input?: string },
  ): Promise<{ stdout: string; stderr: string }>;
  /** `adb kill-server`, then removes the private HOME. */
  stop(): Promise<void>;
}

function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Anything that would point adb at another server, key store or device is left out.
    if (value === undefined || /^(ANDROID_|ADB_)/.test(key)) continue;
    env[key] = value;
  }
  return env;
}

/** Starts `adb -P <port> start-server` with a private HOME and mDNS off. */
export async function startAdbServer(options: AdbServerOptions = {}): Promise<AdbServerHandle> {
  const port = options.port ?? (await freePort());
  if (isReservedAdbPort(port))
    throw new Error(`startAdbServer: port ${port} is reserved for adb's default or emulators`);
  const bin = options.bin ?? DEFAULT_ADB_BIN;
  const home = await mkdtemp(join(tmpdir(), 'pushlab-adb-'));
  const env: Record<string, string> = {
    ...baseEnv(),
    HOME: home,
    // The server logs to $TMPDIR/adb.<uid>.log: keep each server's log with its HOME.
    TMPDIR: home,
    ANDROID_ADB_SERVER_PORT: String(port),
    ADB_MDNS: '0',
    ...options.env,
  };
  const adb: AdbServerHandle['adb'] = async (args, runOptions = {}) => {
    const child = run(bin, ['-P', String(port), ...args], {
      env,
      timeout: runOptions.timeoutMs ?? 30_000,
      maxBuffer: 64 * 1024 * 1024,
      encoding: 'utf8',
    });
    if (runOptions.input !== undefined) child.child.stdin?.end(runOptions.input);
    else child.child.stdin?.end();
    const { stdout, stderr } = await child;
    return { stdout, stderr };
  };
  try {
    await adb(['start-server'], { timeoutMs: 20_000 });
  } catch (error) {
    await rm(home, { recursive: true, force: true });
    throw new Error(`could not start adb server on port ${port}: ${(error as Error).message}`);
  }
  // Safety net: a test process that dies without stop() must not leave the server running.
  const onExit = (): void => {
    try {
      execFileSync(bin, ['-P', String(port), 'kill-server'], { env, timeout: 5000, stdio: 'ignore' });
    } catch {
      // Already gone.
    }
    rmSync(home, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  let stopped: Promise<void> | null = null;
  return {
    port,
    bin,
    env,
    home,
    adb,
    stop() {
      stopped ??= (async () => {
        process.off('exit', onExit);
        await adb(['kill-server'], { timeoutMs: 10_000 }).catch(() => undefined);
        await rm(home, { recursive: true, force: true }).catch(() => undefined);
      })();
      return stopped;
    },
  };
}
