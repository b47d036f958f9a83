/**
 * `logcat` over the phone's log buffers (../../logbuffer.ts), as system/core/logcat/logcat.cpp
 * reads its arguments: -d dump, -c clear, -b buffers (default main,system,crash), -v format and
 * modifiers, -t/-T <count|time> (-t implies -d), -m max lines, -s and TAG:PRIO filter specs.
 * Times parse as "%m-%d %H:%M:%S.%q", "%Y-%m-%d %H:%M:%S.%q" or, from Android 7, "%s.%q" (epoch).
 * Android 7 also brought the epoch/year/UTC/zone/uid modifiers; older phones refuse them with
 * "Invalid parameter" and a bad time with the old "not in ... time format" wording. Without -d
 * (and without -t, which implies it) logcat prints what there is, then follows the log until the
 * host closes the stream or -m lines were printed. A phone whose events buffer is closed to the
 * shell (eventsLogAccess) errors out or reads it empty.
 */
import {
  clearLog,
  eventsLogAccess,
  formatLogEntry,
  phoneLog,
  subscribeLog,
  type LogBufferName,
  type LogEntry,
  type LogFormat,
} from '../../logbuffer';
import type { CommandHandler } from '../types';

const ANDROID_N = 24;
const DEFAULT_BUFFERS: readonly LogBufferName[] = ['main', 'system', 'crash'];
const ALL_BUFFERS: readonly LogBufferName[] = ['main', 'system', 'events', 'crash', 'radio'];
const LAYOUTS = new Set(['threadtime', 'brief', 'time', 'process', 'tag', 'thread', 'raw', 'long']);
const NEW_MODIFIERS = new Set(['epoch', 'monotonic', 'uid', 'year', 'zone', 'UTC', 'utc']);
const OLD_MODIFIERS = new Set(['color', 'usec', 'printable', 'descriptive']);
const PRIORITIES = 'VDIWEFS';

class UsageError extends Error {}

/** A -t/-T value: a count, or a time as logcat's parseTime reads it (UTC on this phone). */
function parseTail(value: string, sdk: number, nowYear: number): { count: number } | { sinceMs: number } {
  if (/^\d+$/.test(value)) return { count: Number(value) };
  const md = /^(?:(\d{4})-)?(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{1,9})/.exec(value);
  if (md) {
    const [, y, mo, d, h, mi, s, q] = md;
    return {
      sinceMs: Date.UTC(
        y === undefined ? nowYear : Number(y),
        Number(mo) - 1,
        Number(d),
        Number(h),
        Number(mi),
        Number(s),
        Number((q as string).slice(0, 3).padEnd(3, '0')),
      ),
    };
  }
  const epoch = /^(\d+)\.(\d{1,9})/.exec(value);
  if (epoch && sdk >= ANDROID_N)
    return { sinceMs: Number(epoch[1]) * 1000 + Number((epoch[2] as string).slice(0, 3).padEnd(3, '0')) };
  throw new UsageError(value);
}

interface Filter {
  readonly tags: Map<string, number>;
  defaultLevel: number;
}

function allowed(filter: Filter, e: LogEntry): boolean {
  const level = filter.tags.get(e.tag) ?? filter.defaultLevel;
  return PRIORITIES.indexOf(e.priority) >= level;
}

