/**
 * Issue 11: per-platform knowledge in shared/ and the renderer lives in one place per side — the
 * PLATFORMS table (shared/platforms) and the per-platform UI pieces (renderer/src/platforms). This
 * scans every other source file under renderer/ and shared/ for a check on a platform's name or a
 * simulator branch and fails listing file:line; a planted source proves the scan can fail.
 * (electron/** has its own scan, kept by the core's platform seam.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const SCANNED = ['renderer', 'shared'];
/** Where platform knowledge belongs (paths relative to the repository, with /). */
const PLATFORM_FOLDERS = ['shared/platforms/', 'renderer/src/platforms/'];

const P = String.raw`['"\x60](?:ios|android)['"\x60]`;
/** What counts as a platform branch, each with why. */
const PLATFORM_CHECKS: readonly { readonly why: string; readonly pattern: RegExp }[] = [
  { why: 'platform compared with a name', pattern: new RegExp(String.raw`\bplatform\s*[!=]==?\s*${P}`) },
  {
    why: 'a name compared with a platform',
    pattern: new RegExp(String.raw`${P}\s*[!=]==?\s*[\w.?]*\bplatform\b`),
  },
  { why: 'a platform chosen by a condition', pattern: new RegExp(String.raw`\?\s*${P}\s*:\s*${P}`) },
  { why: 'a switch over platform names', pattern: new RegExp(String.raw`\bcase\s+${P}\s*:`) },
  { why: 'a simulator / platform predicate', pattern: /\bis(?:Simulator|Ios|IOS|Android)\w*\s*\(/ },
  {
    why: 'a branch on a simulator being there',
    pattern: /\.simulator\s*(?:\?(?!\.)|&&|\|\||[!=]==)|!\s*[\w.]+\.simulator\b/,
  },
];

/** The source with comments blanked (line numbers kept), so prose about platforms is not a branch. */
function withoutComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, ' '))
    .replace(/(^|[\s;{}(),])\/\/.*$/gm, '$1');
}

/** `file:line: why: text` for each platform check in one source. */
export function platformBranches(file: string, source: string): string[] {
  const found: string[] = [];
  withoutComments(source)
    .split('\n')
    .forEach((line, i) => {
      const hit = PLATFORM_CHECKS.find((c) => c.pattern.test(line));
      if (hit) found.push(`${file}:${i + 1}: ${hit.why}: ${line.trim()}`);
    });
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((f) => !f.includes('/node_modules/') && !f.includes('/dist/'));
}

describe('platform branches in renderer/ and shared/', () => {
  it('appear only in the platform folders', () => {
    const files = SCANNED.flatMap(sourceFiles).filter((f) => !PLATFORM_FOLDERS.some((d) => f.startsWith(d)));
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((f) => platformBranches(f, readFileSync(path.join(root, f), 'utf8')));
    expect(found, `ask the platform table instead:\n${found.join('\n')}`).toEqual([]);
  });

  it('are found in a planted source, with file and line, and comments are not branches', () => {
    const planted = [
      '/** On iOS (platform === "ios") nothing happens. */',
      "const ios = device.platform === 'ios';",
      '// platform !== "android" in a comment',
      "if ('android' !== d.platform) return;",
      "const pkg = check(text, simulator ? 'ios' : 'android');",
      "switch (p) { case 'ios': break; }",
      'const sim = isSimulatorSerial(serial);',
      'return device.simulator ? a : b;',
      'const label = device.simulator?.state ?? null;',
      'const build = buildFor(device.platform);',
    ].join('\n');
    expect(platformBranches('renderer/src/planted.tsx', planted)).toEqual([
      "renderer/src/planted.tsx:2: platform compared with a name: const ios = device.platform === 'ios';",
      "renderer/src/planted.tsx:4: a name compared with a platform: if ('android' !== d.platform) return;",
      'renderer/src/planted.tsx:5: a platform chosen by a condition: ' +
        "const pkg = check(text, simulator ? 'ios' : 'android');",
      "renderer/src/planted.tsx:6: a switch over platform names: switch (p) { case 'ios': break; }",
      'renderer/src/planted.tsx:7: a simulator / platform predicate: const sim = isSimulatorSerial(serial);',
      'renderer/src/planted.tsx:8: a branch on a simulator being there: return device.simulator ? a : b;',
    ]);
  });
});
