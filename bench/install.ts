/**
 * Install a 20 MB APK on 10 virtual phones in parallel, against one phone alone and against
 * `adb install` in a loop. Target: parallel wall time <= 1.3 x a single-phone install.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_INSTALL_OPTIONS, type InstallJob } from '../shared/domain/install';
import { DEMO_PROFILES } from '../test/virtual-lab';
import { writeTestApk } from '../test/virtual-lab/apk/build-apk';
import { ms, openBenchLab, waitForIdentities } from './lab-fixture';

const run = promisify(execFile);

export interface InstallBenchResult {
  /** null: phones take bytes as fast as this machine can move them; else the modelled cable. */
  readonly linkBytesPerSecond: number | null;
  readonly apkBytes: number;
  readonly singleMs: number;
  readonly parallel10Ms: number;
  readonly ratio: number;
  readonly adbLoop10Ms: number;
  readonly allDone: boolean;
  readonly runs: number;
}

const RUNS = 5;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export async function benchInstall(linkBytesPerSecond: number | null): Promise<InstallBenchResult> {
  const bench = await openBenchLab(linkBytesPerSecond ? { linkBytesPerSecond } : {});
  try {
    const apkPath = join(bench.dir, 'bench-20mb.apk');
    const apkBytes = 20 * 1024 * 1024;
    await writeTestApk(apkPath, { packageName: 'dev.pushlab.bench', versionCode: 1, padBytes: apkBytes });
    const profiles = DEMO_PROFILES.filter((p) => !p.startsWith('xiaomi'));
    const phones = await bench.lab.addPhones(
      Array.from({ length: 10 }, (_, i) => ({
        profile: profiles[i % profiles.length] ?? 'google-pixel-android15-1',
      })),
    );
    const serials = phones.map((p) => p.serial);
    await waitForIdentities(bench.core, serials);
    const install = (targets: string[]) =>
      bench.core.services.installs.run({ apkPath, serials: targets, options: DEFAULT_INSTALL_OPTIONS });

    await install(serials.slice(0, 1)); // warm-up: page cache, JIT
    // Median of several runs: a 2-core VM's timings wander by tens of percent.
    const singles: number[] = [];
    const parallels: number[] = [];
    let job: InstallJob | null = null;
    for (let i = 0; i < RUNS; i++) {
      let t = process.hrtime.bigint();
      await install(serials.slice(0, 1));
      singles.push(ms(t));
      t = process.hrtime.bigint();
      job = await install(serials);
      parallels.push(ms(t));
    }
    const singleMs = median(singles);
    const parallel10Ms = median(parallels);

    let start = process.hrtime.bigint();
    start = process.hrtime.bigint();
    for (const serial of serials) {
      await run('adb', ['-P', String(bench.adbPort), '-s', serial, 'install', '-r', apkPath], {
        env: bench.adbEnv,
        maxBuffer: 1 << 20,
      });
    }
    const adbLoop10Ms = ms(start);
    return {
      linkBytesPerSecond,
      apkBytes,
      singleMs,
      parallel10Ms,
      ratio: parallel10Ms / singleMs,
      adbLoop10Ms,
      allDone: job?.items.every((i) => i.phase === 'done') ?? false,
      runs: RUNS,
    };
  } finally {
    await bench.close();
  }
}
