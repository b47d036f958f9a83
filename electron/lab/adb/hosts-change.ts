/**
 * The rules of a hosts list as a setting, apart from files and sockets so a fake core can apply
 * the same ones: which lists are valid (shared/domain/lab-host.ts), that the primary stays this
 * launch's adb server, and how an unreachable host is explained. Every error says what to do.
 */
import type { ErrorInfo } from '../../../shared/errors';
import { labHostsSchema, type LabHost } from '../../../shared/domain/lab-host';
import { LabError } from '../errors';

/** The hosts in `value`, or a typed error naming `where` they came from and the entry to fix. */
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

export const sameHost = (a: LabHost, b: LabHost): boolean =>
  a.name === b.name && a.address === b.address && a.port === b.port;

/**
 * A list saved from the app: valid, and starting with `primary` unchanged. The primary is the adb
 * server this launch tracks (and may have started); it is chosen at launch, never swapped live.
 */
export function checkedHostsChange(value: unknown, primary: LabHost): LabHost[] {
  const hosts = checkedHosts(value, 'the hosts list');
  const first = hosts[0];
  if (first && sameHost(first, primary)) return withoutRepeatedServer(hosts);
  const where = `${primary.name} (${primary.address}:${primary.port})`;
  throw new LabError(
    'INVALID_ARGUMENT',
    `The first host, ${where}, is the adb server PushLab started with; it cannot be changed while PushLab runs.`,
    {
      hint:
        'Keep it first and unchanged, and add, edit or remove the other hosts. To use another first host, ' +
        'edit hosts.json in the data folder and restart PushLab.',
      zh: {
        message: `第一台主机 ${where} 是 PushLab 启动时使用的 adb 服务，运行期间不能更改。`,
        hint: '请保持它为第一项且不变，只添加、编辑或删除其他主机。要使用另一台主机作为第一台，请编辑数据文件夹中的 hosts.json 并重启 PushLab。',
      },
    },
  );
}

/** One adb server listed twice would show each of its phones twice, under two names: refused. */
function withoutRepeatedServer(hosts: LabHost[]): LabHost[] {
  const seen = new Map<string, string>();
  for (const host of hosts) {
    const where = `${host.address}:${host.port}`;
    const other = seen.get(where);
    if (other !== undefined) {
      throw new LabError(
        'INVALID_ARGUMENT',
        `Hosts ${other} and ${host.name} are the same adb server (${where}).`,
        {
          hint: 'List each adb server once: remove one of them, or correct its address or port.',
          zh: {
            message: `主机 ${other} 和 ${host.name} 是同一个 adb 服务（${where}）。`,
            hint: '每个 adb 服务只列一次：删除其中一个，或改正它的地址或端口。',
          },
        },
      );
    }
    seen.set(where, host.name);
  }
  return hosts;
}

/**
 * A host whose adb server did not answer a check: refused (nothing listens there, or adb listens on
 * loopback only) or no answer in time (a firewall, a dead tunnel). Says how to expose it.
 */
export function hostUnreachable(address: string, port: number, cause: ErrorInfo): LabError {
  const where = `${address}:${port}`;
  const timedOut = cause.code === 'TIMEOUT';
  const tunnel = `ssh -N -L 15038:127.0.0.1:${port} ${address}`;
  const hint =
    `On that host run \`adb kill-server\`, then \`adb -a -P ${port} server nodaemon\` (it listens beyond ` +
    `loopback), or keep adb on loopback there and open an SSH tunnel (\`${tunnel}\`), then add 127.0.0.1:15038.`;
  const hintZh =
    `请在那台主机上运行 \`adb kill-server\`，再运行 \`adb -a -P ${port} server nodaemon\`（监听所有网卡），` +
    `或让那里的 adb 只监听本机并打开 SSH 隧道（\`${tunnel}\`），然后添加 127.0.0.1:15038。`;
  return new LabError(
    timedOut ? 'TIMEOUT' : 'ADB_UNREACHABLE',
    timedOut ? `The adb server at ${where} did not answer in time.` : `No adb server answers at ${where}.`,
    {
      hint,
      detail: cause.detail ?? cause.message,
      zh: {
        message: timedOut ? `${where} 上的 adb 服务没有及时应答。` : `${where} 上没有 adb 服务应答。`,
        hint: hintZh,
      },
    },
  );
}
