/**
 * App ops for one package, from either the full `dumpsys appops` or `appops get <pkg>`.
 *   dumpsys (AppOpsService.dump, Android 10+): `  Uid u0a198:` blocks; uid-level modes as
 *     `OP: mode=ignore`, then `Package <pkg>:` with `OP (allow):` lines (older: `OP: mode=allow; …`).
 *   appops get (AppOpsService shell "get"): uid ops first, the first one prefixed `Uid mode: `,
 *     then the package's ops, each `OP: mode[; time=… ago][; rejectTime=…][; duration=…]`;
 *     `No operations.` when none is set.
 * MIUI/HyperOS numbered ops print as `MIUIOP(10008)` and are keyed by their number ('10008').
 * A uid-level mode overrides the package's (AppOpsService.checkOperation), so it wins here too;
 * `raw` keeps the line it came from, which tells the two apart.
 */
import { LabError } from '../../errors';
import { decodeDeviceText, splitLines } from './decode';
import { head, indentOf, toInt } from './dump-fields';

export type AppOpMode = 'allow' | 'ignore' | 'deny' | 'default' | 'foreground' | 'errored' | 'unknown';

export interface AppOpsInfo {
  readonly ops: Readonly<Record<string, { readonly mode: AppOpMode; readonly raw: string }>>;
}

type OpMap = Map<string, { mode: AppOpMode; raw: string }>;

const MODE_WORDS: Readonly<Record<string, AppOpMode>> = {
  allow: 'allow',
  ignore: 'ignore',
  deny: 'deny',
  default: 'default',
  foreground: 'foreground',
  errored: 'errored',
};
/** AppOpsManager.MODE_* by number (old dumps print `mode=1`); MODE_ERRORED (2) prints as "deny". */
const MODE_NUMBERS: readonly AppOpMode[] = ['allow', 'ignore', 'deny', 'default', 'foreground'];

const OP_NAME = String.raw`([A-Za-z_][A-Za-z0-9_]*(?:\(\d+\))?)`;
/** Android 10+ package op in the dump: `RUN_ANY_IN_BACKGROUND (allow): `. */
const DUMP_PACKAGE_OP = new RegExp(String.raw`^${OP_NAME} \((\w+)\):`);
/** Uid-level op in the dump, and package ops before Android 10: `POST_NOTIFICATION: mode=ignore`. */
const DUMP_MODE_OP = new RegExp(String.raw`^${OP_NAME}: mode=(\w+)`);
/** `appops get` line: `[Uid mode: ]OP: mode[; …]`. */
const GET_OP = new RegExp(String.raw`^(Uid mode: )?${OP_NAME}: (\w+)(?:;|\s|$)`);
const UID_HEADER = /^(\s*)Uid (\S+):\s*$/;
const PACKAGE_HEADER = /^(\s*)Package (\S+):\s*$/;
// `Package \S+ …`, not `Package .* …`: on one long line every "Package " rescanned the rest of it.
const ABSENT = /No UID for|Unknown package|Unable to find package|Package \S+ (?:not found|does not exist)/i;

function toMode(word: string): AppOpMode {
  const named = MODE_WORDS[word.toLowerCase()];
  if (named) return named;
  const n = toInt(word);
  return n === null ? 'unknown' : (MODE_NUMBERS[n] ?? 'unknown');
}

/** MIUIOP(10008) / Unknown(10008) -> '10008'; Android's own names stay as they are. */
function opKey(name: string): string {
  return /^(?:MIUIOP|Unknown)\((\d+)\)$/i.exec(name)?.[1] ?? name;
}

function put(ops: OpMap, name: string, mode: string, raw: string): void {
  const key = opKey(name);
  if (!ops.has(key)) ops.set(key, { mode: toMode(mode), raw });
}

/** Uid ops first (they win), then the package's own. */
function merge(uidOps: OpMap, pkgOps: OpMap): AppOpsInfo {
  const merged = new Map(pkgOps);
  for (const [k, v] of uidOps) merged.set(k, v);
  // fromEntries defines own properties, so an op printed as "__proto__" cannot touch the prototype.
  return { ops: Object.fromEntries(merged) };
}

/** The full dump: the first Uid block holding `Package <pkg>:` (user 0 comes first). */
function fromDump(lines: readonly string[], pkg: string): AppOpsInfo | null {
  for (let i = 0; i < lines.length; i++) {
    const uid = UID_HEADER.exec(lines[i] as string);
    if (!uid) continue;
    const uidIndent = (uid[1] as string).length;
    const uidOps: OpMap = new Map();
    const pkgOps: OpMap = new Map();
    let current: string | null = null;
    let pkgIndent = -1;
    let found = false;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j] as string;
      if (line.trim() === '') continue;
      if (indentOf(line) <= uidIndent) break;
      const header = PACKAGE_HEADER.exec(line);
      if (header) {
        current = header[2] as string;
        pkgIndent = (header[1] as string).length;
        if (current === pkg) found = true;
        continue;
      }
      const trimmed = line.trim();
      if (current === null) {
        const m = DUMP_MODE_OP.exec(trimmed);
        if (m) put(uidOps, m[1] as string, m[2] as string, trimmed);
      } else if (current === pkg && indentOf(line) === pkgIndent + 2) {
        const m = DUMP_PACKAGE_OP.exec(trimmed) ?? DUMP_MODE_OP.exec(trimmed);
        if (m) put(pkgOps, m[1] as string, m[2] as string, trimmed);
      }
    }
    if (found) return merge(uidOps, pkgOps);
    i = j - 1;
  }
  return null;
}

/** `appops get <pkg>` output: null when the phone says the package does not exist. */
function fromGet(lines: readonly string[], text: string): AppOpsInfo | null {
  if (ABSENT.test(text)) return null;
  const ops: OpMap = new Map();
  let understood = false;
  for (const line of lines) {
    const trimmed = line.trim();
    if (/^No operations\.$/.test(trimmed) || /^Default mode: \w+$/.test(trimmed)) {
      understood = true;
      continue;
    }
    // `Error: Unknown operation string: X` would otherwise read as an op named "Error".
    if (/^Error\b|Exception\b/.test(trimmed)) continue;
    const m = GET_OP.exec(trimmed);
    if (!m) continue;
    understood = true;
    // Uid ops are printed before the package's, and a uid mode overrides: first one wins.
    put(ops, m[2] as string, m[3] as string, trimmed);
  }
  if (!understood) {
    throw new LabError('MALFORMED_OUTPUT', 'The app ops from the phone could not be read.', {
      hint: 'Run `adb shell appops get <package>` by hand to see what the phone prints.',
      zh: {
        message: '无法读取手机上的 app ops。',
        hint: '请手动运行 `adb shell appops get <package>`，查看手机打印的内容。',
      },
      detail: head(text),
    });
  }
  return merge(new Map(), ops);
}

/** Parses app ops for one package from `dumpsys appops` or `appops get <pkg>`; null when the package is absent. */
export function parseAppOpsForPackage(text: string | Buffer, pkg: string): AppOpsInfo | null {
  const decoded = decodeDeviceText(text);
  const lines = splitLines(decoded);
  if (lines.some((l) => UID_HEADER.test(l))) return fromDump(lines, pkg);
  return fromGet(lines, decoded);
}
