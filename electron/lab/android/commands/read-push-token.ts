/**
 * A phone's push token from its log (`logcat -d -v threadtime -t <n>`: the last lines, a form
 * every Android release prints). The pattern is the plan's regular expression (or a named preset)
 * and runs here in Node over each parsed line as "<tag>: <message>", never in the phone's shell;
 * capture group 1 is the token, and the newest match wins (an app re-registers on reinstall).
 */
import type { AdbDeviceIo } from '../../adb/device-io';
import { LabError } from '../../errors';
import { decodeDeviceText } from '../parsers/decode';
import { parseLogcat } from '../parsers/logcat-epoch';
import { tokenPatternProblem } from '../../../../shared/runs/token-presets';

/** Tokens as any of the vendors issue them: letters, digits and _ : . = + / - (base64 or hex). */
const TOKEN_SHAPE = /^[A-Za-z0-9_:.=+/-]{8,4096}$/;
/** Lines longer than this are skipped: a user pattern never runs over unbounded text. */
const MAX_LINE = 4096;

export interface PushTokenRead {
  /** The token, or null when no line matched. */
  readonly token: string | null;
  /** Log lines looked at. */
  readonly lines: number;
  readonly command: string;
}

export function readPushTokenCommand(lines: number): string {
  if (!Number.isSafeInteger(lines) || lines < 1 || lines > 100_000) {
    throw new LabError('INVALID_ARGUMENT', `Bad logcat line count ${lines}.`, {
      zh: { message: `logcat 行数 ${lines} 无效。` },
    });
  }
  return `logcat -d -v threadtime -t ${lines}`;
}

/** The token the newest matching line carries; a pattern that cannot be used is INVALID_ARGUMENT. */
export function findPushToken(logText: string, pattern: string): { token: string | null; lines: number } {
  const problem = tokenPatternProblem(pattern);
  if (problem !== null) {
    throw new LabError('INVALID_ARGUMENT', `The token pattern ${problem.en}.`, {
      hint: 'Fix app.tokens.fromLogcat.pattern in the plan.',
      zh: { message: `令牌模式${problem.zh}。`, hint: '请修改计划中的 app.tokens.fromLogcat.pattern。' },
    });
  }
  const re = new RegExp(pattern);
  const parsed = parseLogcat(logText);
  let token: string | null = null;
  for (const line of parsed.lines) {
    const text = `${line.tag}: ${line.message}`;
    if (text.length > MAX_LINE) continue;
    const found = re.exec(text)?.[1];
    if (found !== undefined && TOKEN_SHAPE.test(found)) token = found;
  }
  return { token, lines: parsed.lines.length };
}

export async function readPushToken(
  io: AdbDeviceIo,
  pattern: string,
  options: { lines?: number; timeoutMs?: number } = {},
): Promise<PushTokenRead> {
  const command = readPushTokenCommand(options.lines ?? 20_000);
  const text = decodeDeviceText(await io.shell(command, { timeoutMs: options.timeoutMs ?? 20_000 }));
  return { ...findPushToken(text, pattern), command };
}
