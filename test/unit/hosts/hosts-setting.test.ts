/**
 * The hosts list as an app setting, over fakes: a saved list is checked, written whole (tmp then
 * rename) and applied; a refused list or a failed write changes nothing; the primary stays; a check
 * explains a refusal or a timeout in en and zh with what to do.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdbStatus } from '../../../shared/domain/device';
import type { LabHost } from '../../../shared/domain/lab-host';
import { LabError } from '../../../electron/lab/errors';
import { appHostsPath, nodeHostsFileIo, type HostsFileIo } from '../../../electron/lab/adb/hosts-file';
import { HostsSetting, singleServerHosts, type LiveHosts } from '../../../electron/lab/adb/hosts-setting';
import { silentLogger } from '../../../electron/lab/util/logger';
import { adbStatus } from '../../support/sample-devices';

const LOCAL: LabHost = { name: 'local', address: '127.0.0.1', port: 5037 };
const LAB_B: LabHost = { name: 'lab-b', address: '10.0.0.7', port: 5037 };
const LAB_C: LabHost = { name: 'lab-c', address: 'lab-c.example', port: 15038 };

/** Tracked hosts as LabHosts keeps them: setOthers replaces all but the first. */
class FakeHosts implements LiveHosts {
  public applied: Array<readonly LabHost[]> = [];
  public hosts: LabHost[];
  public readonly status = new Map<string, AdbStatus>();
  public constructor(hosts: LabHost[]) {
    this.hosts = hosts;
  }
  public entries() {
    return this.hosts.map((host) => ({
      host,
      status: this.status.get(host.name) ?? adbStatus({ host: host.address, port: host.port }),
      phones: 2,
    }));
  }
  public setOthers(others: readonly LabHost[]): void {
    this.applied.push(others);
    this.hosts = [this.hosts[0]!, ...others];
  }
}

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pushlab-hosts-setting-'));
  file = join(dir, 'hosts.json');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function setting(hosts: LiveHosts, options: { io?: HostsFileIo; file?: string | null } = {}) {
  return new HostsSetting({
    hosts,
    file: options.file === undefined ? file : options.file,
    logger: silentLogger,
    probe: async () => ({ serverVersion: 41, phones: 3 }),
    ...(options.io ? { io: options.io } : {}),
  });
}

function caught(run: () => unknown): LabError {
  try {
    run();
  } catch (error) {
    if (error instanceof LabError) return error;
    throw error;
  }
  throw new Error('expected a LabError');
}

async function rejection(promise: Promise<unknown>): Promise<LabError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (error instanceof LabError) return error;
  throw new Error('expected a LabError');
}

