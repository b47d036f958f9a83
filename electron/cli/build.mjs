// Builds the prebuilt `pushlab` into out/cli (electron/cli/build.config.ts). `--if-stale`: only
// when out/cli is missing or older than the sources. Used by `npm run build:cli`, `prepare`
// (so `npm ci` leaves a fast command) and the bench. Plain JS: it must run before anything is built.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ROOT, builtIsCurrent } from './build-stamp.mjs';

if (process.argv.includes('--if-stale') && builtIsCurrent()) process.exit(0);
let vite;
try {
  // vite's "exports" do not list its bin; its package.json is listed.
  vite = join(dirname(createRequire(`${ROOT}package.json`).resolve('vite/package.json')), 'bin', 'vite.js');
  if (!existsSync(vite)) throw new Error(`${vite} is missing`);
} catch {
  // An install without devDependencies cannot build; the command then needs a build shipped in out/cli.
  // Under `prepare` (--if-stale) that must not fail the install: the wrapper then says what to do.
  process.stderr.write('pushlab build: vite is not installed (devDependencies); out/cli was not built.\n');
  process.exit(process.argv.includes('--if-stale') || existsSync(`${ROOT}out/cli/main.js`) ? 0 : 1);
}
const result = spawnSync(process.execPath, [vite, 'build', '--config', 'electron/cli/build.config.ts'], {
  cwd: ROOT,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
