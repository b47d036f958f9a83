#!/usr/bin/env node
/**
 * `node electron/scripts/native.mjs ensure node|electron`: makes better-sqlite3's native build
 * match the runtime about to load it, rebuilding only when it does not (cheap otherwise).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decideNativeAction, parseMarker, rebuildCommand, targetAbi } from './native-state.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(ROOT, 'package.json'));
const MARKER = path.join(ROOT, 'node_modules', '.pushlab', 'better-sqlite3.json');

function readText(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function moduleDir(name) {
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}

function binaryFacts(dir) {
  const file = dir && path.join(dir, 'build', 'Release', 'better_sqlite3.node');
  if (!file || !existsSync(file)) return null;
  const stat = statSync(file);
  return { size: stat.size, mtimeMs: Math.trunc(stat.mtimeMs) };
}

/** Loads better-sqlite3 in a child Node process: true when this Node can use the build. */
function probeNode() {
  const code = "const D = require('better-sqlite3'); new D(':memory:').close();";
  return (
    spawnSync(process.execPath, ['-e', code], { cwd: ROOT, stdio: 'ignore', timeout: 30_000 }).status === 0
  );
}

/** Runs npm or a local bin with inherited output; returns its exit status. */
function runTool(tool, args) {
  if (tool === 'npm') {
    const npmCli = process.env.npm_execpath;
    const result =
      npmCli && npmCli.endsWith('.js')
        ? spawnSync(process.execPath, [npmCli, ...args], { cwd: ROOT, stdio: 'inherit' })
        : spawnSync('npm', args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
    return result.status ?? 1;
  }
  const bin = path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? `${tool}.cmd` : tool);
  return (
    spawnSync(bin, args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1
  );
}

function writeMarker(runtime, abi, binary) {
  mkdirSync(path.dirname(MARKER), { recursive: true });
  writeFileSync(MARKER, `${JSON.stringify({ runtime, abi, binary }, null, 2)}\n`);
}

/** Brings the build in line with `runtime`; returns a process exit code. */
export function ensure(runtime) {
  const dir = moduleDir('better-sqlite3');
  if (!dir) {
    console.error('native: better-sqlite3 is not installed; run `npm install` first.');
    return 1;
  }
  const electronDir = moduleDir('electron');
  const abi = targetAbi(runtime, {
    nodeAbi: process.versions.modules,
    electronAbiFile: electronDir ? readText(path.join(electronDir, 'abi_version')) : null,
    electronVersion: electronDir
      ? (JSON.parse(readText(path.join(electronDir, 'package.json')) ?? '{}').version ?? null)
      : null,
  });
  let action = decideNativeAction({
    runtime,
    abi,
    marker: parseMarker(readText(MARKER)),
    binary: binaryFacts(dir),
  });
  if (action === 'up-to-date') return 0;
  if (action === 'probe') action = probeNode() ? 'up-to-date' : 'rebuild';
  if (action === 'rebuild') {
    const { tool, args } = rebuildCommand(runtime);
    console.error(
      `native: rebuilding better-sqlite3 for ${runtime} (ABI ${abi}) with \`${tool} ${args.join(' ')}\`…`,
    );
    const status = runTool(tool, args);
    if (status !== 0 || (runtime === 'node' && !probeNode())) {
      console.error(
        `native: the rebuild for ${runtime} failed. Check the output above (a C++ toolchain and Python are ` +
          'needed when no prebuilt binary can be downloaded), then run this command again.',
      );
      return 1;
    }
  }
  const binary = binaryFacts(dir);
  if (binary) writeMarker(runtime, abi, binary);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command, runtime] = process.argv.slice(2);
  if (command !== 'ensure' || (runtime !== 'node' && runtime !== 'electron')) {
    console.error('usage: node electron/scripts/native.mjs ensure node|electron');
    process.exit(2);
  }
  process.exit(ensure(runtime));
}
