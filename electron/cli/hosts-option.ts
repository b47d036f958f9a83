/**
 * The lab hosts a CLI command reaches: `--adb-host` (repeatable, `[name=]address[:port]`), the
 * matching `--adb-port`s, or `--hosts hosts.json`. One host without a name is today's single adb
 * server; the first host is the primary, whose phones keep bare serials.
 */
import { hostNameFor, type LabHost } from '../../shared/domain/lab-host';
import { checkedHosts } from '../lab/adb/hosts-file';

export { readHostsFile as hostsFromFile } from '../lab/adb/hosts-file';
import { LabError } from '../lab/errors';

const HOST_ARG = /^(?:([a-z][a-z0-9-]{0,31})=)?(\[[0-9A-Fa-f:.]+\]|[^:\s[\]=]+)(?::(\d{1,5}))?$/;

function badHost(text: string, why: string, whyZh: string): LabError {
  return new LabError('INVALID_ARGUMENT', `--adb-host "${text.slice(0, 80)}" ${why}.`, {
    hint: 'Give [name=]address[:port], e.g. --adb-host 127.0.0.1 --adb-host lab-b=10.0.0.7:5037.',
    zh: {
      message: `参数 --adb-host “${text.slice(0, 80)}”${whyZh}。`,
      hint: '请写成 [名称=]地址[:端口]，例如 --adb-host 127.0.0.1 --adb-host lab-b=10.0.0.7:5037。',
    },
  });
}

/** `--adb-host` values with their `--adb-port`s (one for all, or one per host, in order). */
export function hostsFromArgs(
  hostArgs: readonly string[],
  ports: readonly number[],
  defaultPort: number,
): LabHost[] {
  if (ports.length > 1 && ports.length !== hostArgs.length) {
    throw new LabError(
      'INVALID_ARGUMENT',
      `${ports.length} --adb-port values for ${hostArgs.length} --adb-host.`,
      {
        hint: 'Give one --adb-port for every host, one for all, or put the port in --adb-host address:port.',
        zh: {
          message: `${hostArgs.length} 个 --adb-host 对应了 ${ports.length} 个 --adb-port。`,
          hint: '请为每个主机各给一个 --adb-port，或只给一个通用的，或写成 --adb-host 地址:端口。',
        },
      },
    );
  }
  const hosts = hostArgs.map((text, index) => {
    const m = HOST_ARG.exec(text);
    if (!m?.[2]) throw badHost(text, 'is not [name=]address[:port]', '不是 [名称=]地址[:端口] 的形式');
    const port = m[3] !== undefined ? Number(m[3]) : (ports[ports.length === 1 ? 0 : index] ?? defaultPort);
    const address = m[2].replace(/^\[|\]$/g, '');
    return { name: m[1] ?? hostNameFor(address, port, index), address, port };
  });
  return checkedHosts(hosts, '--adb-host');
}
