/**
 * `npm run pack -- --stand-in` on this machine (no Electron download: a stand-in Electron
 * distribution), then the produced app.asar opened and checked: the built app is inside,
 * better-sqlite3's native module is unpacked, vendor settings ship, and nothing from
 * development (devDependencies, tests, fixtures, the demo lab) does. Prints the app's size.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import asar from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../renderer/support/browser';

interface PackSummary {
  readonly standIn: boolean;
  readonly appDir: string;
  readonly appBytes: number;
  readonly budgetBytes: number;
}

let out: string;
let output = '';
let summary: PackSummary;
let archive: string;
let files: string[];

function pack(outDir: string): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['electron/scripts/pack.mjs', '--stand-in', '--no-build', '--out', outDir],
      { cwd: REPO_ROOT },
    );
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('exit', resolve);
  });
}

beforeAll(async () => {
  if (!existsSync(path.join(REPO_ROOT, 'out/main/index.js')))
    throw new Error('out/ is missing: run `npm run build` before the packaging test.');
  out = await mkdtemp(path.join(tmpdir(), 'pushlab-pack-'));
  const code = await pack(out);
  if (code !== 0)
    throw new Error(`npm run pack -- --stand-in failed (${String(code)}):\n${output.slice(-4000)}`);
  summary = JSON.parse(readFileSync(path.join(out, 'pack-summary.json'), 'utf8')) as PackSummary;
  archive = path.join(summary.appDir, 'resources', 'app.asar');
  files = asar.listPackage(archive, { isPack: false }).map((f) => f.replace(/\\/g, '/'));
}, 120_000);

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

const packageJson = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('the package made by npm run pack -- --stand-in', () => {
  it('says it is a stand-in build: no native rebuild, no fuses', () => {
    expect(summary.standIn).toBe(true);
    expect(output).toContain('pack: STAND-IN mode');
    expect(output).toMatch(/native rebuild skipped/);
    expect(output).toMatch(/fuses not flipped/);
    // Not rebuilt: the packaged native module is the checkout's Node build, byte for byte.
    const native = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(
      readFileSync(path.join(`${archive}.unpacked`, native)).equals(
        readFileSync(path.join(REPO_ROOT, native)),
      ),
    ).toBe(true);
  });

  it('holds the built main, preload and renderer', () => {
    for (const file of [
      '/out/main/index.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
      '/package.json',
    ])
      expect(files).toContain(file);
    expect(files.some((f) => /^\/out\/renderer\/assets\/index-[\w-]+\.js$/.test(f))).toBe(true);
    const main = asar.extractFile(archive, 'out/main/index.js').toString('utf8');
    expect(main).toBe(readFileSync(path.join(REPO_ROOT, 'out/main/index.js'), 'utf8'));
  });

  it("unpacks better-sqlite3's native module next to the asar", () => {
    const native = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(files).toContain(`/${native}`);
    expect(existsSync(path.join(`${archive}.unpacked`, native))).toBe(true);
    expect((asar.statFile(archive, native) as { unpacked?: boolean }).unpacked).toBe(true);
    expect(
      files.filter(
        (f) =>
          f.startsWith('/node_modules/better-sqlite3/deps/') ||
          f.startsWith('/node_modules/better-sqlite3/src/'),
      ),
    ).toEqual([]);
  });

  it('ships the vendor settings the doctor reads', () => {
    const shipped = readdirSync(path.join(summary.appDir, 'resources', 'vendor-settings')).sort();
    expect(shipped).toEqual(readdirSync(path.join(REPO_ROOT, 'resources', 'vendor-settings')).sort());
    expect(shipped.length).toBeGreaterThan(0);
  });

  it('contains no devDependency, test, fixture, source or demo lab', () => {
    const modules = new Set(
      files.map((f) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f)?.[1]).filter(Boolean),
    );
    const unpackedModules = readdirSync(path.join(`${archive}.unpacked`, 'node_modules'));
    for (const dev of Object.keys(packageJson.devDependencies)) {
      expect(modules.has(dev), dev).toBe(false);
      expect(unpackedModules.includes(dev), dev).toBe(false);
    }
    // What only development needs, whatever pulled it in.
    for (const name of [
      'vite',
      'vitest',
      'playwright-core',
      'typescript',
      'tsx',
      'esbuild',
      'react',
      'react-dom',
    ])
      expect(modules.has(name), name).toBe(false);
    // The runtime dependencies main loads are there.
    for (const name of ['better-sqlite3', '@devicefarmer/adbkit', 'jose', 'zod'])
      expect(modules.has(name), name).toBe(true);
    const own = files.filter((f) => !f.startsWith('/node_modules/'));
    expect(
      own.filter(
        (f) => /^\/(test|electron|renderer|shared|bench|resources)\//.test(f) || /\.(ts|tsx|map)$/.test(f),
      ),
    ).toEqual([]);
    expect(files.filter((f) => /\/(fixtures|__tests__)\//.test(f) || /\.test\.[cm]?[jt]s$/.test(f))).toEqual(
      [],
    );
    for (const file of own.filter((f) => f.startsWith('/out/main/'))) {
      const text = asar.extractFile(archive, file.slice(1)).toString('utf8');
      expect(text, file).not.toMatch(/test\/(virtual-lab|fixtures)/);
    }
  });

  it(`stays within its size budget`, () => {
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    console.log(
      `PushLab package (resources/) = ${mb(summary.appBytes)} of a ${mb(summary.budgetBytes)} budget`,
    );
    expect(summary.appBytes).toBeGreaterThan(1024 * 1024);
    expect(summary.appBytes).toBeLessThanOrEqual(summary.budgetBytes);
  });
});
