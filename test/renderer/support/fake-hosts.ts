/**
 * The fake core's lab hosts setting (hosts:list / hosts:save / hosts:check), with the core's own
 * rules (electron/lab/adb/hosts-change.ts: the list's schema, the primary kept, the unreachable
 * host's en + zh text). Servers the fake "reaches" are given by address:port with their phones;
 * a saved list becomes the snapshot's hosts and phones, as the live core applies it.
 * Runtime-neutral like fake-core.ts.
 */
import type { DeviceView, HostStatus } from '../../../shared/domain/device';
import type { LabHost, LabHostCheck, LabHostsSetting } from '../../../shared/domain/lab-host';
import { checkedHostsChange, hostUnreachable } from '../../../electron/lab/adb/hosts-change';
import { toErrorInfo } from '../../../electron/lab/errors';
import { fail, ok, type Result } from '../../../shared/result';
import { hostStatus, onHost } from '../../support/sample-devices';

/** Where the fake "writes" the list. */
export const FAKE_HOSTS_FILE = '/tmp/fake/hosts.json';

/** Phones each reachable adb server lists, by `address:port`. */
export type FakeHostServers = Readonly<Record<string, readonly DeviceView[]>>;

export class FakeHosts {
  /** Every list saved, in order. */
  public readonly saves: LabHost[][] = [];

  public constructor(
    private readonly servers: FakeHostServers,
    public editable = true,
  ) {}

  /** The setting as hosts:list answers it, from the snapshot's hosts (the primary alone without). */
  public list(
    primary: HostStatus,
    hosts: readonly HostStatus[] | null,
    devices: readonly DeviceView[],
  ): LabHostsSetting {
    const statuses = hosts ?? [primary];
    return {
      editable: this.editable,
      file: this.editable ? FAKE_HOSTS_FILE : null,
      hosts: statuses.map((status, index) => ({
        name: status.name,
        address: status.host,
        port: status.port,
        primary: index === 0,
        state: status.state,
        phones:
          status.state === 'connected'
            ? devices.filter((d) => (d.host ?? primary.name) === status.name).length
            : 0,
        error: status.state === 'connected' ? null : status.error,
      })),
    };
  }

  /**
   * Checks and "applies" a list: the new hosts' statuses, and the phones: the primary's kept, each
   * other host's from its server. A refused list changes nothing.
   */
  public save(
    value: unknown,
    primary: HostStatus,
    devices: readonly DeviceView[],
  ): Result<{ hosts: HostStatus[]; devices: DeviceView[] }> {
    if (!this.editable)
      return fail({ code: 'INVALID_ARGUMENT', message: 'The hosts list cannot be changed in this session.' });
    let list: LabHost[];
    try {
      list = checkedHostsChange(value, { name: primary.name, address: primary.host, port: primary.port });
    } catch (error) {
      return fail(toErrorInfo(error));
    }
    this.saves.push(list);
    const others = list.slice(1);
    const hosts = [primary, ...others.map((h) => this.statusOf(h))];
    const phones = others.flatMap((h) =>
      (this.servers[`${h.address}:${h.port}`] ?? []).map((d) => onHost(h.name, d)),
    );
    return ok({ hosts, devices: [...devices.filter((d) => d.host === undefined), ...phones] });
  }

  public check(address: string, port: number): Result<LabHostCheck> {
    const phones = this.servers[`${address}:${port}`];
    if (phones) return ok({ address, port, serverVersion: 41, phones: phones.length });
    const cause = {
      code: 'ADB_UNREACHABLE' as const,
      message: 'connect ECONNREFUSED',
      detail: `connection to ${address}:${port} refused`,
    };
    return fail(hostUnreachable(address, port, cause).toInfo());
  }

  private statusOf(host: LabHost): HostStatus {
    if (this.servers[`${host.address}:${host.port}`]) {
      return hostStatus(host.name, { host: host.address, port: host.port });
    }
    const error = hostUnreachable(host.address, host.port, {
      code: 'ADB_UNREACHABLE',
      message: 'refused',
    }).toInfo();
    return hostStatus(host.name, {
      host: host.address,
      port: host.port,
      state: 'unreachable',
      serverVersion: null,
      error,
    });
  }
}