describe('saving the hosts list', () => {
  it('writes the whole list, applies the hosts after the primary, and lists them', async () => {
    const hosts = new FakeHosts([LOCAL]);
    const saved = setting(hosts).save([LOCAL, LAB_B, LAB_C]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual([LOCAL, LAB_B, LAB_C]);
    expect(hosts.applied).toEqual([[LAB_B, LAB_C]]);
    expect(saved.editable).toBe(true);
    expect(saved.file).toBe(file);
    expect(saved.hosts.map((h) => [h.name, h.primary, h.state, h.phones])).toEqual([
      ['local', true, 'connected', 2],
      ['lab-b', false, 'connected', 2],
      ['lab-c', false, 'connected', 2],
    ]);
    // No temporary file is left beside it.
    expect(await readdir(dir)).toEqual(['hosts.json']);
  });

  it('refuses a bad list in en and zh, naming the entry, and keeps the stored file and the hosts', async () => {
    await writeFile(file, JSON.stringify([LOCAL, LAB_B]));
    const hosts = new FakeHosts([LOCAL, LAB_B]);
    const s = setting(hosts);
    for (const bad of [
      [LOCAL, { ...LAB_B, port: 70000 }],
      [LOCAL, LAB_B, { ...LAB_C, name: 'lab-b' }],
      [LOCAL, { ...LAB_B, name: 'Lab B' }],
      [LOCAL, { ...LAB_B, address: 'a b;reboot' }],
      [],
      'not a list',
    ]) {
      const error = caught(() => s.save(bad));
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.message).toMatch(/The lab hosts in the hosts list are not valid/);
      expect(error.zh?.message).toMatch(/实验室主机无效/);
    }
    expect(caught(() => s.save([LOCAL, { ...LAB_B, port: 70000 }])).message).toContain('1.port');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual([LOCAL, LAB_B]);
    expect(hosts.applied).toEqual([]);
  });

  it('keeps the primary: a list that changes or drops it is refused, saying how to change it', async () => {
    const hosts = new FakeHosts([LOCAL, LAB_B]);
    const s = setting(hosts);
    for (const bad of [[{ ...LOCAL, port: 5038 }, LAB_B], [LAB_B], [{ ...LOCAL, name: 'home' }]]) {
      const error = caught(() => s.save(bad));
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.message).toContain(
        'The first host, local (127.0.0.1:5037), is the adb server PushLab started with',
      );
      expect(error.hint).toMatch(/edit hosts\.json in the data folder and restart/);
      expect(error.zh?.message).toContain('第一台主机 local (127.0.0.1:5037)');
    }
    await expect(readFile(file, 'utf8')).rejects.toThrow(/ENOENT/);
    expect(hosts.applied).toEqual([]);
  });

  it('refuses one adb server listed twice (its phones would show twice), naming both hosts', () => {
    const hosts = new FakeHosts([LOCAL]);
    const s = setting(hosts);
    const twice = caught(() => s.save([LOCAL, LAB_B, { ...LAB_C, address: '10.0.0.7', port: 5037 }]));
    expect(twice.message).toBe('Hosts lab-b and lab-c are the same adb server (10.0.0.7:5037).');
    expect(twice.zh?.message).toBe('主机 lab-b 和 lab-c 是同一个 adb 服务（10.0.0.7:5037）。');
    expect(caught(() => s.save([LOCAL, { ...LAB_B, address: '127.0.0.1' }])).message).toContain(
      'Hosts local and lab-b are the same adb server',
    );
    expect(hosts.applied).toEqual([]);
  });

  it('keeps the old file and applies nothing when the write fails', async () => {
    await writeFile(file, JSON.stringify([LOCAL, LAB_B]));
    const hosts = new FakeHosts([LOCAL, LAB_B]);
    const io: HostsFileIo = {
      ...nodeHostsFileIo,
      rename: () => {
        throw new Error('EXDEV: cross-device link not permitted');
      },
    };
    const error = caught(() => setting(hosts, { io }).save([LOCAL, LAB_C]));
    expect(error.code).toBe('STORAGE_FAILED');
    expect(error.message).toContain(`Could not save the hosts list to ${file}: EXDEV`);
    expect(error.hint).toMatch(/previous list is kept/);
    expect(error.zh?.hint).toMatch(/之前的列表保持不变/);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual([LOCAL, LAB_B]);
    expect(await readdir(dir)).toEqual(['hosts.json']);
    expect(hosts.applied).toEqual([]);
  });

  it('says where when the folder is missing', () => {
    const hosts = new FakeHosts([LOCAL]);
    const error = caught(() =>
      setting(hosts, { file: join(dir, 'gone', 'hosts.json') }).save([LOCAL, LAB_B]),
    );
    expect(error.code).toBe('STORAGE_FAILED');
    expect(hosts.applied).toEqual([]);
  });

  it('is read-only without a file (the demo), with the reason in en and zh', () => {
    const hosts = new FakeHosts([LOCAL]);
    const s = setting(hosts, { file: null });
    expect(s.list()).toMatchObject({ editable: false, file: null });
    const error = caught(() => s.save([LOCAL, LAB_B]));
    expect(error.message).toBe('The hosts list cannot be changed in this session.');
    expect(error.zh?.message).toBe('本次会话中不能更改主机列表。');
    expect(hosts.applied).toEqual([]);
  });

  it('writes to PUSHLAB_HOSTS_FILE when it is set', () => {
    expect(appHostsPath('/data', {})).toBe(join('/data', 'hosts.json'));
    expect(appHostsPath('/data', { PUSHLAB_HOSTS_FILE: '/etc/lab/hosts.json' })).toBe('/etc/lab/hosts.json');
  });
});

