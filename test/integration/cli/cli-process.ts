/** Runs the `pushlab` bin as a user does (a new Node process) and a logging stand-in for adb. */
import { spawn } from 'node:child_process';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';

export const CLI = join(process.cwd(), 'electron/cli/pushlab.mjs');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function pushlab(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/**
 * An "adb" that only writes its arguments to `log` and fails: a command that needs no adb must
 * leave the log absent.
 */
export async function loggingAdb(dir: string): Promise<{ bin: string; calls(): Promise<string[]> }> {
  const bin = join(dir, 'adb-logger.sh');
  const log = join(dir, 'adb-calls.log');
  await writeFile(bin, `#!/bin/sh\necho "$@" >> '${log}'\necho "stand-in adb: not a server" >&2\nexit 1\n`);
  await chmod(bin, 0o755);
  return {
    bin,
    calls: () =>
      readFile(log, 'utf8').then(
        (t) => t.split('\n').filter(Boolean),
        () => [],
      ),
  };
}
