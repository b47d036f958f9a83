/**
 * Capture cost and capture at lab scale (issue 14 points 3 and 4, capture side).
 * 1. Phone-side cost: commands each watched phone runs per minute, idle and while pushes arrive,
 *    polling (before) vs following the events buffer (after), counted by the virtual phones.
 * 2. Scale: up to BENCH_CAPTURE_PHONES (default 100) virtual phones served from separate processes
 *    (25 each), all watched by one core: post -> detected p95, PushLab's CPU and memory per watched
 *    phone (this process only: the phones live elsewhere), the adb server's CPU, and the capture
 *    part of each attempt (arm the watch, then stop it) at 10 phones vs all.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLabCore, type LocalLabCore } from '../electron/lab/compose';
import { silentLogger } from '../electron/lab/util/logger';
import {
  watchNotifications,
  type NotificationWatch,
} from '../electron/lab/android/capture/notification-watcher';
import type { AdbDeviceIo } from '../electron/lab/adb/device-io';
import { closeEventsStream, eventsStreamFor } from '../electron/lab/android/capture/events-stream';
import { DEMO_PROFILES, startAdbServer, type VirtualAndroid } from '../test/virtual-lab';
import { buildTestApk } from '../test/virtual-lab/apk/build-apk';
import { SCALE_PACKAGE } from './capture-phones-process';
import { openBenchLab, waitForIdentities } from './lab-fixture';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

// ---- 1. phone-side cost ----

export interface PhoneCost {
  readonly trigger: 'poll' | 'auto';
  readonly mode: string;
  /** Commands run to arm one watch (probe, stream, baseline read; or the first poll). */
  readonly armPerPhone: number;
  /** Commands run to arm the next attempt's watch on the same phone (the stream is kept). */
  readonly rearmPerPhone: number;
  readonly idlePerPhonePerMin: number;
  /** While a post arrives every POST_EVERY_MS on every phone. */
  readonly pushPerPhonePerMin: number;
  readonly detected: number;
  readonly posts: number;
  /** Commands the core ran meanwhile for other reasons (identity, health), not capture's. */
  readonly otherPerPhonePerMin: number;
}

const COST_PHONES = 5;
const IDLE_MS = 10_000;
const BUSY_MS = 10_000;
const POST_EVERY_MS = 2_000;

async function installDirect(android: VirtualAndroid, apk: Buffer): Promise<void> {
  android.fs.write('/data/local/tmp/cost.apk', apk, 0o644, 1_700_000_000);
  await android.run('pm install -g /data/local/tmp/cost.apk');
  await android.run(`monkey -p ${SCALE_PACKAGE} -c android.intent.category.LAUNCHER 1`);
  android.setPostNotifications(SCALE_PACKAGE, { granted: true });
}

