/**
 * Runs the BUILT main bundle (out/main/index.js) under plain Node with the electron STAND-IN
 * (test/shell/electron-stand-in) in place of `electron`, for this test only: the stand-in is
 * bundled into a temp folder and a module hook there resolves `electron` to it. What
 * `electron` means for the app itself is unchanged.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from '../../renderer/support/browser';

const STAND_IN_SOURCE = path.join(REPO_ROOT, 'test/shell/electron-stand-in');
export const MAIN_BUNDLE = path.join(REPO_ROOT, 'out/main/index.js');

/** Bundles the stand-in (electron.mjs, register.mjs, resolve-hooks.mjs) into `dir`; returns register.mjs. */
export async function buildStandIn(dir: string): Promise<string> {
  for (const built of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
    if (!existsSync(path.join(REPO_ROOT, built)))
      throw new Error(`${built} is missing: run \`npm run build\` before the shell tests.`);
  }
  await mkdir(dir, { recursive: true });
  const playwright = path.join(
    path.dirname(createRequire(import.meta.url).resolve('playwright-core/package.json')),
    'index.mjs',
  );
  await build({
    entryPoints: {
      electron: path.join(STAND_IN_SOURCE, 'index.ts'),
      register: path.join(STAND_IN_SOURCE, 'register.ts'),
      'resolve-hooks': path.join(STAND_IN_SOURCE, 'resolve-hooks.ts'),
    },
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    plugins: [
      {
        name: 'playwright-from-the-repo',
        setup(b) {
          b.onResolve({ filter: /^playwright-core$/ }, () => ({
            path: pathToFileURL(playwright).href,
            external: true,
          }));
        },
      },
    ],
  });
  return path.join(dir, 'register.mjs');
}

export interface JournalEntry {
  readonly kind: string;
  readonly [key: string]: unknown;
}

export interface StandInApp {
  readonly child: ChildProcess;
  /** stdout + stderr so far. */
  output(): string;
  journal(): JournalEntry[];
  /** Resolves with the exit code (or the signal name). */
  readonly exited: Promise<number | string>;
  /** Playwright attached over CDP to the stand-in's Chromium, and the app window's page. */
  attach(): Promise<{ browser: Browser; page: Page }>;
}

export function readJournal(standInDir: string): JournalEntry[] {
  const file = path.join(standInDir, 'journal.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as JournalEntry);
}

async function until<T>(
  what: string,
  probe: () => T | undefined,
  timeoutMs: number,
  app: () => string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what}. App output:\n${app().slice(-4000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Starts `node --import register.mjs out/main/index.js ...args` with the given environment. */
export function launchStandInApp(options: {
  register: string;
  standInDir: string;
  home: string;
  args?: string[];
  env?: NodeJS.ProcessEnv;
}): StandInApp {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    LANG: 'en_US.UTF-8',
    HOME: options.home,
    XDG_CONFIG_HOME: path.join(options.home, '.config'),
    PUSHLAB_STAND_IN_DIR: options.standInDir,
    ...options.env,
  };
  const child = spawn(
    process.execPath,
    ['--import', pathToFileURL(options.register).href, MAIN_BUNDLE, ...(options.args ?? [])],
    {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const journal = () => readJournal(options.standInDir).filter((entry) => entry.pid === child.pid);
  return {
    child,
    output: () => output,
    journal,
    exited,
    async attach() {
      const cdp = await until(
        'the stand-in Chromium',
        () => journal().find((e) => e.kind === 'chromium')?.cdp as string | undefined,
        30_000,
        () => output,
      );
      await until(
        'the app to load',
        () => journal().find((e) => e.kind === 'loadURL'),
        30_000,
        () => output,
      );
      // noDefaults: the test's connection leaves the stand-in's settings (downloads, viewport) alone.
      const browser = await chromium.connectOverCDP(cdp, { noDefaults: true });
      const page = await until(
        'the window page',
        () =>
          browser
            .contexts()[0]
            ?.pages()
            .find((p) => p.url().startsWith('file:')),
        30_000,
        () => output,
      );
      return { browser, page };
    },
  };
}
