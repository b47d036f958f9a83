/**
 * Options every command shares: where adb is, where data lives, how to print.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { defaultAdbConfig, type AdbConfig } from '../lab/adb/adb-config';
import { LabError } from '../lab/errors';

export interface GlobalOptions {
  readonly adb: AdbConfig;
  readonly dataDir: string;
  readonly dbPath: string | undefined;
  readonly json: boolean;
  readonly verbose: boolean;
}

export const GLOBAL_OPTION_SPEC = {
  'adb-host': { type: 'string' },
  'adb-port': { type: 'string' },
  'no-start-server': { type: 'boolean', default: false },
  db: { type: 'string' },
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.PUSHLAB_DATA_DIR || join(homedir(), '.pushlab');
}

export function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new LabError('INVALID_ARGUMENT', `"${text}" is not a TCP port.`, {
      hint: 'Use a number from 1 to 65535, e.g. --adb-port 5037.',
      zh: {
        message: `“${text}”不是 TCP 端口。`,
        hint: '请使用 1 到 65535 之间的数字，例如 --adb-port 5037。',
      },
    });
  }
  return port;
}

export function globalOptions(
  values: Record<string, string | boolean | string[] | undefined>,
): GlobalOptions {
  const base = defaultAdbConfig();
  const host = typeof values['adb-host'] === 'string' ? values['adb-host'] : base.host;
  const port = typeof values['adb-port'] === 'string' ? parsePort(values['adb-port']) : base.port;
  return {
    adb: { ...base, host, port, startServer: base.startServer && values['no-start-server'] !== true },
    dataDir: typeof values['data-dir'] === 'string' ? values['data-dir'] : defaultDataDir(),
    dbPath: typeof values.db === 'string' ? values.db : undefined,
    json: values.json === true,
    verbose: values.verbose === true,
  };
}