async function phoneCost(): Promise<PhoneCost[]> {
  const bench = await openBenchLab();
  try {
    const handles = await bench.lab.addPhones(
      Array.from({ length: COST_PHONES }, (_, i) => ({ profile: DEMO_PROFILES[i] as string })),
    );
    await waitForIdentities(
      bench.core,
      handles.map((h) => h.serial),
    );
    const apk = await buildTestApk({
      packageName: SCALE_PACKAGE,
      versionCode: 1,
      targetSdk: 34,
      permissions: ['android.permission.POST_NOTIFICATIONS'],
    });
    const phones = handles.map((h) => ({
      io: bench.core.services.gateway.device(h.serial),
      android: h.backend as VirtualAndroid,
    }));
    for (const p of phones) await installDirect(p.android, apk);
    await sleep(1_000); // let the core's own start-up reads settle
    // Capture's own commands (the core's other background reads are counted apart).
    const counted = (p: (typeof phones)[number]): number =>
      (p.android.commandCounts.byName.get('dumpsys notification') ?? 0) +
      (p.android.commandCounts.byName.get('logcat -b') ?? 0);
    const total = (): number => phones.reduce((n, p) => n + counted(p), 0);
    const all = (): number => phones.reduce((n, p) => n + p.android.commandCounts.total, 0);
    const out: PhoneCost[] = [];
    for (const trigger of ['poll', 'auto'] as const) {
      const seen = new Set<string>();
      const c0 = total();
      const a0 = all();
      // As a run arms them: through the phone's stream kept across attempts, the send time known.
      const arm = (): NotificationWatch[] =>
        phones.map((p) =>
          watchNotifications(p.io, {
            packages: [SCALE_PACKAGE],
            trigger,
            events: eventsStreamFor(p.io),
            freshAfterPhoneMs: Date.now(),
            onRecord: (r) => void (r.title !== null && seen.add(r.title)),
          }),
        );
      const watches = arm();
      await Promise.all(watches.map((w) => w.ready));
      const c1 = total();
      await sleep(IDLE_MS);
      const c2 = total();
      let posts = 0;
      for (let t = 0; t < BUSY_MS; t += POST_EVERY_MS) {
        for (const [i, p] of phones.entries()) {
          p.android.postNotification(SCALE_PACKAGE, {
            channelId: 'pushlab_default',
            title: `${trigger} ${i} ${t}`,
            text: 'cost',
          });
          posts++;
        }
        await sleep(POST_EVERY_MS);
      }
      const c3 = total();
      const otherPerMin = (all() - a0 - (c3 - c0)) / COST_PHONES / ((IDLE_MS + BUSY_MS) / 60_000);
      const mode = watches[0]?.mode().mode ?? '?';
      for (const w of watches) w.stop();
      await Promise.all(watches.map((w) => w.stopped));
      const r0 = total();
      const next = arm();
      await Promise.all(next.map((w) => w.ready));
      const rearm = (total() - r0) / COST_PHONES;
      for (const w of next) w.stop();
      await Promise.all(next.map((w) => w.stopped));
      await Promise.all(phones.map((p) => closeEventsStream(p.io)));
      const perMin = (n: number, ms: number): number => n / COST_PHONES / (ms / 60_000);
      out.push({
        trigger,
        mode,
        armPerPhone: (c1 - c0) / COST_PHONES,
        rearmPerPhone: rearm,
        idlePerPhonePerMin: perMin(c2 - c1, IDLE_MS),
        pushPerPhonePerMin: perMin(c3 - c2, BUSY_MS),
        detected: seen.size,
        posts,
        otherPerPhonePerMin: otherPerMin,
      });
    }
    return out;
  } finally {
    await bench.close();
  }
}

// ---- 2. scale ----

export interface ScaleResult {
  readonly phonesAsked: number;
  readonly phonesHeld: number;
  readonly phoneProcesses: number;
  readonly setupMs: number;
  readonly mode: Readonly<Record<string, number>>;
  readonly posts: number;
  readonly detected: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  /** Where the time goes: post -> its enqueue line reached PushLab; that line -> the record read back. */
  readonly eventP50Ms: number;
  readonly eventP95Ms: number;
  readonly readP50Ms: number;
  readonly readP95Ms: number;
  /** PushLab's process (core + adbkit), % of one core per watched phone, idle and while posting. */
  readonly cpuIdlePctPerPhone: number;
  readonly cpuPostingPctPerPhone: number;
  /** The phone processes' CPU while posting, in cores (they share the 2 cores with PushLab). */
  readonly phoneProcessCores: number;
  /** The adb server's CPU, % of one core per phone while posting (null if its process was not found). */
  readonly adbCpuPctPerPhone: number | null;
  /** PushLab's RSS growth from no phone to all watched, per phone. */
  readonly rssPerPhoneMb: number;
  /** Capture part of an attempt: arm (start -> ready) + stop (stop -> stopped), p95, by phone count. */
  readonly attemptOverheadP95Ms: Readonly<Record<string, number>>;
  /** The arm part alone (probe, stream, baseline read), p95, by phone count. */
  readonly armP95Ms: Readonly<Record<string, number>>;
  /** A phone's first arm (its stream is started: probe, stream, baseline read), p95, by phone count. */
  readonly firstArmP95Ms: Readonly<Record<string, number>>;
  /** Arms of the measured rounds that ran no command (baseline = the stream's known list), by phone count. */
  readonly armsWithoutRead: Readonly<Record<string, string>>;
  /** The two parts of the attempt overhead apart (same rounds), p95 ms, by phone count. */
  readonly armPartP95Ms: Readonly<Record<string, number>>;
  readonly stopPartP95Ms: Readonly<Record<string, number>>;
  readonly error: string | null;
}

const PER_PROCESS = 25;

