/**
 * Options every command shares: where adb is, where data lives, how to print.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { defaultAdbConfig, type AdbConfig } from '../lab/adb/adb-config';
import { LabError } from '../lab/errors';
import type { LabHost } from '../../shared/domain/lab-host';
import { hostsFromArgs, hostsFromFile } from './hosts-option';

export interface GlobalOptions {
  readonly adb: AdbConfig;
  /** Several lab hosts (--adb-host repeated, or --hosts); null: the one adb server in `adb`. */
  readonly hosts: readonly LabHost[] | null;
  readonly dataDir: string;
  readonly dbPath: string | undefined;
  readonly json: boolean;
  readonly verbose: boolean;
}

export const GLOBAL_OPTION_SPEC = {
  'adb-host': { type: 'string', multiple: true },
  'adb-port': { type: 'string', multiple: true },
  hosts: { type: 'string' },
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

/** `options` reaching `hosts` (the first is the primary adb server). */
export function withHosts(options: GlobalOptions, hosts: readonly LabHost[]): GlobalOptions {
  const [primary] = hosts;
  if (!primary) return options;
  return {
    ...options,
    adb: { ...options.adb, host: primary.address, port: primary.port },
    hosts: hosts.length > 1 ? hosts : null,
  };
}

export function globalOptions(
  values: Record<string, string | boolean | Array<string | boolean> | undefined>,
): GlobalOptions {
  const base = defaultAdbConfig();
  const list = (key: string): string[] => {
    const v = values[key];
    return Array.isArray(v)
      ? v.filter((x): x is string => typeof x === 'string')
      : typeof v === 'string'
        ? [v]
        : [];
  };
  const hostArgs = list('adb-host');
  const ports = list('adb-port').map(parsePort);
  const hostsFile = typeof values.hosts === 'string' ? values.hosts : undefined;
  const named = hostArgs.some((h) => h.includes('='));
  const hosts = hostsFile
    ? hostsFromFile(hostsFile)
    : hostArgs.length > 1 || named
      ? hostsFromArgs(hostArgs, ports, base.port)
      : null;
  const primary = hosts?.[0];
  const host = primary?.address ?? hostArgs[0] ?? base.host;
  const port = primary?.port ?? ports[0] ?? base.port;
  return {
    adb: { ...base, host, port, startServer: base.startServer && values['no-start-server'] !== true },
    hosts: hosts && hosts.length > 1 ? hosts : null,
    dataDir: typeof values['data-dir'] === 'string' ? values['data-dir'] : defaultDataDir(),
    dbPath: typeof values.db === 'string' ? values.db : undefined,
    json: values.json === true,
    verbose: values.verbose === true,
  };
}
