/**
 * Every command or README section a message names exists: the texts are collected from the
 * message catalogs (en + zh-CN) and from the sources' string literals (LabError messages and
 * hints), and checked against the CLI's command list and the README's headings.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../electron/cli/main';
import { en, zhCN } from '../../../shared/i18n';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mjs)$/.test(name) ? [path] : [];
  });
}

/** Catalog texts plus every source file under electron/ and shared/ (whole text: literals and templates). */
const TEXTS: ReadonlyArray<{ where: string; text: string }> = [
  ...Object.entries(en).map(([key, text]) => ({ where: `en ${key}`, text })),
  ...Object.entries(zhCN).map(([key, text]) => ({ where: `zh-CN ${key}`, text })),
  ...['electron', 'shared'].flatMap((dir) =>
    sourceFiles(dir).map((file) => ({ where: file, text: readFileSync(file, 'utf8') })),
  ),
];

const README = readFileSync('README.md', 'utf8');
const HEADINGS = new Set([...README.matchAll(/^#{1,6}\s+(.+?)\s*$/gm)].map((m) => m[1]!.trim()));

/** `pushlab <command>` wherever a text tells the user to run one. */
function commandsNamed(text: string): string[] {
  return [...text.matchAll(/(?:`|npx |^|[\s(（“"])pushlab ([a-z][a-z-]*)/gm)].map((m) => m[1]!);
}

/** README sections named: README section "X", README (X), README, X), README 的“X”. */
function sectionsNamed(text: string): string[] {
  const patterns = [
    /README section "([^"]+)"/g,
    /README \(([A-Z][^)]*)\)/g,
    /README, ([A-Z][^)]*)\)/g,
    /README 的“([^”]+)”/g,
    /README section “([^”]+)”/g,
  ];
  return patterns.flatMap((re) => [...text.matchAll(re)].map((m) => m[1]!.trim()));
}

describe('messages name only what exists', () => {
  it('every `pushlab <command>` in a message is a command the CLI has', () => {
    const named = TEXTS.flatMap(({ where, text }) =>
      commandsNamed(text).map((command) => ({ where, command })),
    );
    // The collection itself works: the plan validator's reference to `pushlab scenarios` is seen.
    expect(named.map((n) => n.command)).toEqual(expect.arrayContaining(['scenarios', 'runs', 'doctor']));
    const unknown = named.filter((n) => !(COMMANDS as readonly string[]).includes(n.command));
    expect(unknown).toEqual([]);
  });

  it('every README section a message names is a README heading', () => {
    const named = TEXTS.flatMap(({ where, text }) =>
      sectionsNamed(text).map((section) => ({ where, section })),
    );
    expect(named.map((n) => n.section)).toContain('The plan');
    const missing = named.filter((n) => !HEADINGS.has(n.section));
    expect(missing).toEqual([]);
  });

  it('finds a section reference that does not exist (the check can fail)', () => {
    expect(sectionsNamed('see the README section "Run plans"').filter((s) => !HEADINGS.has(s))).toEqual([
      'Run plans',
    ]);
    expect(commandsNamed('run `pushlab frobnicate`')).toEqual(['frobnicate']);
  });
});