interface PhoneProc {
  readonly child: ChildProcess;
  readonly serials: string[];
}

function startPhones(adbPort: number, count: number, first: number): Promise<PhoneProc> {
  const child = fork(fileURLToPath(new URL('./capture-phones-process.ts', import.meta.url)), [
    String(adbPort),
    String(count),
    String(first),
  ]);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('phones did not start within 240 s')), 240_000);
    child.once('exit', (code) => reject(new Error(`phone process exited (${code})`)));
    child.on('message', (m: { kind: string; serials?: string[]; message?: string }) => {
      if (m.kind === 'ready') {
        clearTimeout(timer);
        resolve({ child, serials: m.serials ?? [] });
      } else if (m.kind === 'failed') reject(new Error(m.message));
    });
  });
}

/** CPU ticks (user + system) of the adb server listening on the port, from /proc. */
function adbServerTicks(port: number): number | null {
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (
        !cmd[0]?.endsWith('adb') ||
        !cmd.includes('fork-server') ||
        !cmd.some((a) => a.includes(String(port)))
      )
        continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14, 15)
    } catch {
      /* the process went away */
    }
  }
  return null;
}
const TICK_MS = 10; // USER_HZ 100 on Linux

interface Watched {
  readonly serial: string;
  readonly watch: NotificationWatch;
  readonly armMs: number;
}

async function armAll(
  ios: ReadonlyArray<{ serial: string; io: AdbDeviceIo }>,
  onRecord: (title: string, seenAt: number) => void,
  onTrigger: (serial: string, at: number) => void = () => {},
  spreadMs = 0,
): Promise<Watched[]> {
  return Promise.all(
    ios.map(async ({ serial, io }) => {
      if (spreadMs > 0) await sleep(Math.random() * spreadMs);
      const t0 = performance.now();
      const watch = watchNotifications(io, {
        packages: [SCALE_PACKAGE],
        events: eventsStreamFor(io),
        freshAfterPhoneMs: Date.now(),
        onRecord: (r) => r.title !== null && onRecord(r.title, Date.now()),
        onTrigger: (_pkg, at) => onTrigger(serial, at),
      });
      await watch.ready;
      return { serial, watch, armMs: performance.now() - t0 };
    }),
  );
}

async function stopAll(watched: readonly Watched[]): Promise<number[]> {
  return Promise.all(
    watched.map(async (w) => {
      const t0 = performance.now();
      w.watch.stop();
      await w.watch.stopped;
      return performance.now() - t0;
    }),
  );
}

