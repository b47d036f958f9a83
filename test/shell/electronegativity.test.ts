/**
 * Electronegativity (Doyensec's Electron security linter) over the shell's sources and the built
 * index.html: every finding must be a reviewed false positive listed, with why, in
 * electronegativity-false-positives.json, and every listed entry must still match a finding.
 */
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { Module, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../renderer/support/browser';

interface Finding {
  readonly id: string;
  readonly file: string;
  readonly location: { readonly line: number; readonly column: number };
}
interface ScanResult {
  readonly errors: readonly unknown[];
  readonly issues: readonly Finding[];
  readonly atomicChecks: number;
}
type Scan = (options: Record<string, unknown>) => Promise<ScanResult>;

const reviewed = JSON.parse(
  readFileSync(path.join(import.meta.dirname, 'electronegativity-false-positives.json'), 'utf8'),
) as {
  excludedChecks: Record<string, string>;
  falsePositives: { check: string; file: string; why: string }[];
};
const electronVersion = (
  JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules/electron/package.json'), 'utf8')) as {
    version: string;
  }
).version;

let input: string;
let result: ScanResult;

beforeAll(async () => {
  // The scanned tree mirrors the repo: the main and preload sources, the built page, package.json.
  input = await mkdtemp(path.join(tmpdir(), 'pushlab-electronegativity-'));
  for (const dir of ['electron/main', 'electron/preload'])
    await cp(path.join(REPO_ROOT, dir), path.join(input, dir), { recursive: true });
  await mkdir(path.join(input, 'out/renderer'), { recursive: true });
  await cp(path.join(REPO_ROOT, 'out/renderer/index.html'), path.join(input, 'out/renderer/index.html'));
  await cp(path.join(REPO_ROOT, 'package.json'), path.join(input, 'package.json'));
  const load = createRequire(import.meta.url);
  keepOffline(load);
  const scan = load('@doyensec/electronegativity') as Scan;
  result = await scan({
    input,
    isRelative: true,
    electronVersionOverride: electronVersion,
    excludeFromScan: Object.keys(reviewed.excludedChecks),
  });
}, 60_000);

/**
 * Electronegativity fetches translations from a cloud bucket on every scan (its locales/i18n.js,
 * through `got`). Tests reach nothing but loopback: its `got` is replaced before it loads, so the
 * scanner falls back to its bundled en-US texts without a request.
 */
function keepOffline(load: NodeJS.Require): void {
  const gotPath = createRequire(load.resolve('@doyensec/electronegativity')).resolve('got');
  const offline = () => Promise.reject(new Error('offline: tests make no outside requests'));
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = offline;
  load.cache[gotPath] = stub;
}

afterAll(async () => {
  if (input) await rm(input, { recursive: true, force: true });
});

const key = (check: string, file: string) => `${check} ${file.replace(/\\/g, '/')}`;

describe('electronegativity', () => {
  it('parses every file and runs its checks', () => {
    expect(result.errors).toEqual([]);
    expect(result.atomicChecks).toBeGreaterThan(20);
  });

  it('finds nothing that is not a reviewed false positive', () => {
    const listed = new Set(reviewed.falsePositives.map((fp) => key(fp.check, fp.file)));
    const unexplained = result.issues.filter((issue) => !listed.has(key(issue.id, issue.file)));
    expect(unexplained.map((i) => `${key(i.id, i.file)}:${i.location.line}`)).toEqual([]);
  });

  it('lists no false positive that no longer occurs, and says why for each', () => {
    const found = new Set(result.issues.map((issue) => key(issue.id, issue.file)));
    for (const fp of reviewed.falsePositives) {
      expect(found.has(key(fp.check, fp.file)), key(fp.check, fp.file)).toBe(true);
      expect(fp.why.length).toBeGreaterThan(40);
    }
  });
});
