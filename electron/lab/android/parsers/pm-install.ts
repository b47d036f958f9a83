/**
 * What `pm install` / `adb install` printed, reduced to success or one reason string:
 * `Failure [INSTALL_FAILED_X: msg]`, `Failure [INSTALL_FAILED_X]`, `Failure [-25]` (old numeric),
 * `adb: failed to install a.apk: Failure [...]`, `Exception occurred while executing 'install':`
 * followed by a java exception, `Error: ...`, and adb's own errors.
 */
import { installReasonForCode } from '../install-failures';
import { decodeDeviceText, splitLines } from './decode';

export type PmInstallOutcome =
  { readonly ok: true } | { readonly ok: false; readonly reason: string; readonly raw: string };

/** PushLab's own reasons when the phone gave no INSTALL_* code. */
export const PM_INSTALL_REASONS = {
  noOutput: 'NO_OUTPUT',
  unknownOutput: 'UNKNOWN_OUTPUT',
  pmError: 'PM_ERROR',
  adbError: 'ADB_ERROR',
  exception: 'EXCEPTION',
} as const;

const MAX_RAW = 4000;
const FAILURE = /Failure \[([A-Za-z0-9_-]+)/;
const JAVA_EXCEPTION = /\b((?:java|javax|android|com|dalvik)\.[A-Za-z0-9_.$]*?(?:Exception|Error))\b/;

function reasonFromFailure(code: string): string {
  if (/^-\d+$/.test(code)) return installReasonForCode(Number(code)) ?? code;
  return code;
}

/** Classifies install output; anything without a recognisable success is a failure with a reason. */
export function parsePmInstallOutput(input: string | Buffer): PmInstallOutcome {
  const text = decodeDeviceText(input).trim();
  const raw = text.length > MAX_RAW ? `${text.slice(0, MAX_RAW)}…` : text;
  const fail = (reason: string): PmInstallOutcome => ({ ok: false, reason, raw });
  if (text === '') return fail(PM_INSTALL_REASONS.noOutput);

  const failure = FAILURE.exec(text);
  if (failure) return fail(reasonFromFailure(failure[1] as string));

  const lines = splitLines(text).map((l) => l.trim());
  const exceptionAt = lines.findIndex(
    (l) =>
      l.startsWith('Exception occurred while executing') ||
      l.includes(': Exception occurred while executing'),
  );
  const javaException = JAVA_EXCEPTION.exec(text);
  if (exceptionAt >= 0)
    return fail(javaException ? (javaException[1] as string) : PM_INSTALL_REASONS.exception);
  const errorLine = lines.find((l) => /^Error:/.test(l));
  if (errorLine !== undefined)
    return fail(javaException ? (javaException[1] as string) : PM_INSTALL_REASONS.pmError);
  if (lines.some((l) => /^adb: /.test(l) || /^error: /.test(l))) return fail(PM_INSTALL_REASONS.adbError);
  if (javaException) return fail(javaException[1] as string);
  if (lines.some((l) => l === 'Success')) return { ok: true };
  return fail(PM_INSTALL_REASONS.unknownOutput);
}
