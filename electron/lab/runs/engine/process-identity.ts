/**
 * Who owns a 'running' run (issue 10 point 9). A PID alone is not an identity: after a crash or a
 * reboot the OS hands the PID to another process, which made a dead run look alive forever. The
 * owner is stored as its PID plus a start token, the OS's own record of when that process started:
 * - Linux: the boot id (/proc/sys/kernel/random/boot_id) and field 22 of /proc/<pid>/stat (start
 *   time in clock ticks since boot): exact, and a reboot changes the boot id.
 * - macOS and other Unixes: `ps -o lstart= -p <pid>` in the C locale (start time to the second).
 * - Windows: the process's StartTime from PowerShell (100 ns ticks, UTC).
 * Why not a random owner id with a heartbeat: a sleeping laptop or a paused debugger stops the
 * heartbeat of a live owner, and a second process would then run the same attempts; the start
 * time needs no writes and cannot go stale. When a token cannot be read (old rows, a locked-down
 * OS), a live PID still counts as the owner, as before: better a run left 'running' than one run
 * twice.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { RunOwner } from '../../store/run-repository';

export function processAlive(pid: number | null): boolean {
  if (pid === null) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Field 22 (starttime) of a /proc/<pid>/stat line; the name in (…) may hold spaces and ")". */
export function procStatStartTime(stat: string): string | null {
  const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After "pid (comm) " the fields start at 3 (state), so field 22 is index 19.
  const start = after[19];
  return start !== undefined && /^\d{1,20}$/.test(start) ? start : null;
}

function linuxToken(pid: number): string | null {
  try {
    const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const start = procStatStartTime(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    return start !== null && /^[0-9a-f-]{1,64}$/.test(bootId) ? `linux:${bootId}:${start}` : null;
  } catch {
    return null;
  }
}

function commandToken(prefix: string, file: string, args: readonly string[], timeout: number): string | null {
  try {
    const out = execFileSync(file, args, {
      encoding: 'utf8',
      timeout,
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, LC_ALL: 'C' },
      windowsHide: true,
    });
    const text = out.trim().replace(/\s+/g, ' ');
    return text !== '' && text.length <= 100 ? `${prefix}:${text}` : null;
  } catch {
    return null;
  }
}

/** The start token of a live process, or null when this OS will not say. */
export function processStartToken(pid: number, platform: NodeJS.Platform = process.platform): string | null {
  if (!Number.isSafeInteger(pid) || pid <= 0) return null;
  if (platform === 'linux') return linuxToken(pid);
  if (platform === 'win32') {
    const script = `(Get-Process -Id ${pid}).StartTime.ToUniversalTime().Ticks`;
    return commandToken(
      'win',
      'powershell.exe',
      ['-NoProfile', '-NonInteractive', '-Command', script],
      10_000,
    );
  }
  return commandToken('ps', 'ps', ['-o', 'lstart=', '-p', String(pid)], 5_000);
}

export interface OwnerProbe {
  readonly alive: (pid: number) => boolean;
  readonly startOf: (pid: number) => string | null;
}

const OS_PROBE: OwnerProbe = { alive: processAlive, startOf: (pid) => processStartToken(pid) };

/**
 * Is `owner` (a running run's stored owner) still running it? `self` is this process, whose start
 * token is read only when needed. A row with this process's PID but another token was written by
 * an earlier process that had the same PID.
 */
export function ownerIsAlive(
  owner: RunOwner,
  self: { readonly pid: number; readonly start: () => string | null },
  probe: OwnerProbe = OS_PROBE,
): boolean {
  if (owner.pid === null) return false;
  if (owner.pid === self.pid) return owner.start !== null && owner.start === self.start();
  if (!probe.alive(owner.pid)) return false;
  if (owner.start === null) return true;
  const current = probe.startOf(owner.pid);
  return current === null || current === owner.start;
}
