/**
 * `dumpsys package <pkg>`: the `Package [<pkg>] (<hash>):` block under `Packages:`. An updated
 * system app also has a block under `Hidden system packages:` (the factory copy), which is not
 * the installed version. Field layout across versions (AOSP Settings/ComputerEngine dump code):
 *   4.4: `versionCode=4` and `targetSdk=22` on separate lines, `User 0:  installed=… stopped=…`
 *   8–9: `versionCode=2054 minSdk=18 targetSdk=23`, times at package level
 *   14+: same, plus per-user `firstInstallTime=` under `User 0:`
 */
import { decodeDeviceText, splitLines } from './decode';
import { indentOf, isTopSection, packageHeaderIndent } from './dump-fields';

export interface DumpsysPackageInfo {
  readonly versionCode: number | null;
  readonly versionName: string | null;
  readonly minSdk: number | null;
  readonly targetSdk: number | null;
  /** User 0's stopped flag (force-stopped / never launched apps get no broadcasts, so no push). */
  readonly stopped: boolean | null;
  /** User 0's enabled state: false for disabled, disabled-user and disabled-until-used. */
  readonly enabled: boolean | null;
  /** As printed by the phone, in its local time ("2025-07-04 01:16:34"). */
  readonly firstInstallTime: string | null;
  readonly lastUpdateTime: string | null;
  readonly installer: string | null;
}

const HIDDEN_SECTION = /^Hidden system packages:/;

/** The lines of the installed package's block, or null when the package is not listed. */
function findBlock(lines: readonly string[], pkg: string): string[] | null {
  let hidden = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (isTopSection(line)) hidden = HIDDEN_SECTION.test(line);
    if (hidden) continue;
    const indent = packageHeaderIndent(line, pkg);
    if (indent === null) continue;
    const block: string[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j] as string;
      if (next.trim() === '') break;
      if (indentOf(next) <= indent) break;
      block.push(next);
    }
    return block;
  }
  return null;
}

function firstMatch(lines: readonly string[], pattern: RegExp): string | null {
  for (const line of lines) {
    const m = pattern.exec(line);
    if (m) return m[1] as string;
  }
  return null;
}

function toInt(text: string | null): number | null {
  if (text === null || !/^-?\d+$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}

function nullable(text: string | null): string | null {
  if (text === null) return null;
  const value = text.trim();
  return value === '' || value === 'null' ? null : value;
}

function userLine(block: readonly string[]): string | null {
  return block.find((l) => /^\s*User 0:/.test(l)) ?? block.find((l) => /^\s*User \d+:/.test(l)) ?? null;
}

function flag(line: string | null, name: string): boolean | null {
  if (line === null) return null;
  const m = new RegExp(`\\b${name}=(true|false)\\b`).exec(line);
  return m ? m[1] === 'true' : null;
}

/** Parses `dumpsys package <pkg>`; null when the package is not in the output (not installed). */
export function parseDumpsysPackage(input: string | Buffer, pkg: string): DumpsysPackageInfo | null {
  const block = findBlock(splitLines(decodeDeviceText(input)), pkg);
  if (!block) return null;
  const user = userLine(block);
  // COMPONENT_ENABLED_STATE_DEFAULT (0) and ENABLED (1) run; 2, 3 and 4 are the disabled states.
  const enabledState = user === null ? null : toInt(/\benabled=(\d+)/.exec(user)?.[1] ?? null);
  return {
    versionCode: toInt(firstMatch(block, /^\s*versionCode=(\d+)/)),
    versionName: nullable(firstMatch(block, /^\s*versionName=(.*)$/)),
    minSdk: toInt(firstMatch(block, /\bminSdk=(\d+)/)),
    targetSdk: toInt(firstMatch(block, /\btargetSdk=(\d+)/)),
    stopped: flag(user, 'stopped'),
    enabled: enabledState === null ? null : enabledState <= 1,
    firstInstallTime: nullable(firstMatch(block, /^\s*firstInstallTime=(.+)$/)),
    lastUpdateTime: nullable(firstMatch(block, /^\s*lastUpdateTime=(.+)$/)),
    installer: nullable(firstMatch(block, /^\s*installerPackageName=(.*)$/)),
  };
}