async function captureAtScale(asked: number): Promise<ScaleResult> {
  const dir = await mkdtemp(join(tmpdir(), 'pushlab-capscale-'));
  const server = await startAdbServer();
  const procs: PhoneProc[] = [];
  let core: LocalLabCore | null = null;
  const modes: Record<string, number> = {};
  const overheads: Record<string, number> = {};
  const arms: Record<string, number> = {};
  const firstArms: Record<string, number> = {};
  const withoutRead: Record<string, string> = {};
  const armParts: Record<string, number> = {};
  const stopParts: Record<string, number> = {};
  const result: { -readonly [K in keyof ScaleResult]: ScaleResult[K] } = {
    phonesAsked: asked,
    phonesHeld: 0,
    phoneProcesses: Math.ceil(asked / PER_PROCESS),
    setupMs: 0,
    mode: modes,
    posts: 0,
    detected: 0,
    p50Ms: Number.NaN,
    p95Ms: Number.NaN,
    maxMs: Number.NaN,
    eventP50Ms: Number.NaN,
    eventP95Ms: Number.NaN,
    readP50Ms: Number.NaN,
    readP95Ms: Number.NaN,
    cpuIdlePctPerPhone: Number.NaN,
    cpuPostingPctPerPhone: Number.NaN,
    adbCpuPctPerPhone: null,
    phoneProcessCores: Number.NaN,
    rssPerPhoneMb: Number.NaN,
    attemptOverheadP95Ms: overheads,
    armP95Ms: arms,
    firstArmP95Ms: firstArms,
    armsWithoutRead: withoutRead,
    armPartP95Ms: armParts,
    stopPartP95Ms: stopParts,
    error: null,
  };
  try {
    core = await createLabCore({
      dataDir: dir,
      adb: { host: '127.0.0.1', port: server.port, bin: server.bin, startServer: false },
      shell: 'test',
      logger: silentLogger,
    });
    await core.services.tracker.waitUntilConnected(10_000);
    const lab = core;
    global.gc?.();
    const rss0 = process.memoryUsage().rss;
    const t0 = Date.now();
    const starts = [];
    for (let first = 0; first < asked; first += PER_PROCESS)
      starts.push(startPhones(server.port, Math.min(PER_PROCESS, asked - first), first));
    const started = await Promise.allSettled(starts);
    for (const s of started) if (s.status === 'fulfilled') procs.push(s.value);
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) result.error = String((failed as PromiseRejectedResult).reason);
    const serials = procs.flatMap((p) => p.serials);
    await waitForIdentities(lab, serials, 120_000);
    result.setupMs = Date.now() - t0;
    result.phonesHeld = serials.length;
    const owner = new Map<string, ChildProcess>();
    for (const p of procs) for (const s of p.serials) owner.set(s, p.child);
    const ios = serials.map((serial) => ({ serial, io: lab.services.gateway.device(serial) }));

    // Posts: the phone process says when it posted; this process when the watch saw it.
    const postedAt = new Map<string, number>();
    const seenAt = new Map<string, number>();
    for (const p of procs)
      p.child.on('message', (m: { kind: string; title?: string; at?: number }) => {
        if (m.kind === 'posted' && m.title !== undefined && m.at !== undefined) postedAt.set(m.title, m.at);
      });
    const onRecord = (title: string, at: number): void => void (seenAt.has(title) || seenAt.set(title, at));
    const post = (serial: string, title: string): void =>
      void owner.get(serial)?.send({ kind: 'post', serial, title });

    // Attempt overhead (capture part) at 10 phones and at all: 3 rounds where each phone's attempt
    // starts at its own moment within 3 s (phones run their attempt loops independently), then one
    // round where all arm at the same instant (the worst case).
    for (const n of [...new Set([Math.min(10, serials.length), serials.length])]) {
      const samples: number[] = [];
      const armSamples: number[] = [];
      const stopSamples: number[] = [];
      let known = 0;
      let armed = 0;
      // The first attempt on each phone (its run's device loop starting) starts its stream: apart.
      const fresh = ios.slice(0, n).filter(({ io }) => !eventsStreamFor(io).isFollowing());
      const first = await armAll(fresh, onRecord, undefined, 3_000);
      for (const w of first) post(w.serial, `first ${n} ${w.serial}`);
      await sleep(1_000);
      await stopAll(first);
      if (first.length > 0)
        firstArms[String(n)] = Math.round(
          percentile(
            first.map((w) => w.armMs),
            95,
          ),
        );
      for (const spread of [3_000, 3_000, 3_000, 0]) {
        const watched = await armAll(ios.slice(0, n), onRecord, undefined, spread);
        for (const w of watched) post(w.serial, `attempt ${n} ${spread} ${samples.length} ${w.serial}`);
        await sleep(1_000);
        const stops = await stopAll(watched);
        armed += watched.length;
        known += watched.filter((w) => w.watch.armedFromKnown()).length;
        if (spread === 0)
          arms[String(n)] = Math.round(
            percentile(
              watched.map((w) => w.armMs),
              95,
            ),
          );
        else
          watched.forEach((w, i) => {
            samples.push(w.armMs + (stops[i] ?? 0));
            armSamples.push(w.armMs);
            stopSamples.push(stops[i] ?? 0);
          });
      }
      overheads[String(n)] = Math.round(percentile(samples, 95));
      withoutRead[String(n)] = `${known}/${armed}`;
      armParts[String(n)] = Math.round(percentile(armSamples, 95));
      stopParts[String(n)] = Math.round(percentile(stopSamples, 95));
    }

    // All watched: idle CPU, then posts at random moments, latency and CPU while posting.
    // Each phone gets its posts one after another, so its next trigger belongs to its last post.
    const lastPostOf = new Map<string, string>();
    const triggeredAt = new Map<string, number>();
    const watched = await armAll(ios, onRecord, (serial, at) => {
      const title = lastPostOf.get(serial);
      if (title !== undefined && !triggeredAt.has(title)) triggeredAt.set(title, at);
    });
    for (const w of watched) {
      const m = w.watch.mode();
      const key = m.mode === 'events' ? 'events' : `poll:${m.reason ?? '?'}`;
      modes[key] = (modes[key] ?? 0) + 1;
    }
    global.gc?.();
    result.rssPerPhoneMb = (process.memoryUsage().rss - rss0) / 1e6 / serials.length;
    const window = async (ms: number, during: () => Promise<void>) => {
      const cpu0 = process.cpuUsage();
      const adb0 = adbServerTicks(server.port);
      const w0 = performance.now();
      await Promise.all([during(), sleep(ms)]);
      const wall = performance.now() - w0;
      const cpu = process.cpuUsage(cpu0);
      const adb1 = adbServerTicks(server.port);
      return {
        pct: ((cpu.user + cpu.system) / 1000 / wall / serials.length) * 100,
        adbPct:
          adb0 === null || adb1 === null ? null : (((adb1 - adb0) * TICK_MS) / wall / serials.length) * 100,
      };
    };
    result.cpuIdlePctPerPhone = (await window(5_000, async () => {})).pct;
    const titles: string[] = [];
    const start = Date.now();
    const usage = (): Promise<number> =>
      Promise.all(
        procs.map(
          (p) =>
            new Promise<number>((resolve) => {
              const on = (m: { kind: string; cpuUs?: number }): void => {
                if (m.kind !== 'usage') return;
                p.child.off('message', on);
                resolve(m.cpuUs ?? 0);
              };
              p.child.on('message', on);
              p.child.send({ kind: 'usage' });
            }),
        ),
      ).then((all) => all.reduce((a, b) => a + b, 0));
    const phoneCpu0 = await usage();
    const wall0 = performance.now();
    const posting = await window(8_000, async () => {
      await Promise.all(
        serials.map(async (serial, i) => {
          for (let k = 0; k < 3; k++) {
            await sleep(300 + Math.random() * 1_900);
            const title = `scale ${i} ${k}`;
            titles.push(title);
            lastPostOf.set(serial, title);
            post(serial, title);
            while (!seenAt.has(title) && Date.now() - start < 7_000) await sleep(20);
          }
        }),
      );
    });
    result.phoneProcessCores = ((await usage()) - phoneCpu0) / 1000 / (performance.now() - wall0);
    result.cpuPostingPctPerPhone = posting.pct;
    result.adbCpuPctPerPhone = posting.adbPct;
    const deadline = Date.now() + 5_000;
    while (titles.some((t) => !seenAt.has(t)) && Date.now() < deadline) await sleep(50);
    const latencies = titles
      .filter((t) => seenAt.has(t) && postedAt.has(t))
      .map((t) => (seenAt.get(t) as number) - (postedAt.get(t) as number));
    result.posts = titles.length;
    result.detected = latencies.length;
    result.p50Ms = percentile(latencies, 50);
    result.p95Ms = percentile(latencies, 95);
    result.maxMs = latencies.length ? Math.max(...latencies) : Number.NaN;
    const both = titles.filter((t) => triggeredAt.has(t) && postedAt.has(t) && seenAt.has(t));
    const eventMs = both.map((t) => (triggeredAt.get(t) as number) - (postedAt.get(t) as number));
    const readMs = both.map((t) => (seenAt.get(t) as number) - (triggeredAt.get(t) as number));
    result.eventP50Ms = percentile(eventMs, 50);
    result.eventP95Ms = percentile(eventMs, 95);
    result.readP50Ms = percentile(readMs, 50);
    result.readP95Ms = percentile(readMs, 95);
    await stopAll(watched);
    await Promise.all(ios.map(({ io }) => closeEventsStream(io)));
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  } finally {
    await core?.close();
    await Promise.all(
      procs.map(
        (p) =>
          new Promise<void>((resolve) => {
            p.child.once('exit', () => resolve());
            p.child.send({ kind: 'stop' });
            setTimeout(() => (p.child.kill(), resolve()), 10_000).unref();
          }),
      ),
    );
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
  return result;
}