describe('listing the hosts', () => {
  it('gives a host that does not answer no phones and its error', () => {
    const hosts = new FakeHosts([LOCAL, LAB_B]);
    const error = { code: 'ADB_UNREACHABLE' as const, message: 'No adb server answers at 10.0.0.7:5037.' };
    hosts.status.set('lab-b', adbStatus({ host: '10.0.0.7', state: 'unreachable', error }));
    const [local, labB] = setting(hosts).list().hosts;
    expect(local).toMatchObject({ name: 'local', primary: true, phones: 2, error: null });
    expect(labB).toMatchObject({ name: 'lab-b', primary: false, state: 'unreachable', phones: 0 });
    // The tracker's words are about a local server; another host's say how to expose adb there.
    expect(labB?.error).toMatchObject({
      code: 'ADB_UNREACHABLE',
      message: error.message,
      detail: error.message,
    });
    expect(labB?.error?.hint).toContain('adb -a -P 5037 server nodaemon');
    expect(labB?.error?.zh?.hint).toContain('SSH 隧道');
  });

  it('lists one adb server without a hosts file as the read-only primary', () => {
    const status = adbStatus({ host: '127.0.0.1', port: 5037 });
    const live = singleServerHosts({ status: () => status, list: () => [{}, {}] });
    expect(live.entries()).toEqual([{ host: LOCAL, status, phones: 2 }]);
    expect(() => live.setOthers([LAB_B])).toThrow();
  });
});

describe('checking a host', () => {
  it('answers with the server version and its phones', async () => {
    await expect(setting(new FakeHosts([LOCAL])).check('10.0.0.7', 5037)).resolves.toEqual({
      address: '10.0.0.7',
      port: 5037,
      serverVersion: 41,
      phones: 3,
    });
  });

  it('explains a refusal and a timeout in en and zh: expose adb with -a or open an SSH tunnel', async () => {
    const refused = new HostsSetting({
      hosts: new FakeHosts([LOCAL]),
      file,
      logger: silentLogger,
      probe: async () => {
        throw new LabError('ADB_UNREACHABLE', 'No adb server answers at 10.0.0.7:5038.', {
          detail: 'ECONNREFUSED',
        });
      },
    });
    const error = await rejection(refused.check('10.0.0.7', 5038));
    expect(error.code).toBe('ADB_UNREACHABLE');
    expect(error.message).toBe('No adb server answers at 10.0.0.7:5038.');
    expect(error.hint).toContain('`adb -a -P 5038 server nodaemon`');
    expect(error.hint).toContain('ssh -N -L 15038:127.0.0.1:5038 10.0.0.7');
    expect(error.detail).toBe('ECONNREFUSED');
    expect(error.zh?.message).toBe('10.0.0.7:5038 上没有 adb 服务应答。');
    expect(error.zh?.hint).toContain('adb -a -P 5038 server nodaemon');

    const silent = new HostsSetting({
      hosts: new FakeHosts([LOCAL]),
      file,
      logger: silentLogger,
      probe: () => new Promise(() => {}),
      checkTimeoutMs: 30,
    });
    const timeout = await rejection(silent.check('10.0.0.8', 5037));
    expect(timeout.code).toBe('TIMEOUT');
    expect(timeout.message).toBe('The adb server at 10.0.0.8:5037 did not answer in time.');
    expect(timeout.hint).toContain('`adb -a -P 5037 server nodaemon`');
    expect(timeout.zh?.message).toBe('10.0.0.8:5037 上的 adb 服务没有及时应答。');
  });
});
