#!/usr/bin/env node
/**
 * `npm run pack`: build, then electron-builder --dir with electron-builder.yml (real Electron,
 * native modules rebuilt for Electron's ABI, fuses flipped).
 *
 * `npm run pack -- --stand-in` (or PUSHLAB_PACK_STAND_IN=1): offline packaging check for machines
 * that cannot download Electron. electron-builder packs into a STAND-IN Electron distribution made
 * here (a script where the electron binary would be), so the package can be inspected but not
 * run. Said out loud because it differs from a release: no native rebuild (better-sqlite3 keeps
 * its Node build) and no fuses (they are flipped inside the real binary).
 *
 * Options: --no-build (use out/ as is), --out DIR (default dist/). Prints the app's size and
 * fails when it is over PACKAGE_BUDGET_BYTES.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(ROOT, 'package.json'));
/** What PushLab adds to Electron (app.asar, its unpacked natives, vendor settings). */
export const PACKAGE_BUDGET_BYTES = 20 * 1024 * 1024;

const argv = process.argv.slice(2);
const standIn = argv.includes('--stand-in') || process.env.PUSHLAB_PACK_STAND_IN === '1';
const outIndex = argv.indexOf('--out');
const outDir = path.resolve(ROOT, outIndex >= 0 ? (argv[outIndex + 1] ?? 'dist') : 'dist');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** A folder shaped like Electron's Linux zip, with a script in place of the binary. */
function standInElectronDist(version) {
  const dir = path.join(ROOT, 'node_modules', '.cache', 'pushlab-stand-in-electron');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  const binary = path.join(dir, 'electron');
  writeFileSync(
    binary,
    '#!/bin/sh\necho "This PushLab package was made with a stand-in Electron (npm run pack -- --stand-in): it cannot run." >&2\nexit 1\n',
  );
  chmodSync(binary, 0o755);
  writeFileSync(path.join(dir, 'version'), version);
  writeFileSync(path.join(dir, 'LICENSE'), 'Stand-in Electron distribution for offline packaging checks.\n');
  return dir;
}

function sizeOf(target) {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(target).reduce((sum, name) => sum + sizeOf(path.join(target, name)), 0);
}

const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
// electron-vite's package exports hide its bin file: run it by path, as start.mjs does.
const electronVite = path.join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
if (!argv.includes('--no-build')) run(process.execPath, [electronVite, 'build']);

const config = { directories: { output: outDir } };
if (standIn) {
  console.log(
    'pack: STAND-IN mode - a stand-in Electron binary (nothing downloaded), native rebuild skipped ' +
      '(better-sqlite3 keeps its Node build), fuses not flipped (they live in the real binary). Not a release build.',
  );
  Object.assign(config, {
    electronDist: standInElectronDist(electronVersion),
    electronVersion,
    npmRebuild: false,
    electronFuses: null,
  });
}

const { Arch, Platform, build } = await import('electron-builder');
const arch = Arch[process.arch] ?? Arch.x64;
await build({ targets: Platform.LINUX.createTarget('dir', arch), config });

const unpacked = readdirSync(outDir).find((name) => /^linux(-[a-z0-9]+)?-unpacked$/.test(name));
if (!unpacked) throw new Error(`pack: no linux-*-unpacked folder in ${outDir}`);
const resources = path.join(outDir, unpacked, 'resources');
const appBytes = readdirSync(resources).reduce((sum, name) => sum + sizeOf(path.join(resources, name)), 0);
const summary = {
  standIn,
  electronVersion,
  appDir: path.join(outDir, unpacked),
  appBytes,
  budgetBytes: PACKAGE_BUDGET_BYTES,
};
writeFileSync(path.join(outDir, 'pack-summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
console.log(
  `pack: PushLab app (resources/: app.asar, unpacked natives, vendor settings) = ${mb(appBytes)}, budget ${mb(PACKAGE_BUDGET_BYTES)}`,
);
if (appBytes > PACKAGE_BUDGET_BYTES) {
  console.error('pack: over budget - check electron-builder.yml files/asarUnpack for what got in.');
  process.exit(1);
}
