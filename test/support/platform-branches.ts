/**
 * Finds device-platform checks in source text: comparisons with 'ios' / 'android', switch cases on
 * them, isSimulator… helpers and serial-shape dispatch on a UDID pattern. Outside the platform
 * folders each one is a place that knows platforms other than through DevicePlatform.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Where platform checks belong: each platform's own folder and the seam itself. */
export const PLATFORM_FOLDERS = ['electron/lab/android/', 'electron/lab/ios/', 'electron/lab/platform/'];

const CHECKS: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  { name: 'platform compared', pattern: /\bplatform\??\s*[!=]==?\s*['"`](?:ios|android)['"`]/ },
  { name: 'platform compared', pattern: /['"`](?:ios|android)['"`]\s*[!=]==?\s*[\w.?]*platform\b/ },
  { name: 'switch on platform', pattern: /\bcase\s+['"`](?:ios|android)['"`]\s*:/ },
  { name: 'isSimulator helper', pattern: /\bisSimulator\w*\b/ },
  { name: 'serial shape', pattern: /\b\w*UDID_PATTERN\.test\s*\(/ },
  { name: 'simulator kind', pattern: /\bkind\s*[!=]==?\s*['"`]simulator['"`]/ },
];

export interface PlatformBranch {
  readonly file: string;
  readonly line: number;
  readonly check: string;
  readonly text: string;
}

/** Code without comments, line by line (a `//` inside a string only hides the rest of that line). */
function codeLines(source: string): string[] {
  const withoutBlocks = source.replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, ' '));
  return withoutBlocks.split('\n').map((line) => line.replace(/(^|[^:'"`\\])\/\/.*$/, '$1'));
}

export function platformBranches(file: string, source: string): PlatformBranch[] {
  const found: PlatformBranch[] = [];
  codeLines(source).forEach((line, i) => {
    const hit = CHECKS.find((c) => c.pattern.test(line));
    if (hit) found.push({ file, line: i + 1, check: hit.name, text: line.trim().slice(0, 120) });
  });
  return found;
}

export function inPlatformFolder(file: string): boolean {
  return PLATFORM_FOLDERS.some((folder) => file.startsWith(folder));
}

/** Every source file under `dir` (relative to `root`, with forward slashes). */
export function sourceFiles(root: string, dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(?:ts|tsx|js|mjs|cjs)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** Platform checks in electron/** outside the platform folders. */
export function branchesOutsidePlatforms(root: string): PlatformBranch[] {
  return sourceFiles(root, 'electron')
    .filter((file) => !inPlatformFolder(file))
    .flatMap((file) => platformBranches(file, readFileSync(path.join(root, file), 'utf8')));
}
