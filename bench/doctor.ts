/**
 * A full doctor pass: one phone <= 1.5 s; twenty phones in parallel <= 3 s (virtual lab).
 */
import { join } from 'node:path';
import { DEFAULT_INSTALL_OPTIONS } from '../shared/domain/install';
import { launchApp } from '../electron/lab/android/commands/launch-app';
import { DEMO_PROFILES } from '../test/virtual-lab';
import { writeTestApk } from '../test/virtual-lab/apk/build-apk';
import { ms, openBenchLab, waitForIdentities } from './lab-fixture';

export interface DoctorBenchResult {
  readonly singleMs: number;
  readonly parallel20Ms: number;
  readonly checksPerReport: number;
}

const PKG = 'dev.pushlab.doctorbench';

export async function benchDoctor(): Promise<DoctorBenchResult> {
  const bench = await openBenchLab();
  try {
    const apkPath = join(bench.dir, 'doctor.apk');
    await writeTestApk(apkPath, { packageName: PKG, versionCode: 1, targetSdk: 34 });
    const phones = await bench.lab.addPhones(
      Array.from({ length: 20 }, (_, i) => ({
        profile: DEMO_PROFILES[i % DEMO_PROFILES.length] ?? 'google-pixel-android15-1',
      })),
    );
    const serials = phones.map((p) => p.serial);
    await waitForIdentities(bench.core, serials);
    await bench.core.services.installs.run({ apkPath, serials, options: DEFAULT_INSTALL_OPTIONS });
    await Promise.all(serials.map((s) => launchApp(bench.core.services.gateway.device(s), PKG)));
    const subject = (serial: string) => ({ serial, package: PKG, channelIds: ['pushlab_default'] });
    const { doctor } = bench.core.services;

    await doctor.run(subject(serials[0] ?? '')); // warm-up
    let start = process.hrtime.bigint();
    const one = await doctor.run(subject(serials[0] ?? ''));
    const singleMs = ms(start);
    start = process.hrtime.bigint();
    await Promise.all(serials.map((s) => doctor.run(subject(s))));
    const parallel20Ms = ms(start);
    return { singleMs, parallel20Ms, checksPerReport: one.report.checks.length };
  } finally {
    await bench.close();
  }
}