// ---- entry ----

const f = (n: number): string => (Number.isFinite(n) ? `${Math.round(n)} ms` : 'n/a');

/** Runs both parts, prints the figures and returns them for bench/results/latest.json. */
export async function runCaptureScaleBench(): Promise<{ cost: PhoneCost[]; scale: ScaleResult }> {
  const cost = await phoneCost();
  console.log(
    `capture    phone commands per watched phone (${COST_PHONES} phones; pushes = one post every ${POST_EVERY_MS / 1000} s):`,
  );
  for (const c of cost)
    console.log(
      `           ${c.trigger === 'poll' ? 'before (poll 150 ms)' : `after (${c.mode})`}: arm ${c.armPerPhone.toFixed(1)} ` +
        `(next attempt ${c.rearmPerPhone.toFixed(1)}), ` +
        `idle ${c.idlePerPhonePerMin.toFixed(1)}/min, during pushes ${c.pushPerPhonePerMin.toFixed(1)}/min; ` +
        `${c.detected}/${c.posts} posts detected (other core commands meanwhile: ${c.otherPerPhonePerMin.toFixed(1)}/min)`,
    );
  const asked = Math.max(1, Math.min(100, Number(process.env.BENCH_CAPTURE_PHONES ?? 100) || 100));
  const scale = await captureAtScale(asked);
  const ok = (v: number, target: number): string => (v <= target ? 'OK' : 'OVER');
  console.log(
    `capture    at scale: ${scale.phonesHeld}/${scale.phonesAsked} phones held (${scale.phoneProcesses} phone processes, ` +
      `set up in ${f(scale.setupMs)}); modes ${JSON.stringify(scale.mode)}${scale.error ? `; error: ${scale.error}` : ''}`,
  );
  console.log(
    `           post -> detected, all watched: ${scale.detected}/${scale.posts}; p50 ${f(scale.p50Ms)}, ` +
      `p95 ${f(scale.p95Ms)} (target <= 150 ms) ${ok(scale.p95Ms, 150)}, max ${f(scale.maxMs)}`,
  );
  console.log(
    `           where it goes: post -> enqueue line at PushLab p50 ${f(scale.eventP50Ms)}, p95 ${f(scale.eventP95Ms)}; ` +
      `enqueue line -> record read back p50 ${f(scale.readP50Ms)}, p95 ${f(scale.readP95Ms)}; the phone processes used ` +
      `${scale.phoneProcessCores.toFixed(2)} cores meanwhile (host load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores)`,
  );
  console.log(
    `           PushLab CPU per watched phone: idle ${scale.cpuIdlePctPerPhone.toFixed(3)}%, while posting ` +
      `${scale.cpuPostingPctPerPhone.toFixed(3)}% of a core (target <= 1%) ${ok(scale.cpuPostingPctPerPhone, 1)}; ` +
      `adb server ${scale.adbCpuPctPerPhone === null ? 'n/a' : `${scale.adbCpuPctPerPhone.toFixed(3)}%`}; ` +
      `memory ${scale.rssPerPhoneMb.toFixed(2)} MB per phone (target <= 15 MB) ${ok(scale.rssPerPhoneMb, 15)}`,
  );
  const entries = Object.entries(scale.attemptOverheadP95Ms);
  const [small, large] = [entries[0], entries[entries.length - 1]];
  const change = small && large ? (large[1] - small[1]) / Math.max(1, small[1]) : Number.NaN;
  console.log(
    `           capture part of an attempt (arm + stop; attempts start within 3 s of each other) p95: ` +
      `${entries.map(([n, v]) => `${n} phones ${v} ms`).join(', ')}` +
      ` (change ${Number.isFinite(change) ? `${Math.round(change * 100)}%` : 'n/a'}` +
      `${small && large ? `, ${large[1] - small[1] >= 0 ? '+' : ''}${large[1] - small[1]} ms` : ''}; target <= 10%) ${ok(change, 0.1)};` +
      ` arm alone when all arm at the same instant ${Object.entries(scale.armP95Ms)
        .map(([n, v]) => `${n} phones ${v} ms`)
        .join(', ')}; a phone's first arm (starts its stream) ${Object.entries(scale.firstArmP95Ms)
        .map(([n, v]) => `${n} phones ${v} ms`)
        .join(', ')}; arms with no command ${Object.entries(scale.armsWithoutRead)
        .map(([n, v]) => `${n} phones ${v}`)
        .join(', ')}; p95 of the arm part ${JSON.stringify(scale.armPartP95Ms)} ms, of the stop part ` +
      `${JSON.stringify(scale.stopPartP95Ms)} ms`,
  );
  return { cost, scale };
}
