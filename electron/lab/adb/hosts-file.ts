/**
 * The lab hosts list as a file (`hosts.json`: `[{ "name", "address", "port" }, …]` or
 * `{ "hosts": [...] }`): read by the CLI (--hosts), and by the app from its data folder, which is
 * where the app keeps it as a setting. Bad files get a typed error that says what to fix.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { labHostsSchema, type LabHost } from '../../../shared/domain/lab-host';
import { LabError } from '../errors';

/** The app's hosts list: `<dataDir>/hosts.json` or PUSHLAB_HOSTS_FILE; null when there is none. */
export function appHosts(dataDir: string, env: NodeJS.ProcessEnv = process.env): LabHost[] | null {
  const path = env.PUSHLAB_HOSTS_FILE || join(dataDir, 'hosts.json');
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

/** The hosts in `value`, or a typed error naming `where` they came from. */
export function checkedHosts(value: unknown, where: string): LabHost[] {
  const parsed = labHostsSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const at = issue?.path.join('.') ?? '';
  throw new LabError(
    'INVALID_ARGUMENT',
    `The lab hosts in ${where} are not valid: ${at} ${issue?.message}.`,
    {
      hint: 'Each host needs a unique name (a-z, 0-9, -), an address and a port from 1 to 65535.',
      zh: {
        message: `${where} 中的实验室主机无效：${at} ${issue?.message}。`,
        hint: '每个主机需要唯一的名称（a-z、0-9、-）、地址和 1 到 65535 之间的端口。',
      },
    },
  );
}
