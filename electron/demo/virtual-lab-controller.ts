/**
 * Adapts the push lab world (test/virtual-lab/push-lab.ts: virtual phones with the demo app, the
 * Tencent IM emulator and its router) to the core's VirtualLabController seam, for `npm run demo`,
 * `npm run web -- --demo` and the renderer tests. Never used with real phones.
 */
import type { VirtualLabStatus } from '../../shared/domain/lab';
import { adbHost, DEMO_PROFILES, USB2_LINK_BYTES_PER_SECOND } from '../../test/virtual-lab';
import {
  PUSH_LAB_SECRET_ENV,
  startPushLab,
  type PushLab,
  type PushLabPhoneSpec,
} from '../../test/virtual-lab/push-lab';
import { LabError } from '../lab/errors';
import type { VirtualLabController } from '../lab/virtual-lab-port';
import { demoPlanLines, demoSecret, writeDemoDiagnosePlan, writeDemoPlan } from './demo-plan-files';

export interface DemoLabOptions {
  /** The lab's own adb server (shells pass launchAdbConfig(true): 15037), never the user's 5037. */
  readonly adbHost: string;
  readonly adbPort: number;
  /** Profiles to start with; defaults to one phone per demo vendor. */
  readonly profiles?: readonly string[];
  /** Where the demo writes demo-plan.json (and the emulator key it made, when none was set). */
  readonly dataDir?: string;
  /** Told where the plan is and which variable holds the key (never the key itself). */
  readonly announce?: (line: string) => void;
  /** The Tencent emulator's loopback port; a free one when it is taken. Default 18090. */
  readonly tencentPort?: number;
  /** Simulated phone timings (installs, launches); default true. */
  readonly realisticTiming?: boolean;
}

const STOPPED: VirtualLabStatus = { running: false, phones: [] };
/** The core starts the demo's adb server as it comes up; give it this long to answer. */
const ADB_WAIT_MS = 15_000;
export const DEMO_TENCENT_PORT = 18090;
/** The demo's FCM emulator (the diagnose plan's vendor path), next to the Tencent emulator. */
export const DEMO_FCM_PORT = 18091;