export const logcat: CommandHandler = async (ctx) => {
  const phone = ctx.env.phone;
  const sdk = phone.sdk;
  const format: { layout: LogFormat['layout']; epoch: boolean; year: boolean; usec: boolean } = {
    layout: 'threadtime',
    epoch: false,
    year: false,
    usec: false,
  };
  let buffers: LogBufferName[] | null = null;
  let clear = false;
  let dump = false;
  let tail: { count: number } | { sinceMs: number } | null = null;
  let max = Number.POSITIVE_INFINITY;
  const filter: Filter = { tags: new Map(), defaultLevel: 0 };
  const args = [...ctx.args];
  const nowYear = new Date(phone.clock()).getUTCFullYear();
  try {
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      const value = (): string => {
        const v = args[++i];
        if (v === undefined) throw new UsageError(a);
        return v;
      };
      if (a === '-d') dump = true;
      else if (a === '-c') clear = true;
      else if (a === '-s') filter.defaultLevel = PRIORITIES.indexOf('S');
      else if (a === '-v') {
        for (const word of value()
          .split(/[\s,]+/)
          .filter((w) => w !== '')) {
          if (LAYOUTS.has(word)) format.layout = word === 'brief' || word === 'time' ? word : 'threadtime';
          else if (NEW_MODIFIERS.has(word) && sdk >= ANDROID_N) {
            if (word === 'epoch') format.epoch = true;
            if (word === 'year') format.year = true;
          } else if (OLD_MODIFIERS.has(word)) {
            if (word === 'usec') format.usec = true;
          } else {
            await ctx.err(
              sdk >= 28 ? `logcat: Invalid -v '${word}'.\n` : `Invalid parameter "${word}" to -v\n`,
            );
            return 1;
          }
        }
      } else if (a === '-b') {
        const names = value().split(',');
        buffers ??= [];
        for (const n of names) {
          if (n === 'all') buffers.push(...ALL_BUFFERS);
          else if (n === 'default') buffers.push(...DEFAULT_BUFFERS);
          else if ((ALL_BUFFERS as readonly string[]).includes(n)) buffers.push(n as LogBufferName);
          else {
            await ctx.err(`logcat: unknown buffer "${n}"\n`);
            return 1;
          }
        }
      } else if (a === '-t' || a === '-T') {
        if (a === '-t') dump = true;
        const v = value();
        try {
          tail = parseTail(v, sdk, nowYear);
        } catch {
          await ctx.err(
            sdk >= 28
              ? `logcat: ${a} '${v}' not in time format.\n`
              : `ERROR: ${a} "${v}" not in "%m-%d %H:%M:%S.%q" time format\n`,
          );
          return 1;
        }
      } else if (a === '-m') {
        const v = value();
        if (!/^\d+$/.test(v) || sdk < ANDROID_N) {
          await ctx.err(sdk < ANDROID_N ? `logcat: invalid option -- m\n` : `logcat: Invalid -m '${v}'.\n`);
          return 1;
        }
        max = Number(v);
      } else if (a.startsWith('-')) {
        await ctx.err(`logcat: Unknown option '${a}'.\n`);
        return 1;
      } else {
        const spec = /^([^:]+)(?::([VDIWEFS*]))?$/.exec(a);
        if (!spec) continue;
        const level = PRIORITIES.indexOf(spec[2] === '*' || spec[2] === undefined ? 'V' : spec[2]);
        if (spec[1] === '*') filter.defaultLevel = level;
        else filter.tags.set(spec[1] as string, level);
      }
    }
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    await ctx.err(`logcat: Option '${e.message}' needs an argument.\n`);
    return 1;
  }
  const chosen = new Set(buffers ?? DEFAULT_BUFFERS);
  if (clear) {
    clearLog(phone, chosen);
    return 0;
  }
  const access = chosen.has('events') ? eventsLogAccess(phone) : 'readable';
  if (access === 'refused') {
    // Illustrative wording (logd's reader errors); no ROM is documented to refuse.
    await ctx.err("logcat: Unable to open log device 'events': Permission denied\n");
    return 1;
  }
  const shows = (e: LogEntry): boolean =>
    chosen.has(e.buffer) && allowed(filter, e) && !(e.buffer === 'events' && access === 'empty');
  let entries = phoneLog(phone).filter(shows);
  const since = tail && 'sinceMs' in tail ? tail.sinceMs : null;
  if (since !== null) entries = entries.filter((e) => e.timeMs >= since);
  else if (tail && 'count' in tail) entries = entries.slice(-tail.count);
  const begun = new Set<LogBufferName>();
  let printed = 0;
  const render = (e: LogEntry): string => {
    let line = '';
    if (!begun.has(e.buffer)) {
      line += `--------- beginning of ${e.buffer}\n`;
      begun.add(e.buffer);
    }
    printed++;
    return `${line}${formatLogEntry(e, format)}\n`;
  };
  let text = '';
  for (const e of entries) {
    if (printed >= max) break;
    text += render(e);
  }
  await ctx.env.delay(5, ctx.signal);
  await ctx.out(text);
  if (dump || printed >= max || ctx.signal.aborted) return 0;
  return follow(
    ctx,
    (e) => shows(e) && (since === null || e.timeMs >= since),
    render,
    () => printed >= max,
  );
};

/** Writes each new matching entry as it is logged, in order, until the stream closes or -m is reached. */
function follow(
  ctx: Parameters<CommandHandler>[0],
  shows: (e: LogEntry) => boolean,
  render: (e: LogEntry) => string,
  full: () => boolean,
): Promise<number> {
  return new Promise<number>((resolve) => {
    let writing = Promise.resolve();
    const end = (): void => {
      unsubscribe();
      ctx.signal.removeEventListener('abort', end);
      void writing.then(() => resolve(0));
    };
    const unsubscribe = subscribeLog(ctx.env.phone, (e) => {
      if (!shows(e) || full()) return;
      const line = render(e);
      writing = writing.then(() => (ctx.signal.aborted ? undefined : ctx.out(line))).catch(() => undefined);
      if (full()) end();
    });
    if (ctx.signal.aborted) end();
    else ctx.signal.addEventListener('abort', end, { once: true });
  });
}
