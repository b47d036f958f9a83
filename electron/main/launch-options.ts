/**
 * How this launch is configured, from argv and the environment: demo mode, the adb server to
 * use and where the renderer comes from. Pure, so index.ts stays wiring only.
 */
import path from 'node:path';
import { DEMO_ADB_PORT, launchAdbConfig } from '../lab/adb/adb-config';

export { DEMO_ADB_PORT };
import type { AdbConfig } from '../lab/adb/adb-config';
import type { AppLocation } from './security-policy';

export interface LaunchOptions {
  /** Virtual phones instead of (only) real ones: `--demo` or PUSHLAB_DEMO=1. */
  readonly demo: boolean;
}

/** Reads the launch flags. */
export function parseLaunchOptions(argv: readonly string[], env: NodeJS.ProcessEnv): LaunchOptions {
  return { demo: argv.includes('--demo') || env.PUSHLAB_DEMO === '1' };
}

/** The adb server the core talks to for this launch. */
export function labAdbConfig(options: LaunchOptions, env: NodeJS.ProcessEnv): AdbConfig {
  return launchAdbConfig(options.demo, env);
}

/**
 * The renderer: the dev server only when unpackaged and electron-vite says so (a packaged app
 * ignores the variable, so nobody can point it at foreign content), else the built index.html.
 */
export function rendererLocation(input: {
  isPackaged: boolean;
  env: NodeJS.ProcessEnv;
  mainDir: string;
}): AppLocation {
  const devUrl = input.env.ELECTRON_RENDERER_URL;
  if (!input.isPackaged && devUrl) {
    const parsed = URL.canParse(devUrl) ? new URL(devUrl) : null;
    const loopback = parsed !== null && ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
    if (loopback && (parsed.protocol === 'http:' || parsed.protocol === 'https:'))
      return { kind: 'dev', url: parsed.href };
  }
  return { kind: 'file', indexHtmlPath: path.join(input.mainDir, '..', 'renderer', 'index.html') };
}

/** The built preload next to the built main. */
export function preloadPath(mainDir: string): string {
  return path.join(mainDir, '..', 'preload', 'index.cjs');
}