async function waitForAdb(options: DemoLabOptions): Promise<void> {
  const deadline = Date.now() + ADB_WAIT_MS;
  for (;;) {
    try {
      await adbHost(options.adbPort, options.adbHost).version();
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new LabError(
          'ADB_UNREACHABLE',
          `The virtual lab could not reach the adb server at ${options.adbHost}:${options.adbPort}.`,
          {
            hint: 'Check that adb is installed (apt install adb / brew install android-platform-tools), then start the virtual lab again.',
            zh: {
              message: `虚拟实验室无法连接 ${options.adbHost}:${options.adbPort} 上的 adb 服务。`,
              hint: '请确认已安装 adb（apt install adb / brew install android-platform-tools），然后重新启动虚拟实验室。',
            },
            detail: String(error),
          },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** One phone per profile (cycling when more are asked for), each with its own qa_<vendor> account. */
/** The demo's phones listen on 15601, 15602, … so the README's example plan names their serials. */
export const DEMO_FIRST_PHONE_PORT = 15601;

export function demoPhones(
  profiles: readonly string[],
  count: number,
  firstPort: number | null = null,
): PushLabPhoneSpec[] {
  const used = new Map<string, number>();
  return Array.from({ length: count }, (_, i) => {
    const profile = profiles[i % profiles.length] ?? profiles[0] ?? '';
    const vendor = (profile.split('-')[0] ?? 'phone')
      .replace(/^google$/, 'pixel')
      .replace(/[^A-Za-z0-9_]/g, '_');
    const n = (used.get(vendor) ?? 0) + 1;
    used.set(vendor, n);
    return {
      profile,
      account: n === 1 ? `qa_${vendor}` : `qa_${vendor}_${n}`,
      ...(firstPort === null ? {} : { port: firstPort + i }),
    };
  });
}

/** The world's diagnose plan on disk (keys by file), or null when no demo phone has a direct sender. */
async function demoDiagnosePlan(
  world: PushLab,
  dataDir: string,
  secretFile: string | null,
): Promise<string | null> {
  if (world.direct === null) return null;
  let plan;
  try {
    plan = world.diagnosePlan();
  } catch {
    // No phone of a channel the direct paths reach (FCM or one of the six vendor emulators).
    return null;
  }
  if (plan.phones.serials?.length === 0) return null;
  const onDisk =
    secretFile === null ? plan : { ...plan, sender: { ...plan.sender, secret: { file: secretFile } } };
  return writeDemoDiagnosePlan(dataDir, onDisk, world.direct.fcm.serviceAccountJson, world.vendors.env);
}

export function createDemoLabController(options: DemoLabOptions): VirtualLabController {
  let world: PushLab | null = null;
  let starting: Promise<VirtualLabStatus> | null = null;
  const listeners = new Set<(status: VirtualLabStatus) => void>();
  const status = (): VirtualLabStatus => (world ? world.lab.status() : STOPPED);
  const changed = (): VirtualLabStatus => {
    const s = status();
    for (const listener of listeners) listener(s);
    return s;
  };

  const startWorld = async (phoneCount: number | undefined): Promise<PushLab> => {
    await waitForAdb(options);
    const secret = await demoSecret(PUSH_LAB_SECRET_ENV, process.env, options.dataDir);
    const profiles = [...(options.profiles ?? DEMO_PROFILES)];
    const world = (firstPort: number | null): Promise<PushLab> =>
      startPushLab({
        adbPort: options.adbPort,
        adbHost: options.adbHost,
        phones: demoPhones(profiles, phoneCount ?? profiles.length, firstPort),
        secretKey: secret.value,
        tencentPort: options.tencentPort ?? DEMO_TENCENT_PORT,
        tencentPortFallback: true,
        // Phones take bytes at USB 2.0 speed, so install progress looks as it does on a real rack.
        linkBytesPerSecond: USB2_LINK_BYTES_PER_SECOND,
        realisticTiming: options.realisticTiming ?? true,
        // Vendor tokens on the phones and the FCM emulator: the demo can run a diagnose plan.
        direct: true,
        fcmPort: DEMO_FCM_PORT,
      });
    // Fixed ports when free (stable serials across restarts); any free ports otherwise.
    const next = await world(DEMO_FIRST_PHONE_PORT).catch(() => world(null));
    if (options.dataDir !== undefined) {
      try {
        // The plan on disk names the key file, so `pushlab run --plan` works from any shell.
        const plan = next.plan();
        const onDisk =
          secret.file === null
            ? plan
            : { ...plan, sender: { ...plan.sender, secret: { file: secret.file } } };
        const planPath = await writeDemoPlan(options.dataDir, onDisk);
        const diagnosePlanPath = await demoDiagnosePlan(next, options.dataDir, secret.file);
        const lines = demoPlanLines({
          planPath,
          dataDir: options.dataDir,
          adbPort: options.adbPort,
          envName: PUSH_LAB_SECRET_ENV,
          secret,
          emulatorUrl: next.emulator.url,
          diagnosePlanPath,
        });
        for (const line of lines) options.announce?.(line);
      } catch (error) {
        await next.close();
        throw error;
      }
    }
    return next;
  };

  return {
    adbServer: { host: options.adbHost, port: options.adbPort },
    status,
    async start(phoneCount?: number): Promise<VirtualLabStatus> {
      if (world) return status();
      if (starting) return starting;
      starting = (async () => {
        world = await startWorld(phoneCount);
        return changed();
      })().finally(() => {
        starting = null;
      });
      return starting;
    },
    async stop(): Promise<VirtualLabStatus> {
      const current = world;
      world = null;
      if (current) await current.close();
      return changed();
    },
    async plug(phoneId: string, plugged: boolean): Promise<VirtualLabStatus> {
      if (!world) return status();
      if (plugged) await world.lab.plug(phoneId);
      else await world.lab.unplug(phoneId);
      return changed();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    demoPlan: () => world?.plan() ?? null,
  };
}
