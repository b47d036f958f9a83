/**
 * Did the tap land? (a) the app's package comes to the foreground within a few seconds (the
 * activity start animates); (b) optionally, the app logged the `ext` it was opened with (apps under
 * test log what they opened, e.g. "PushLabDemo: opened ext=…"), looked for in the app's own lines
 * written after a log mark taken before the tap.
 */
import type { AdbDeviceIo } from '../../adb/device-io';
import { shellCommand } from '../../adb/quote';
import { readLogcat } from '../commands/capture/read-logcat';
import { readForeground } from '../commands/read-foreground';
import { parseLogcat, startedPids, type LogcatLine } from '../parsers/logcat-epoch';
import { wait } from '../capture/evidence/shade-screenshot';

const EXT_ATTEMPTS = 4;

export interface LandingOptions {
  readonly package: string;
  readonly ext?: string | null;
  /** Phone time to search the log from (see `logMark`); null: the ext cannot be checked. */
  readonly sincePhoneMs: number | null;
  readonly timeoutMs?: number;
  readonly pollMs?: number;
}

export interface Landing {
  readonly landed: boolean | null;
  readonly foregroundPackage: string | null;
  readonly extSeen: boolean | null;
  readonly detail: string;
}

/**
 * The phone time of the newest log line (epoch stamps), to read only what is logged after it.
 * Null on phones whose logcat has no epoch stamps, or when the log is empty.
 */
export async function logMark(io: AdbDeviceIo): Promise<number | null> {
  const out = await io.shell('logcat -d -v threadtime -v epoch -t 1', { timeoutMs: 10_000 }).catch(() => '');
  const lines = parseLogcat(out).lines;
  return lines[lines.length - 1]?.timeMs ?? null;
}

/** True when one of the app's lines (by pid) contains `ext`. */
export function extInAppLines(lines: readonly LogcatLine[], pids: ReadonlySet<number>, ext: string): boolean {
  return lines.some((l) => pids.has(l.pid) && `${l.tag}: ${l.message}`.includes(ext));
}

async function waitForForeground(
  io: AdbDeviceIo,
  pkg: string,
  timeoutMs: number,
  pollMs: number,
): Promise<{ pkg: string | null; error: string | null }> {
  const deadline = Date.now() + timeoutMs;
  let last: string | null = null;
  let error: string | null = null;
  for (;;) {
    try {
      last = (await readForeground(io))?.package ?? null;
      error = null;
    } catch (e) {
      error = (e as Error).message;
    }
    if (last === pkg || Date.now() >= deadline) return { pkg: last, error };
    await wait(pollMs);
  }
}

async function checkExt(io: AdbDeviceIo, pkg: string, ext: string, since: number): Promise<boolean | null> {
  const read = await readLogcat(io, { sincePhoneMs: since, maxLines: 5_000 }).catch(() => null);
  if (read === null || read.mode !== 'since') return null;
  const lines = parseLogcat(read.text).lines;
  const pids = new Set(startedPids(lines, pkg));
  const out = await io.shell(shellCommand('pidof', pkg), { timeoutMs: 5_000 }).catch(() => '');
  for (const word of out.trim().split(/\s+/)) if (/^\d+$/.test(word)) pids.add(Number(word));
  if (pids.size === 0) return null;
  return extInAppLines(lines, pids, ext);
}

export async function checkLanding(io: AdbDeviceIo, options: LandingOptions): Promise<Landing> {
  const fg = await waitForForeground(io, options.package, options.timeoutMs ?? 5_000, options.pollMs ?? 250);
  const landed = fg.error !== null && fg.pkg === null ? null : fg.pkg === options.package;
  const parts = [
    landed === null
      ? `foreground unknown (${fg.error ?? ''})`
      : landed
        ? `${options.package} in front`
        : `${fg.pkg ?? 'nothing'} in front, not ${options.package}`,
  ];
  let extSeen: boolean | null = null;
  if (options.ext !== undefined && options.ext !== null && options.ext !== '') {
    const since = options.sincePhoneMs;
    // The app may log a moment after its window shows: look again briefly before saying no.
    for (let attempt = 0; since !== null && attempt < EXT_ATTEMPTS; attempt++) {
      if (attempt > 0) await wait(options.pollMs ?? 250);
      extSeen = await checkExt(io, options.package, options.ext, since);
      if (extSeen !== false) break;
    }
    parts.push(
      extSeen === null
        ? 'ext not checked (no readable log of the app)'
        : extSeen
          ? 'the app logged the ext'
          : 'the app did not log the ext',
    );
  }
  return { landed, foregroundPackage: fg.pkg, extSeen, detail: parts.join('; ') };
}
