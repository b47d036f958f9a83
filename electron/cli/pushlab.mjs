#!/usr/bin/env node
// The `pushlab` command. Runs the prebuilt JavaScript in out/cli (built by `npm run build`,
// `npm run build:cli`, and by `npm ci` / `npm install` through `prepare`) while it matches the
// sources it was built from; otherwise the TypeScript sources through tsx, so a fresh or edited
// checkout still works, only slower. PUSHLAB_CLI_FROM_SOURCE=1 forces the sources.
import module from 'node:module';
import { builtIsCurrent } from './build-stamp.mjs';

// Node 22+: V8 keeps compiled code between runs (a no-op on older Node).
module.enableCompileCache?.();

const prebuilt = process.env.PUSHLAB_CLI_FROM_SOURCE !== '1' && builtIsCurrent();
if (process.env.PUSHLAB_CLI_WHICH === '1') {
  // For the bench and tests: which code a command would run.
  process.stdout.write(prebuilt ? 'out/cli\n' : 'sources\n');
  process.exit(0);
}

async function loadMain() {
  if (prebuilt) return (await import('../../out/cli/main.js')).main;
  try {
    const { register } = await import('tsx/esm/api');
    register();
  } catch {
    process.stderr.write(
      'pushlab: the command is not built and tsx is not installed.\n  What to do: run `npm ci` (or `npm run build:cli`) in the PushLab folder.\n',
    );
    process.exit(2);
  }
  return (await import('./main.ts')).main;
}

const main = await loadMain();
process.exitCode = await main(process.argv.slice(2));
