/**
 * Small readers shared by the doctor's dumpsys parsers. Every one returns null for a value it
 * cannot read with certainty; none of them guesses.
 */

/** Leading spaces of a line (tabs do not occur in dumpsys output). */
export function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** A whole-string decimal integer that fits a JS number exactly, else null. */
export function toInt(text: string | null | undefined): number | null {
  if (text === null || text === undefined || !/^-?\d+$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}

/** 'true' / 'false' as printed by Java, else null. */
export function toBool(text: string | null | undefined): boolean | null {
  if (text === 'true') return true;
  if (text === 'false') return false;
  return null;
}

/** Java prints a null reference as the word "null"; an empty value is no value either. */
export function nullable(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  return text === '' || text === 'null' ? null : text;
}

/** Escapes a literal (a package name, a permission) for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The first few lines of a text, for an error's detail (never the whole dump). */
export function head(text: string, lines = 20): string {
  return text.split('\n').slice(0, lines).join('\n').slice(0, 2000);
}

/** Notification importance as NotificationListenerService.Ranking.importanceToString prints it. */
const IMPORTANCE_NAMES: Readonly<Record<string, number>> = {
  UNSPECIFIED: -1000,
  NONE: 0,
  MIN: 1,
  LOW: 2,
  DEFAULT: 3,
  HIGH: 4,
  MAX: 5,
};

/** Reads an importance printed as a number ("4"), a name ("HIGH") or "UNKNOWN(7)". */
export function parseImportance(text: string | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const numeric = toInt(text);
  if (numeric !== null) return numeric;
  const named = IMPORTANCE_NAMES[text.toUpperCase()];
  if (named !== undefined) return named;
  return toInt(/^UNKNOWN\((-?\d+)\)$/i.exec(text)?.[1]);
}

/** A top-level section title: no indent, ends in ":" (a scan, not /^\S.*:\s*$/, which backtracks on ": : :"). */
export function isTopSection(line: string): boolean {
  return line.length > 0 && line.trimStart().length === line.length && line.trimEnd().endsWith(':');
}

/**
 * The indent of a `Package [<pkg>] (` header line, or null. Compared as text: a regex built from a
 * package name read off the phone can be too large to compile (the fuzzer found one of 50 KB).
 */
export function packageHeaderIndent(line: string, pkg: string): number | null {
  const body = line.trimStart();
  return body.startsWith(`Package [${pkg}] (`) ? line.length - body.length : null;
}
