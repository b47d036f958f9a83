/**
 * The lab hosts list as a file (`hosts.json`: `[{ "name", "address", "port" }, …]` or
 * `{ "hosts": [...] }`): read by the CLI (--hosts), and by the app from its data folder, which is
 * where the app keeps it as a setting (written whole, atomically, by hosts-setting.ts). Bad files
 * get a typed error that says what to fix.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabHost } from '../../../shared/domain/lab-host';
import { LabError } from '../errors';
import { checkedHosts } from './hosts-change';

export { checkedHosts };

/** Where the app keeps its hosts list: PUSHLAB_HOSTS_FILE, else `<dataDir>/hosts.json`. */
export function appHostsPath(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.PUSHLAB_HOSTS_FILE || join(dataDir, 'hosts.json');
}

/** The app's hosts list: `<dataDir>/hosts.json` or PUSHLAB_HOSTS_FILE; null when there is none. */
export function appHosts(dataDir: string, env: NodeJS.ProcessEnv = process.env): LabHost[] | null {
  const path = appHostsPath(dataDir, env);
  if (!existsSync(path)) return null;
  const hosts = readHostsFile(path);
  return hosts.length > 1 ? hosts : null;
}

/** A hosts file: `[{ "name", "address", "port" }, …]` or `{ "hosts": [...] }`. */
export function readHostsFile(path: string): LabHost[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new LabError(
      'INVALID_ARGUMENT',
      `Could not read the hosts file ${path}: ${(error as Error).message}`,
      {
        hint: 'Give a JSON file: [{ "name": "local", "address": "127.0.0.1", "port": 5037 }, …].',
        zh: {
          message: `无法读取主机文件 ${path}：${(error as Error).message}`,
          hint: '请提供 JSON 文件：[{ "name": "local", "address": "127.0.0.1", "port": 5037 }, …]。',
        },
      },
    );
  }
  const list = Array.isArray(data) ? data : (data as { hosts?: unknown } | null)?.hosts;
  return checkedHosts(list, path);
}

/** The file operations a save needs (tests pass failing ones). */
export interface HostsFileIo {
  writeFile(path: string, text: string): void;
  rename(from: string, to: string): void;
  remove(path: string): void;
}

export const nodeHostsFileIo: HostsFileIo = {
  writeFile: (path, text) => writeFileSync(path, text, { encoding: 'utf8', flag: 'wx' }),
  rename: (from, to) => renameSync(from, to),
  remove: (path) => rmSync(path, { force: true }),
};

let tmpCount = 0;

/**
 * Writes the list to `path` whole: into a new file beside it, then renamed over it, so a reader
 * (or a crash) sees the old list or the new one, never half of one. On any error the old file
 * stays as it was and a STORAGE_FAILED error says where.
 */
export function writeHostsFile(
  path: string,
  hosts: readonly LabHost[],
  io: HostsFileIo = nodeHostsFileIo,
): void {
  tmpCount += 1;
  const tmp = `${path}.${process.pid}-${tmpCount}.tmp`;
  try {
    io.writeFile(tmp, `${JSON.stringify(hosts, null, 2)}\n`);
    io.rename(tmp, path);
  } catch (error) {
    try {
      io.remove(tmp);
    } catch {
      // Nothing more to undo: the old list is untouched either way.
    }
    const reason = (error as Error).message;
    throw new LabError('STORAGE_FAILED', `Could not save the hosts list to ${path}: ${reason}`, {
      hint: 'Check that the folder exists and is writable (or fix PUSHLAB_HOSTS_FILE); the previous list is kept.',
      detail: reason,
      zh: {
        message: `无法将主机列表保存到 ${path}：${reason}`,
        hint: '请确认该文件夹存在且可写（或修正 PUSHLAB_HOSTS_FILE）；之前的列表保持不变。',
      },
    });
  }
}
