/**
 * Which adb server the lab talks to, and whether it may start one: read from the environment,
 * with the demo on its own port so virtual phones never reach the user's real server.
 */
export interface AdbConfig {
  readonly host: string;
  readonly port: number;
  /** Path or name of the adb binary used to start a server when none answers. */
  readonly bin: string;
  /** Start a local adb server when none answers (only for loopback hosts). */
  readonly startServer: boolean;
}

export function defaultAdbConfig(env: NodeJS.ProcessEnv = process.env): AdbConfig {
  const port = Number.parseInt(env.ANDROID_ADB_SERVER_PORT ?? '', 10);
  return {
    host: env.PUSHLAB_ADB_HOST || '127.0.0.1',
    port: Number.isInteger(port) && port > 0 && port < 65536 ? port : 5037,
    bin: env.PUSHLAB_ADB_BIN || 'adb',
    startServer: env.PUSHLAB_ADB_NO_START !== '1',
  };
}

/**
 * The demo's own adb server port: virtual phones are announced to this server, never to the
 * user's real one on 5037, unless ANDROID_ADB_SERVER_PORT says otherwise.
 */
export const DEMO_ADB_PORT = 15037;

/** The adb server for a launch: the demo gets its own unless the environment names one. */
export function launchAdbConfig(demo: boolean, env: NodeJS.ProcessEnv = process.env): AdbConfig {
  const base = defaultAdbConfig(env);
  return demo && !env.ANDROID_ADB_SERVER_PORT ? { ...base, port: DEMO_ADB_PORT } : base;
}
