/**
 * The lab hosts list as an app setting: listed with each host's state, saved whole (checked, written
 * atomically, then applied live: hosts join or leave the board without a restart) and one host
 * checked on demand. The primary stays this launch's adb server. Plain Node; the shells only pass
 * the file's path (compose-types.ts `hostsFile`).
 */
import {
  LOCAL_HOST,
  type LabHost,
  type LabHostCheck,
  type LabHostEntry,
  type LabHostsSetting,
} from '../../../shared/domain/lab-host';
import type { AdbStatus } from '../../../shared/domain/device';
import type { ErrorInfo } from '../../../shared/errors';
import { LabError, toErrorInfo } from '../errors';
import type { Logger } from '../util/logger';
import { withTimeout } from '../util/timeout';
import { AdbGateway } from './adb-gateway';
import { checkedHostsChange, hostUnreachable } from './hosts-change';
import { nodeHostsFileIo, writeHostsFile, type HostsFileIo } from './hosts-file';

/** What the setting needs of the tracked hosts (LabHosts, or a fake in tests). */
export interface LiveHosts {
  entries(): ReadonlyArray<{ readonly host: LabHost; readonly status: AdbStatus; readonly phones: number }>;
  /** Replaces the hosts after the primary, live. */
  setOthers(others: readonly LabHost[]): void;
}

/** Asks one adb server for its version and phones; rejects with a LabError. */
export type HostProbe = (address: string, port: number) => Promise<{ serverVersion: number; phones: number }>;

export interface HostsSettingDeps {
  readonly hosts: LiveHosts;
  /** Where a saved list is written; null: this session's hosts are read-only (the demo). */
  readonly file: string | null;
  readonly logger: Logger;
  readonly probe: HostProbe;
  readonly io?: HostsFileIo;
  /** How long a check waits for an answer (default 3 s). */
  readonly checkTimeoutMs?: number;
}

const CHECK_TIMEOUT_MS = 3_000;

/** host:version and host:devices on a server PushLab never starts (startServer off). */
export function adbProbe(bin: string, logger: Logger): HostProbe {
  return async (address, port) => {
    const gateway = new AdbGateway({ host: address, port, bin, startServer: false }, logger);
    const serverVersion = await gateway.version();
    const phones = (await gateway.listDevices()).length;
    return { serverVersion, phones };
  };
}

export class HostsSetting {
  public constructor(private readonly deps: HostsSettingDeps) {}

  public list(): LabHostsSetting {
    const hosts: LabHostEntry[] = this.deps.hosts.entries().map(({ host, status, phones }, index) => ({
      name: host.name,
      address: host.address,
      port: host.port,
      primary: index === 0,
      state: status.state,
      phones: status.state === 'connected' ? phones : 0,
      error:
        status.state === 'connected' || status.error === null
          ? null
          : this.explained(host, index, status.error),
    }));
    return { hosts, editable: this.deps.file !== null, file: this.deps.file };
  }

  /**
   * Checks the whole list, writes it, then applies it. Nothing is written or applied when the list
   * is refused, and nothing is applied when the write fails (the old file stays).
   */
  public save(value: unknown): LabHostsSetting {
    const file = this.requireFile();
    const primary = this.deps.hosts.entries()[0]?.host;
    if (!primary) throw new Error('no primary lab host');
    const hosts = checkedHostsChange(value, primary);
    writeHostsFile(file, hosts, this.deps.io ?? nodeHostsFileIo);
    this.deps.hosts.setOthers(hosts.slice(1));
    this.deps.logger.info('lab hosts saved', { file, hosts: hosts.map((h) => h.name) });
    return this.list();
  }

  /** Whether an adb server answers at address:port now, within a short deadline. */
  public async check(address: string, port: number): Promise<LabHostCheck> {
    const ms = this.deps.checkTimeoutMs ?? CHECK_TIMEOUT_MS;
    try {
      const answer = await withTimeout(this.deps.probe(address, port), ms, {
        en: `The adb server at ${address}:${port}`,
        zh: `${address}:${port} 上的 adb 服务`,
      });
      return { address, port, ...answer };
    } catch (error) {
      throw hostUnreachable(address, port, toErrorInfo(error));
    }
  }

  /** Another host's outage says how to expose adb there (the tracker's words are about a local server). */
  private explained(host: LabHost, index: number, error: ErrorInfo): ErrorInfo {
    if (index === 0 || (error.code !== 'ADB_UNREACHABLE' && error.code !== 'TIMEOUT')) return error;
    return hostUnreachable(host.address, host.port, error).toInfo();
  }

  private requireFile(): string {
    if (this.deps.file !== null) return this.deps.file;
    throw new LabError('INVALID_ARGUMENT', 'The hosts list cannot be changed in this session.', {
      hint:
        'The demo (and a session started with hosts on the command line) keeps its hosts; ' +
        'start PushLab without --demo to edit the list.',
      zh: {
        message: '本次会话中不能更改主机列表。',
        hint: '演示模式（以及在命令行中指定主机启动的会话）会保持其主机不变；请不带 --demo 启动 PushLab 以编辑列表。',
      },
    });
  }
}

/** The hosts of a core tracking one adb server without a hosts file: its one server, read-only. */
export function singleServerHosts(tracker: { status(): AdbStatus; list(): readonly unknown[] }): LiveHosts {
  return {
    entries: () => {
      const status = tracker.status();
      return [
        {
          host: { name: LOCAL_HOST, address: status.host, port: status.port },
          status,
          phones: tracker.list().length,
        },
      ];
    },
    setOthers: () => {
      throw new Error('read-only hosts');
    },
  };
}
