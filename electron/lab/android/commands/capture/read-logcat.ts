/**
 * A bounded dump of the phone's log since a phone time. Android 7+ logcat takes `-T` in epoch form
 * ("%s.%q": seconds.millis, logcat.cpp parseTime) and prints epoch stamps with `-v epoch`; `-m`
 * caps the lines. Older logcat knows none of these and says so ("not in time format", "Invalid
 * parameter", "Unknown option"): then the last lines are read with plain `-t <count>`, whose
 * stamps carry no year, so the caller cannot cut them by time.
 */
import type { AdbDeviceIo } from '../../../adb/device-io';
import { LabError } from '../../../errors';
import { decodeDeviceText } from '../../parsers/decode';
import { trimDetail } from '../../../adb/refusal';

export type LogcatReadMode = 'since' | 'tail';

export interface LogcatRead {
  readonly text: string;
  /** 'since': epoch stamps from the time asked; 'tail': the last lines, threadtime without year. */
  readonly mode: LogcatReadMode;
  readonly command: string;
}

export interface ReadLogcatOptions {
  /** Phone epoch ms to read from. */
  readonly sincePhoneMs: number;
  /** Most lines logcat prints (it stops there). */
  readonly maxLines: number;
  readonly timeoutMs?: number;
}

/** `-T` in the epoch form logcat parses with "%s.%q". */
export function logcatTimeArg(phoneMs: number): string {
  if (!Number.isFinite(phoneMs) || phoneMs < 0) {
    throw new LabError('INVALID_ARGUMENT', 'A logcat start time must be a phone epoch time in ms.', {
      zh: { message: 'logcat 的起始时间必须是手机上的 epoch 时间（毫秒）。' },
    });
  }
  const ms = Math.floor(phoneMs);
  return `${Math.floor(ms / 1000)}.${String(ms % 1000).padStart(3, '0')}`;
}

function assertCount(n: number): number {
  if (!Number.isSafeInteger(n) || n < 1 || n > 100_000) {
    throw new LabError('INVALID_ARGUMENT', `Bad logcat line count ${n}.`, {
      zh: { message: `logcat 行数 ${n} 无效。` },
    });
  }
  return n;
}

/** Epoch stamps from `sincePhoneMs` on, at most `maxLines` lines (Android 7+). */
export function logcatSinceCommand(sincePhoneMs: number, maxLines: number): string {
  return `logcat -d -v threadtime -v epoch -v UTC -T ${logcatTimeArg(sincePhoneMs)} -m ${assertCount(maxLines)}`;
}

/** The last `count` lines in the default format every release has. */
export function logcatTailCommand(count: number): string {
  return `logcat -d -v threadtime -t ${assertCount(count)}`;
}

/** logcat's own refusals of an option (its usage errors, old and new wordings). */
const OPTION_REFUSED = [
  /not in (".*" )?time format/i,
  /Invalid (parameter|-v)\b/i,
  /Unknown option/i,
  /invalid option/i,
  /unrecognized option/i,
  /Bad (argument|format)/i,
];

/** True when the output is logcat rejecting its arguments rather than log lines. */
export function isLogcatUsageError(output: string): boolean {
  const head = output.split('\n').slice(0, 3).join('\n');
  return OPTION_REFUSED.some((p) => p.test(head));
}

const NOT_FOUND = /logcat: (inaccessible or )?not found|Permission denied/i;

/** Reads since the given phone time, or the tail on phones whose logcat cannot. */
export async function readLogcat(io: AdbDeviceIo, options: ReadLogcatOptions): Promise<LogcatRead> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const since = logcatSinceCommand(options.sincePhoneMs, options.maxLines);
  const text = decodeDeviceText(await io.shell(since, { timeoutMs }));
  if (!isLogcatUsageError(text) && !NOT_FOUND.test(text.slice(0, 200)))
    return { text, mode: 'since', command: since };
  if (NOT_FOUND.test(text.slice(0, 200))) {
    throw new LabError('COMMAND_FAILED', `Phone ${io.serial} would not show its log.`, {
      hint: 'Run `adb logcat -d -t 10` by hand; some ROMs limit logcat for the shell user.',
      detail: trimDetail(text),
      zh: {
        message: `手机 ${io.serial} 不肯显示它的日志。`,
        hint: '请手动运行 `adb logcat -d -t 10`；有些 ROM 会限制 shell 用户读取 logcat。',
      },
    });
  }
  const tail = logcatTailCommand(options.maxLines);
  const old = decodeDeviceText(await io.shell(tail, { timeoutMs }));
  if (isLogcatUsageError(old) || NOT_FOUND.test(old.slice(0, 200))) {
    throw new LabError('COMMAND_FAILED', `Phone ${io.serial} refused both ways of reading its log.`, {
      hint: 'Run `adb logcat -d -t 10` by hand and report what it prints.',
      detail: trimDetail(old),
      zh: {
        message: `手机 ${io.serial} 拒绝了两种读取日志的方式。`,
        hint: '请手动运行 `adb logcat -d -t 10`，并报告它打印的内容。',
      },
    });
  }
  return { text: old, mode: 'tail', command: tail };
}
