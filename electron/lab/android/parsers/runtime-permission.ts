/**
 * One permission's state from `dumpsys package <pkg>` (AOSP ComputerEngine/PackageManagerService
 * dumpPackageLPr with PermissionManagerServiceImpl's state lines, Android 6–16):
 *     requested permissions:            one name per line (", restricted=true" on some)
 *     install permissions:              `name: granted=true`
 *     User 0: ceDataInode=… installed=…
 *       runtime permissions:            `name: granted=false, flags=[ USER_SET|USER_FIXED]`
 * Only the installed package's block counts (not `Hidden system packages:`), and user 0's
 * runtime state before any other user's. Flags the phone has no name for print as numbers and
 * are kept as printed.
 */
import { LabError } from '../../errors';
import { decodeDeviceText, splitLines } from './decode';
import { escapeRegExp, head, indentOf, isTopSection, packageHeaderIndent } from './dump-fields';

export interface PermissionState {
  readonly granted: boolean | null;
  readonly flags: readonly string[];
  /** The phone's own line(s) behind the answer. */
  readonly raw: string;
}

const HIDDEN_SECTION = /^Hidden system packages:/;
const ABSENT = /^(?:Unable to find package|Unknown package)\b/m;

/** The installed package's block, or null; a block with no `Package [` header is the whole text. */
function packageBlock(lines: readonly string[], pkg: string): string[] | null {
  let hidden = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (isTopSection(line)) hidden = HIDDEN_SECTION.test(line);
    const indent = hidden ? null : packageHeaderIndent(line, pkg);
    if (indent === null) continue;
    const block: string[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j] as string;
      if (next.trim() === '' || indentOf(next) <= indent) break;
      block.push(next);
    }
    return block;
  }
  return null;
}

/** `name: granted=…[, flags=[ A|B]]`; a flag list cut off before `]` loses its last (partial) flag. */
function stateLine(line: string, permission: string): { granted: boolean; flags: string[] | null } | null {
  const m = new RegExp(`^\\s*${escapeRegExp(permission)}: granted=(true|false)(.*)$`).exec(line);
  if (!m) return null;
  return { granted: m[1] === 'true', flags: flagList(m[2] as string) };
}

function flagList(rest: string): string[] | null {
  const m = /flags=\[([^\]]*)(\]?)/.exec(rest);
  if (!m) return null;
  const names = (m[1] as string)
    .split('|')
    .map((f) => f.trim())
    .filter((f) => f !== '');
  return m[2] === ']' ? names : names.slice(0, -1);
}

interface Found {
  readonly granted: boolean | null;
  readonly flags: readonly string[];
  readonly raw: string;
}

/** Walks the block once, collecting the permission's lines by section and user. */
function scan(block: readonly string[], permission: string) {
  let section: 'requested' | 'install' | 'runtime' | 'granted' | null = null;
  let user: number | null = null;
  const runtime = new Map<number | null, Found>();
  let install: Found | null = null;
  let requested: string | null = null;
  let sawUser0 = false;
  for (let i = 0; i < block.length; i++) {
    const line = block[i] as string;
    const trimmed = line.trim();
    const userHeader = /^User (\d+):/.exec(trimmed);
    if (userHeader) {
      user = Number(userHeader[1]);
      if (user === 0) sawUser0 = true;
      section = null;
      continue;
    }
    if (/^requested permissions:$/.test(trimmed)) section = 'requested';
    else if (/^install permissions:$/.test(trimmed)) section = 'install';
    else if (/^runtime permissions:$/.test(trimmed)) section = 'runtime';
    else if (/^grantedPermissions:$/.test(trimmed)) section = 'granted';
    else if (/^[\w ]+:$/.test(trimmed)) section = null;
    if (section === null) continue;
    const state = stateLine(line, permission);
    if (state) {
      // Flags on the next line, as reported for Samsung (not in any capture here).
      const nextLine = block[i + 1];
      const wrapped = state.flags === null && nextLine !== undefined && /^\s*flags=\[/.test(nextLine);
      const flags = state.flags ?? (wrapped ? flagList((nextLine as string).trim()) : null) ?? [];
      const raw = wrapped ? `${trimmed} ${(nextLine as string).trim()}` : trimmed;
      const found: Found = { granted: state.granted, flags, raw };
      if (section === 'install') install ??= found;
      else if (section === 'runtime' && !runtime.has(user)) runtime.set(user, found);
      continue;
    }
    const name = trimmed.split(/[,:\s]/)[0];
    if (name !== permission) continue;
    if (section === 'requested') requested ??= trimmed;
    // Android 5 and older list granted permissions by name only.
    if (section === 'granted') install ??= { granted: true, flags: [], raw: trimmed };
  }
  return { runtime, install, requested, sawUser0 };
}

/**
 * Reads one permission's grant state from `dumpsys package <pkg>` (the output for that one
 * package: the first `Package [` block is taken as the app); null when the package does not
 * request the permission or is not installed.
 */
export function parseRuntimePermission(
  dumpsysPackage: string | Buffer,
  permission: string,
): PermissionState | null {
  const text = decodeDeviceText(dumpsysPackage);
  const lines = splitLines(text);
  const pkg = /^[ \t]*Package \[([^\]\n]+)\] \(/m.exec(text)?.[1];
  let block = pkg === undefined ? null : packageBlock(lines, pkg);
  if (block === null) {
    if (ABSENT.test(text)) return null;
    if (!/^[ \t]*(?:requested|install|runtime) permissions:$/m.test(text)) {
      throw new LabError('MALFORMED_OUTPUT', 'The package permissions from the phone could not be read.', {
        hint: 'Run `adb shell dumpsys package <package>` by hand to see what the phone prints.',
        zh: {
          message: '无法读取手机上该应用包的权限。',
          hint: '请手动运行 `adb shell dumpsys package <package>`，查看手机打印的内容。',
        },
        detail: head(text),
      });
    }
    block = lines; // a bare excerpt (grep output): read it as one block.
  }
  const { runtime, install, requested, sawUser0 } = scan(block, permission);
  // Another user's state stands in only when the dump has no user 0 at all.
  const other = sawUser0 ? undefined : runtime.values().next().value;
  const chosen = runtime.get(0) ?? runtime.get(null) ?? other ?? install;
  if (chosen) return chosen;
  // Requested, but no state line: the phone did not say whether it is granted.
  if (requested !== null) return { granted: null, flags: [], raw: requested };
  return null;
}
