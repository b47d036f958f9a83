/**
 * `logcat -v threadtime` lines, with or without the `epoch`, `year`, `UTC` and `zone` modifiers
 * (AOSP liblog logprint.cpp android_log_formatLogLine): the time is "%19lld.%03ld" seconds since
 * the epoch with `epoch`, else "[YYYY-]MM-DD hh:mm:ss.mmm[ +zzzz]"; then "%5d %5d %c %-8s: "
 * (pid, tid, priority, tag padded to 8) and the message. Each line of a multi-line message gets its
 * own header, so a line without one is noise: "--------- beginning of <buffer>" dividers, copied
 * terminal junk, a line cut short. Those are counted, never guessed at.
 */
import { decodeDeviceText } from './decode';

export type LogPriority = 'V' | 'D' | 'I' | 'W' | 'E' | 'F' | 'A' | 'S';

export interface LogcatLine {
  /** Epoch ms: exact for `-v epoch`, and for dated lines read in UTC or with a zone; else null. */
  readonly timeMs: number | null;
  /** The time as printed (seconds.millis, or the date and clock). */
  readonly stamp: string;
  readonly pid: number;
  readonly tid: number;
  readonly priority: LogPriority;
  /** The tag without its padding. */
  readonly tag: string;
  readonly message: string;
  /** The line as printed (for evidence files). */
  readonly raw: string;
}

export interface LogcatParse {
  readonly lines: LogcatLine[];
  /** Buffers announced by "--------- beginning of <name>" dividers, in order. */
  readonly buffers: string[];
  /** Non-empty lines that were neither a log line nor a divider. */
  readonly skipped: number;
}

export interface ParseLogcatOptions {
  /** The dated (non-epoch) times were printed in UTC (`-v UTC`); without it they stay null. */
  readonly utc?: boolean;
}

// Pid, tid, priority, then "tag: message" split by tagAndMessage (a lazy `(.*?)\s*:` here was
// quadratic on long runs of blanks).
const TAIL = String.raw`\s+(\d+)\s+(\d+)\s+([VDIWEFAS])\s+(.*)$`;
const EPOCH = new RegExp(String.raw`^\s*(\d{1,12})\.(\d{3,9})` + TAIL);
const DATED = new RegExp(
  String.raw`^(?:(\d{4})-)?(\d\d)-(\d\d)\s+(\d\d):(\d\d):(\d\d)\.(\d{3,9})(?:\s+([+-])(\d\d)(\d\d))?(?:\s+[A-Za-z][\w]*)?` +
    TAIL,
);
const DIVIDER = /^-{5,}\s*beginning of (\S+)/;
/** Report and CSV copies sometimes glue a separator to the front of each line. */
const GLUED_PREFIX = /^[,;]/;

function millis(fraction: string): number {
  return Number(fraction.slice(0, 3).padEnd(3, '0'));
}

function datedTime(m: RegExpExecArray, utc: boolean): number | null {
  const [, year, month, day, hh, mm, ss, frac, sign, zh, zm] = m;
  if (year === undefined) return null;
  const base = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hh),
    Number(mm),
    Number(ss),
    millis(frac as string),
  );
  if (sign !== undefined) {
    const offset = (Number(zh) * 60 + Number(zm)) * 60_000;
    return sign === '+' ? base - offset : base + offset;
  }
  return utc ? base : null;
}

/**
 * Tag: everything up to the first ": " (tags such as "SoundTriggerHwService::Module" keep their
 * double colons), blanks before the colon dropped; a line copied without its trailing blank still
 * ends in ":". Null when there is no such colon.
 */
function tagAndMessage(rest: string): { tag: string; message: string } | null {
  const colon = rest.indexOf(': ');
  if (colon >= 0) return { tag: rest.slice(0, colon).trimEnd(), message: rest.slice(colon + 2) };
  return rest.endsWith(':') ? { tag: rest.slice(0, -1).trimEnd(), message: '' } : null;
}

/** One line, or null when it is not a log line. */
export function parseLogcatLine(line: string, options: ParseLogcatOptions = {}): LogcatLine | null {
  const raw = line.replace(GLUED_PREFIX, '');
  const epoch = EPOCH.exec(raw);
  const epochTag = epoch ? tagAndMessage(epoch[6] as string) : null;
  if (epoch && epochTag) {
    const [, sec, frac, pid, tid, priority] = epoch;
    const { tag, message } = epochTag;
    return {
      timeMs: Number(sec) * 1000 + millis(frac as string),
      stamp: `${sec}.${frac}`,
      pid: Number(pid),
      tid: Number(tid),
      priority: priority as LogPriority,
      tag,
      message,
      raw,
    };
  }
  const dated = epoch ? null : DATED.exec(raw);
  const datedTag = dated ? tagAndMessage(dated[14] as string) : null;
  if (!dated || !datedTag) return null;
  const [pid, tid, priority] = dated.slice(11);
  const { tag, message } = datedTag;
  const stamp = raw.trimStart().split(/\s+/).slice(0, 2).join(' ');
  return {
    timeMs: datedTime(dated, options.utc ?? false),
    stamp,
    pid: Number(pid),
    tid: Number(tid),
    priority: priority as LogPriority,
    tag,
    message,
    raw,
  };
}

/** Parses a dump (UTF-8/16, CRLF, cut short: all tolerated). */
export function parseLogcat(input: string | Buffer, options: ParseLogcatOptions = {}): LogcatParse {
  const lines: LogcatLine[] = [];
  const buffers: string[] = [];
  let skipped = 0;
  for (const line of decodeDeviceText(input).split('\n')) {
    if (line.trim() === '') continue;
    const divider = DIVIDER.exec(line.replace(GLUED_PREFIX, ''));
    if (divider) {
      buffers.push(divider[1] as string);
      continue;
    }
    const parsed = parseLogcatLine(line, options);
    if (parsed) lines.push(parsed);
    else skipped++;
  }
  return { lines, buffers, skipped };
}

/** Pids of a package's processes announced in the log ("Start proc 3301:com.x/u0a0 ..."). */
export function startedPids(lines: readonly LogcatLine[], pkg: string): number[] {
  const pids = new Set<number>();
  for (const l of lines) {
    if (l.tag !== 'ActivityManager' && l.tag !== 'ActivityManagerService') continue;
    const m = /^Start proc (\d+):([^/\s]+)\//.exec(l.message);
    if (m && (m[2] === pkg || (m[2] as string).startsWith(`${pkg}:`))) pids.add(Number(m[1]));
  }
  return [...pids];
}
