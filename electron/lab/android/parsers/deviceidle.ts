/**
 * Doze allow-lists from `dumpsys deviceidle` or `dumpsys deviceidle whitelist`
 * (AOSP DeviceIdleController.dump and its shell "whitelist" command):
 *   full dump: `  Whitelist (except idle) system apps:` / `  Whitelist system apps:` /
 *              `  Whitelist user apps:` each followed by one package per line, and `mState=ACTIVE`;
 *   whitelist: `system-excidle,<pkg>,<uid>` / `system,<pkg>,<uid>` / `user,<pkg>,<uid>`.
 * "Allowlist" spellings are accepted as well. The except-idle list includes the system apps
 * (they are exempt from both); an app only there is still held by deep Doze.
 */
import { LabError } from '../../errors';
import { decodeDeviceText, splitLines } from './decode';
import { head, indentOf } from './dump-fields';

export interface DeviceIdleInfo {
  readonly system: readonly string[];
  readonly user: readonly string[];
  readonly exceptIdle: readonly string[];
  /** The deep-idle state (ACTIVE, IDLE, …); null when not printed (the whitelist command). */
  readonly state: string | null;
}

type ListKind = 'system' | 'user' | 'exceptIdle';

const SECTIONS: ReadonlyArray<[RegExp, ListKind]> = [
  [/^(?:White|Allow)list \(except idle\) system apps:$/, 'exceptIdle'],
  [/^(?:White|Allow)list system apps:$/, 'system'],
  [/^(?:White|Allow)list user apps:$/, 'user'],
];
const CSV_KINDS: Readonly<Record<string, ListKind>> = {
  'system-excidle': 'exceptIdle',
  system: 'system',
  user: 'user',
};
const CSV_LINE = /^(system-excidle|system|user),([A-Za-z][\w.]*),(\d+)$/;
const PACKAGE = /^[A-Za-z][\w]*(?:\.[\w]+)*$/;

/** Parses `dumpsys deviceidle` (full) or `dumpsys deviceidle whitelist`. */
export function parseDeviceIdle(text: string | Buffer): DeviceIdleInfo {
  const decoded = decodeDeviceText(text);
  const lines = splitLines(decoded);
  const lists: Record<ListKind, Set<string>> = { system: new Set(), user: new Set(), exceptIdle: new Set() };
  let state: string | null = null;
  let understood = false;
  let section: { kind: ListKind; indent: number } | null = null;
  // A capture cut off mid-line may end in half a package name: that last line is not trusted.
  const cutLine = decoded.endsWith('\n') ? -1 : lines.length - 1;
  for (const [index, line] of lines.entries()) {
    const trimmed = line.trim();
    if (section !== null) {
      if (trimmed !== '' && indentOf(line) > section.indent && PACKAGE.test(trimmed)) {
        if (index !== cutLine) lists[section.kind].add(trimmed);
        continue;
      }
      section = null;
    }
    const header = SECTIONS.find(([re]) => re.test(trimmed));
    if (header) {
      section = { kind: header[1], indent: indentOf(line) };
      understood = true;
      continue;
    }
    const csv = CSV_LINE.exec(trimmed);
    if (csv) {
      lists[CSV_KINDS[csv[1] as string] as ListKind].add(csv[2] as string);
      understood = true;
      continue;
    }
    const m = /\bmState=(\w+)/.exec(trimmed);
    if (m && state === null) {
      state = m[1] as string;
      understood = true;
    }
  }
  if (!understood) {
    throw new LabError(
      'MALFORMED_OUTPUT',
      'The battery optimisation (Doze) lists from the phone could not be read.',
      {
        hint: 'Run `adb shell dumpsys deviceidle whitelist` by hand to see what the phone prints.',
        zh: {
          message: '无法读取手机上的电池优化（Doze）名单。',
          hint: '请手动运行 `adb shell dumpsys deviceidle whitelist`，查看手机打印的内容。',
        },
        detail: head(decoded),
      },
    );
  }
  return { system: [...lists.system], user: [...lists.user], exceptIdle: [...lists.exceptIdle], state };
}

/** Where the package is allow-listed: fully (system, then user) before except-idle; null if nowhere. */
export function allowlistKind(info: DeviceIdleInfo, pkg: string): 'system' | 'user' | 'except-idle' | null {
  if (info.system.includes(pkg)) return 'system';
  if (info.user.includes(pkg)) return 'user';
  if (info.exceptIdle.includes(pkg)) return 'except-idle';
  return null;
}
