#!/usr/bin/env node
/**
 * `npm start` / `npm run demo` (`--demo`; `--dev` for HMR): the Electron app when its binary is
 * on disk, otherwise the same UI in the browser via `npm run web -- --open`, with a note on why.
 * The web server opens the browser itself (only it knows the address's per-launch key), or says
 * plainly that it did not and prints the address.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensure } from './native.mjs';
import { findElectronBinary, planStart } from './start-plan.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(ROOT, 'package.json'));

function packageDir(name) {
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}

function readText(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Runs a child with inherited stdio, forwarding Ctrl-C / SIGTERM; resolves to its exit code. */
function run(command, args, extraEnv = {}, shell = false) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, ...extraEnv },
      shell,
    });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (error) => {
      console.error(`start: could not run ${command}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

function runNpm(args) {
  const npmCli = process.env.npm_execpath;
  return npmCli && npmCli.endsWith('.js')
    ? run(process.execPath, [npmCli, ...args])
    : run('npm', args, {}, process.platform === 'win32');
}

const binary = findElectronBinary({
  electronDir: packageDir('electron'),
  env: process.env,
  exists: existsSync,
  readText,
});
const plan = planStart({ argv: process.argv.slice(2), binary });

const electronVite = path.join(
  packageDir('electron-vite') ?? path.join(ROOT, 'node_modules', 'electron-vite'),
  'bin',
  'electron-vite.js',
);

if (plan.kind === 'web') {
  console.error(`\n${plan.message}\n`);
  // The web bridge serves out/renderer: build it first (no Electron binary needed for that).
  const built = await run(process.execPath, [electronVite, 'build']);
  if (built !== 0) process.exit(built);
  if (ensure('node') !== 0) process.exit(1);
  process.exit(await runNpm(plan.webArgs));
}

if (ensure('electron') !== 0) process.exit(1);
process.exit(await run(process.execPath, [electronVite, plan.mode], plan.env));
