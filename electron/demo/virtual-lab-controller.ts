/**
 * Adapts the virtual lab (test/virtual-lab) to the core's VirtualLabController seam, for
 * `npm run demo`, `npm run web -- --demo` and the renderer tests. Never used with real phones.
 */
import type { VirtualLabStatus } from '../../shared/domain/lab';
import { DEMO_PROFILES, USB2_LINK_BYTES_PER_SECOND, VirtualLab } from '../../test/virtual-lab';
import { LabError } from '../lab/errors';
import type { VirtualLabController } from '../lab/virtual-lab-port';

export interface DemoLabOptions {
  readonly adbHost: string;
  readonly adbPort: number;
  /** Profiles to start with; defaults to one phone per demo vendor. */
  readonly profiles?: readonly string[];
}

const STOPPED: VirtualLabStatus = { running: false, phones: [] };
/** The core starts the demo's adb server as it comes up; give it this long to answer. */
const ADB_WAIT_MS = 15_000;

async function startWhenAdbAnswers(options: DemoLabOptions): Promise<VirtualLab> {
  const deadline = Date.now() + ADB_WAIT_MS;
  for (;;) {
    try {
      // Phones take bytes at USB 2.0 speed, so install progress looks as it does on a real rack.
      return await VirtualLab.start({ adbPort: options.adbPort, adbHost: options.adbHost, linkBytesPerSecond: USB2_LINK_BYTES_PER_SECOND });
    } catch (error) {
      if (Date.now() > deadline) {
        throw new LabError('ADB_UNREACHABLE', `The virtual lab could not reach the adb server at ${options.adbHost}:${options.adbPort}.`, {
          hint: 'Check that adb is installed (apt install adb / brew install android-platform-tools), then start the virtual lab again.',
          detail: String(error),
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

export function createDemoLabController(options: DemoLabOptions): VirtualLabController {
  let lab: VirtualLab | null = null;
  let starting: Promise<VirtualLabStatus> | null = null;
  const listeners = new Set<(status: VirtualLabStatus) => void>();
  const status = (): VirtualLabStatus => (lab ? lab.status() : STOPPED);
  const changed = (): VirtualLabStatus => {
    const s = status();
    for (const listener of listeners) listener(s);
    return s;
  };

  return {
    status,
    async start(phoneCount?: number): Promise<VirtualLabStatus> {
      if (lab) return status();
      if (starting) return starting;
      starting = (async () => {
        const next = await startWhenAdbAnswers(options);
        const profiles = [...(options.profiles ?? DEMO_PROFILES)];
        const count = phoneCount ?? profiles.length;
        const specs = Array.from({ length: count }, (_, i) => ({ profile: profiles[i % profiles.length] ?? profiles[0] ?? '' }));
        lab = next;
        await next.addPhones(specs);
        return changed();
      })().finally(() => {
        starting = null;
      });
      return starting;
    },
    async stop(): Promise<VirtualLabStatus> {
      const current = lab;
      lab = null;
      if (current) await current.close();
      return changed();
    },
    async plug(phoneId: string, plugged: boolean): Promise<VirtualLabStatus> {
      if (!lab) return status();
      if (plugged) await lab.plug(phoneId);
      else await lab.unplug(phoneId);
      return changed();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
