/**
 * The phone's log around a push, kept as evidence: lines from `fromPhoneMs` to `toPhoneMs` (phone
 * clock), at most MAX_SLICE_LINES lines and MAX_SLICE_BYTES bytes, secrets the caller names
 * replaced. On phones whose logcat cannot start at a time (before Android 7) the last lines are
 * kept instead and `timeFiltered` says so. With a package, the app's lines are counted (its pids
 * from `pidof` and from the log's own "Start proc" lines).
 */
import type { AdbDeviceIo } from '../../../adb/device-io';
import { assertPackageName, shellCommand } from '../../../adb/quote';
import { readLogcat, type LogcatReadMode } from '../../commands/capture/read-logcat';
import { parseLogcat, startedPids, type LogcatLine } from '../../parsers/logcat-epoch';
import type { EvidenceStore, SavedEvidence } from '../../../evidence/evidence-store';
import { LabError } from '../../../errors';

export const MAX_SLICE_LINES = 2000;
export const MAX_SLICE_BYTES = 512 * 1024;

export interface LogcatSliceOptions {
  readonly serial: string;
  readonly fromPhoneMs: number;
  readonly toPhoneMs: number;
  readonly package?: string;
  /** Strings never to keep (tokens, signatures); replaced by "[redacted]". */
  readonly secrets?: readonly string[];
}

export interface LogcatSlice extends SavedEvidence {
  /** Lines kept in the file. */
  readonly lines: number;
  /** Lines were left out to stay within the limits. */
  readonly truncated: boolean;
  /** False when the phone could only give its last lines (no time cut). */
  readonly timeFiltered: boolean;
  readonly mode: LogcatReadMode;
  /** Kept lines logged by the package's processes (null without a package or a known pid). */
  readonly appLines: number | null;
}

/** Replaces each secret (4+ chars) wherever it occurs. */
export function stripSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  return out;
}

export interface SliceSelection {
  readonly kept: LogcatLine[];
  readonly truncated: boolean;
}

/** The lines within [from, to] (all when not filtering by time), cut to the line and byte limits. */
export function selectSlice(
  lines: readonly LogcatLine[],
  from: number,
  to: number,
  byTime: boolean,
): SliceSelection {
  const inWindow = byTime
    ? lines.filter((l) => l.timeMs !== null && l.timeMs >= from && l.timeMs <= to)
    : [...lines];
  // Without times the newest lines are the ones nearest the push: keep the end.
  const ordered = byTime ? inWindow : inWindow.slice(-MAX_SLICE_LINES);
  const kept: LogcatLine[] = [];
  let bytes = 0;
  for (const line of ordered) {
    const size = Buffer.byteLength(line.raw, 'utf8') + 1;
    if (kept.length >= MAX_SLICE_LINES || bytes + size > MAX_SLICE_BYTES) break;
    kept.push(line);
    bytes += size;
  }
  return { kept, truncated: kept.length < inWindow.length };
}

async function appPids(io: AdbDeviceIo, pkg: string, lines: readonly LogcatLine[]): Promise<Set<number>> {
  const pids = new Set(startedPids(lines, pkg));
  const out = await io.shell(shellCommand('pidof', pkg), { timeoutMs: 5_000 }).catch(() => '');
  for (const word of out.trim().split(/\s+/)) if (/^\d+$/.test(word)) pids.add(Number(word));
  return pids;
}

export async function captureLogcatSlice(
  io: AdbDeviceIo,
  store: EvidenceStore,
  options: LogcatSliceOptions,
): Promise<LogcatSlice> {
  const { fromPhoneMs, toPhoneMs } = options;
  if (!Number.isFinite(fromPhoneMs) || !Number.isFinite(toPhoneMs) || toPhoneMs < fromPhoneMs) {
    throw new LabError('INVALID_ARGUMENT', 'A logcat slice needs a phone time window with from <= to.', {
      zh: { message: '截取 logcat 片段需要一个 from <= to 的手机时间窗口。' },
    });
  }
  if (options.package !== undefined) assertPackageName(options.package);
  // One line more than kept, so a full read shows there was more.
  const read = await readLogcat(io, { sincePhoneMs: fromPhoneMs, maxLines: MAX_SLICE_LINES + 1 });
  const parsed = parseLogcat(read.text, { utc: true });
  const byTime = read.mode === 'since';
  // Secrets go before the limits are applied, so the file stays within them.
  const redacted = parsed.lines.map((l) => ({ ...l, raw: stripSecrets(l.raw, options.secrets) }));
  const { kept, truncated } = selectSlice(redacted, fromPhoneMs, toPhoneMs, byTime);
  // logcat stopped at -m: lines after the last one read may still be inside the window.
  const cutByPhone =
    byTime &&
    parsed.lines.length > MAX_SLICE_LINES &&
    (parsed.lines[parsed.lines.length - 1]?.timeMs ?? 0) <= toPhoneMs;
  let appLines: number | null = null;
  if (options.package !== undefined) {
    const pids = await appPids(io, options.package, parsed.lines);
    appLines = pids.size === 0 ? null : kept.filter((l) => pids.has(l.pid)).length;
  }
  const body = kept.map((l) => l.raw).join('\n');
  const saved = await store.save('logcat', options.serial, 'txt', body === '' ? '' : `${body}\n`);
  return {
    ...saved,
    lines: kept.length,
    truncated: truncated || cutByPhone,
    timeFiltered: byTime,
    mode: read.mode,
    appLines,
  };
}
