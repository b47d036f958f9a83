/** Test helpers: is an adb server listening on a port, and stop one (the shell test's clean-up checks). */
import { execFile } from 'node:child_process';
import { createConnection } from 'node:net';
import type { AdbConfig } from '../../../electron/lab/adb/adb-config';

const PROBE_MS = 1_000;
const KILL_MS = 5_000;

/** True when something accepts connections on the adb server's port. */
export function adbServerListening(host: string, port: number, timeoutMs = PROBE_MS): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (listening: boolean) => {
      socket.destroy();
      resolve(listening);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** `adb -P <port> kill-server`; never throws (quitting goes on either way). */
export function stopAdbServer(adb: Pick<AdbConfig, 'bin' | 'port'>): Promise<void> {
  return new Promise((resolve) => {
    execFile(adb.bin, ['-P', String(adb.port), 'kill-server'], { timeout: KILL_MS }, () => resolve());
  });
}
