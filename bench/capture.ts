/**
 * Capture latency: a notification posted on a phone -> the watcher reports it, with 20 phones
 * watched at once in the default capture mode (following the events buffer; polling at the default
 * interval only where it is unreadable; capture-scale.ts compares the two). Target p95 <= 300 ms, host CPU <= 1 core. The CPU
 * figure is this process's (core + the in-process virtual phones and their adbd, so pessimistic;
 * the adb server is a separate process and not counted).
 */
import { join } from 'node:path';
import { DEFAULT_INSTALL_OPTIONS } from '../shared/domain/install';
import { launchApp } from '../electron/lab/android/commands/launch-app';
import {
  DEFAULT_POLL_MS,
  watchNotifications,
  type NotificationWatch,
} from '../electron/lab/android/capture/notification-watcher';
import { DEMO_PROFILES, type VirtualAndroid } from '../test/virtual-lab';
import { writeTestApk } from '../test/virtual-lab/apk/build-apk';
import { openBenchLab, waitForIdentities } from './lab-fixture';

export interface CaptureBenchResult {
  readonly phones: 20;
  readonly posts: number;
  readonly detected: number;
  readonly pollMs: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  /** Process CPU time / wall time over the measured window (1 = one core busy). */
  readonly cpuCores: number;
}

const PKG = 'dev.pushlab.capturebench';
const POSTS_PER_PHONE = 10;

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs the benchmark on a fresh virtual lab. */
export async function benchCapture(): Promise<CaptureBenchResult> {
  const bench = await openBenchLab();
  const watches: NotificationWatch[] = [];
  try {
    const apkPath = join(bench.dir, 'capture.apk');
    await writeTestApk(apkPath, {
      packageName: PKG,
      versionCode: 1,
      targetSdk: 34,
      permissions: ['android.permission.POST_NOTIFICATIONS'],
    });
    const handles = await bench.lab.addPhones(
      Array.from({ length: 20 }, (_, i) => ({
        profile: DEMO_PROFILES[i % DEMO_PROFILES.length] ?? 'google-pixel-android15-1',
      })),
    );
    const serials = handles.map((h) => h.serial);
    await waitForIdentities(bench.core, serials);
    await bench.core.services.installs.run({ apkPath, serials, options: DEFAULT_INSTALL_OPTIONS });
    const pending = new Map<string, number>(); // title -> host time posted
    const latencies: number[] = [];
    const phones = handles.map((h) => ({
      io: bench.core.services.gateway.device(h.serial),
      android: h.backend as VirtualAndroid,
    }));
    for (const { io, android } of phones) {
      await launchApp(io, PKG);
      android.setPostNotifications(PKG, { granted: true });
      const watch = watchNotifications(io, {
        packages: [PKG],
        onRecord: (record, seenAt) => {
          const postedAt = record.title === null ? undefined : pending.get(record.title);
          if (postedAt === undefined) return;
          pending.delete(record.title as string);
          latencies.push(seenAt - postedAt);
        },
      });
      watches.push(watch);
    }
    await Promise.all(watches.map((w) => w.ready));
    await sleep(500); // let the polls spread out

    const cpuStart = process.cpuUsage();
    const wallStart = process.hrtime.bigint();
    let posts = 0;
    await Promise.all(
      phones.map(async ({ android }, p) => {
        for (let i = 0; i < POSTS_PER_PHONE; i++) {
          await sleep(200 + Math.random() * 600); // random phase against the poll
          const title = `bench ${p}-${i}`;
          pending.set(title, Date.now());
          if (
            android.postNotification(PKG, { channelId: 'pushlab_default', title, text: 'capture latency' })
              .posted
          )
            posts++;
          else pending.delete(title);
        }
      }),
    );
    const deadline = Date.now() + 3_000;
    while (pending.size > 0 && Date.now() < deadline) await sleep(20);
    const cpu = process.cpuUsage(cpuStart);
    const wallUs = Number(process.hrtime.bigint() - wallStart) / 1e3;
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      phones: 20,
      posts,
      detected: latencies.length,
      pollMs: DEFAULT_POLL_MS,
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      maxMs: sorted[sorted.length - 1] ?? Number.NaN,
      cpuCores: (cpu.user + cpu.system) / wallUs,
    };
  } finally {
    for (const w of watches) w.stop();
    await Promise.all(watches.map((w) => w.stopped));
    await bench.close();
  }
}
