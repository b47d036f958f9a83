/**
 * Android's shell commands (pm, am, appops, cmd, dumpsys) mostly exit 0 and print their error,
 * so a refusal is recognised by its words. The phone's words travel on as the error's detail.
 */
import type { AdbDeviceIo } from './device-io';
import { phraseEn, phraseZh, type Phrase } from '../util/phrase';
import { LabError } from '../errors';

/** Words Android and vendor ROMs print when they refuse or do not know a command. */
const REFUSALS: readonly RegExp[] = [
  /SecurityException/,
  /Permission Denial/i,
  /\bnot allowed\b/i,
  /\bUnknown (command|option|permission|package|operation|op)\b/i,
  /^\s*Error( type \d+)?:/im,
  /^\s*Exception occurred/im,
  /\b[A-Za-z.]*(IllegalArgument|IllegalState|NullPointer|UnsupportedOperation|Remote)Exception\b/,
  /Can't find service/i,
  /No shell command implementation/i,
  /:\s*(inaccessible or )?not found\s*$/im,
  /^\s*Bad (argument|command)/im,
  /does not exist/i,
];

/** How much of a long read's output is searched: errors come first, data later may contain anything. */
const READ_HEAD_LINES = 4;
const DETAIL_CHARS = 600;

/** The phone's words of refusal in `output`, or null when none are found. */
export function findRefusal(output: string, scope: 'all' | 'head' = 'all'): string | null {
  const text = scope === 'head' ? output.split(/\r?\n/).slice(0, READ_HEAD_LINES).join('\n') : output;
  return REFUSALS.some((pattern) => pattern.test(text)) ? trimDetail(output) : null;
}

/** Output trimmed to what fits in an error's detail (the start holds the reason). */
export function trimDetail(output: string): string {
  const text = output.replace(/\r\n?/g, '\n').trim();
  return text.length > DETAIL_CHARS ? `${text.slice(0, DETAIL_CHARS)}…` : text;
}

/**
 * Throws COMMAND_FAILED with the phone's words when `output` holds a refusal; returns the output
 * otherwise. Reads search only the first lines (their data may quote anything).
 */
export function assertAccepted(
  io: AdbDeviceIo,
  output: string,
  action: Phrase,
  options: { readonly scope?: 'all' | 'head'; readonly hint?: Phrase } = {},
): string {
  const detail = findRefusal(output, options.scope ?? 'all');
  if (detail !== null) {
    const hint = options.hint ?? {
      en: 'The phone\'s own words are in the detail. Some ROMs need "USB debugging (Security settings)" for this.',
      zh: '手机的原话在详情中。有些 ROM 需要打开“USB 调试（安全设置）”才能执行此操作。',
    };
    throw new LabError('COMMAND_FAILED', `Phone ${io.serial} refused ${phraseEn(action)}.`, {
      hint: phraseEn(hint),
      detail,
      zh: { message: `手机 ${io.serial} 拒绝${phraseZh(action)}。`, hint: phraseZh(hint) },
    });
  }
  return output;
}
