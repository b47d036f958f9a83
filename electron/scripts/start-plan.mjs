/**
 * Pure decisions behind `npm start` / `npm run demo`: is the Electron binary really on disk, and
 * what to run. Never `require('electron')` to find out: with the binary missing, that call
 * tries to download it (and the download host may be unreachable).
 */
import path from 'node:path';

/**
 * Where the Electron executable is, mirroring what the `electron` package and electron-vite
 * do (ELECTRON_EXEC_PATH, ELECTRON_OVERRIDE_DIST_PATH, path.txt + dist/), without side effects.
 * @param {{ electronDir: string | null, env: Record<string, string | undefined>,
 *   exists: (file: string) => boolean, readText: (file: string) => string | null }} input
 * @returns {{ found: true, path: string } | { found: false, reason: string }}
 */
export function findElectronBinary({ electronDir, env, exists, readText }) {
  if (env.ELECTRON_EXEC_PATH) {
    return exists(env.ELECTRON_EXEC_PATH)
      ? { found: true, path: env.ELECTRON_EXEC_PATH }
      : {
          found: false,
          reason: `ELECTRON_EXEC_PATH points to ${env.ELECTRON_EXEC_PATH}, which does not exist`,
        };
  }
  if (!electronDir) return { found: false, reason: 'the electron package is not installed in node_modules' };
  const relative = (readText(path.join(electronDir, 'path.txt')) ?? '').trim();
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const file = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return exists(file)
      ? { found: true, path: file }
      : { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH points to ${file}, which does not exist` };
  }
  if (!relative) {
    return {
      found: false,
      reason: 'the Electron binary was never downloaded (node_modules/electron/path.txt is missing)',
    };
  }
  const file = path.join(electronDir, 'dist', relative);
  return exists(file)
    ? { found: true, path: file }
    : { found: false, reason: `node_modules/electron/path.txt names ${file}, which is missing` };
}

/** The paragraph shown when there is no Electron binary. */
export function missingElectronMessage(reason, demo) {
  const web = `npm run web -- ${demo ? '--demo ' : ''}--open`;
  return [
    `PushLab: the Electron desktop shell cannot start because ${reason}.`,
    "This happens when Electron's download host was unreachable while dependencies were installed.",
    'To get the desktop app, run `npx install-electron` with network access (set ELECTRON_MIRROR if you',
    'need a mirror), or point ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron 45 build.',
    `Meanwhile the same UI runs in your browser: running \`${web}\`, which opens the browser if it can`,
    'and otherwise says so and prints the address to open (it carries a key for this launch only).',
  ].join('\n');
}

/**
 * What `start.mjs` runs for these arguments.
 * @param {{ argv: readonly string[], binary: { found: boolean, path?: string, reason?: string } }} input
 * @returns {{ kind: 'electron', mode: 'dev' | 'preview', demo: boolean, env: Record<string, string> }
 *   | { kind: 'web', demo: boolean, webArgs: string[], message: string }}
 */
export function planStart({ argv, binary }) {
  const demo = argv.includes('--demo');
  if (binary.found) {
    return {
      kind: 'electron',
      // `npm start` runs the production build (strict CSP); `--dev` gives HMR.
      mode: argv.includes('--dev') ? 'dev' : 'preview',
      demo,
      env: demo ? { PUSHLAB_DEMO: '1' } : {},
    };
  }
  return {
    kind: 'web',
    demo,
    // --open: the web server opens the browser itself, since only it knows the address's key.
    webArgs: demo ? ['run', 'web', '--', '--demo', '--open'] : ['run', 'web', '--', '--open'],
    message: missingElectronMessage(binary.reason ?? 'the Electron binary is missing', demo),
  };
}
