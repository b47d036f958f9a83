/**
 * A lab at scale: 100 virtual phones across 5 adb servers (lab hosts on their own ports), the real
 * core with all five hosts. Targets (issue 14): discovery <= 3 s, doctor on all <= 10 s, and
 * PushLab's parallel install <= 1.1 x raw `adb install` started in parallel for every phone (the
 * machine's own limit), beside an `adb install` loop.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createLabCore, type LocalLabCore } from '../electron/lab/compose';
import { launchApp } from '../electron/lab/android/commands/launch-app';
import { silentLogger } from '../electron/lab/util/logger';
import { deviceKey } from '../shared/domain/lab-host';
import { DEFAULT_INSTALL_OPTIONS } from '../shared/domain/install';
import { DEMO_PROFILES, startAdbServer, VirtualLab, type AdbServerHandle } from '../test/virtual-lab';
import { writeTestApk } from '../test/virtual-lab/apk/build-apk';
import { ms, waitForIdentities } from './lab-fixture';

const run = promisify(execFile);

export interface LabHostsBenchResult {
  readonly hosts: number;
  readonly phones: number;
  readonly discoveryMs: number;
  readonly identified: number;
  readonly doctorAllMs: number;
  readonly doctorReports: number;
  readonly apkBytes: number;
  readonly installPushLabMs: number;
  readonly installRawParallelMs: number;
  readonly installRatio: number;
  readonly installLoopMs: number;
  readonly installLoopPhones: number;
  readonly rssMbPerPhone: number;
}

const PKG = 'dev.pushlab.hostsbench';

interface Host {
  readonly name: string;
  readonly server: AdbServerHandle;
  readonly lab: VirtualLab;
}

export async function benchLabHosts(hostCount = 5, perHost = 20): Promise<LabHostsBenchResult> {
  const dir = await mkdtemp(join(tmpdir(), 'pushlab-bench-hosts-'));
  const hosts: Host[] = [];
  let core: LocalLabCore | null = null;
  const rssBefore = process.memoryUsage().rss;
  try {
    for (let h = 0; h < hostCount; h++) {
      const server = await startAdbServer();
      const lab = await VirtualLab.start({ adbPort: server.port, timeoutMs: 60_000 });
      await lab.addPhones(
        Array.from({ length: perHost }, (_, i) => ({
          profile: DEMO_PROFILES[(h * perHost + i) % DEMO_PROFILES.length] ?? 'google-pixel-android15-1',
        })),
      );
      hosts.push({ name: h === 0 ? 'local' : `host-${h}`, server, lab });
    }
    const keys = hosts.flatMap((h) => h.lab.phones().map((p) => deviceKey(h.name, p.serial, 'local')));
    const first = hosts[0]!.server;
    // Discovery: the app starts on a lab whose phones are already plugged in, until every identity is read.
    const start = process.hrtime.bigint();
    core = await createLabCore({
      dataDir: dir,
      adb: { host: '127.0.0.1', port: first.port, bin: first.bin, startServer: false },
      hosts: hosts.map((h) => ({ name: h.name, address: '127.0.0.1', port: h.server.port })),
      shell: 'test',
      logger: silentLogger,
    });
    await waitForIdentities(core, keys, 60_000);
    const discoveryMs = ms(start);
    const identified = keys.filter((k) => core?.services.registry.get(k)?.identityStatus === 'ready').length;
    const rssMbPerPhone = (process.memoryUsage().rss - rssBefore) / 1e6 / keys.length;

    // Install: PushLab on every phone at once, then raw `adb install` started at once for every phone.
    const apkPath = join(dir, 'bench-5mb.apk');
    const apkBytes = 5 * 1024 * 1024;
    await writeTestApk(apkPath, { packageName: PKG, versionCode: 1, targetSdk: 34, padBytes: apkBytes });
    const installs = core.services.installs;
    let t = process.hrtime.bigint();
    await installs.run({ apkPath, serials: keys, options: DEFAULT_INSTALL_OPTIONS });
    const installPushLabMs = ms(t);
    const adbInstall = (h: Host, serial: string) =>
      run('adb', ['-P', String(h.server.port), '-s', serial, 'install', '-r', '-g', apkPath], {
        env: { ...process.env, ...h.server.env },
        timeout: 300_000,
      });
    t = process.hrtime.bigint();
    await Promise.all(hosts.flatMap((h) => h.lab.phones().map((p) => adbInstall(h, p.serial))));
    const installRawParallelMs = ms(t);
    // The loop a lab script would write: one phone after another (first host's 20 phones, scaled).
    const loopHost = hosts[0]!;
    t = process.hrtime.bigint();
    for (const p of loopHost.lab.phones()) await adbInstall(loopHost, p.serial);
    const installLoopMs = ms(t);

    // Doctor on every phone at once, the app launched first (as a QA engineer would before a run).
    await Promise.all(keys.map((k) => launchApp(core!.services.gateway.device(k), PKG)));
    t = process.hrtime.bigint();
    const reports = await Promise.all(
      keys.map((serial) =>
        core!.services.doctor.run({ serial, package: PKG, channelIds: ['pushlab_default'] }),
      ),
    );
    const doctorAllMs = ms(t);
    return {
      hosts: hostCount,
      phones: keys.length,
      discoveryMs,
      identified,
      doctorAllMs,
      doctorReports: reports.filter((r) => r.report.checks.length > 0).length,
      apkBytes,
      installPushLabMs,
      installRawParallelMs,
      installRatio: installPushLabMs / installRawParallelMs,
      installLoopMs,
      installLoopPhones: loopHost.lab.phones().length,
      rssMbPerPhone,
    };
  } finally {
    await core?.close();
    for (const h of hosts) {
      await h.lab.close().catch(() => {});
      await h.server.stop().catch(() => {});
    }
    await rm(dir, { recursive: true, force: true });
  }
}
