/**
 * Shared set-up for benchmarks: a private adb server, a virtual lab and a core wired to it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLabCore, type LocalLabCore } from '../electron/lab/compose';
import { silentLogger } from '../electron/lab/util/logger';
import { startAdbServer, VirtualLab } from '../test/virtual-lab';

export interface BenchLab {
  readonly core: LocalLabCore;
  readonly lab: VirtualLab;
  readonly adbPort: number;
  readonly adbEnv: NodeJS.ProcessEnv;
  readonly dir: string;
  close(): Promise<void>;
}

export async function openBenchLab(options: { linkBytesPerSecond?: number } = {}): Promise<BenchLab> {
  const dir = await mkdtemp(join(tmpdir(), 'pushlab-bench-'));
  const server = await startAdbServer();
  const lab = await VirtualLab.start({ adbPort: server.port, ...options });
  const core = await createLabCore({
    dataDir: dir,
    adb: { host: '127.0.0.1', port: server.port, bin: server.bin, startServer: false },
    shell: 'test',
    logger: silentLogger,
  });
  await core.services.tracker.waitUntilConnected(10_000);
  return {
    core,
    lab,
    adbPort: server.port,
    adbEnv: server.env,
    dir,
    async close() {
      await core.close();
      await lab.close();
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Resolves when every serial has its identity read (or failed) in the core. */
export async function waitForIdentities(core: LocalLabCore, serials: readonly string[], timeoutMs = 30_000): Promise<void> {
  await Promise.all(serials.map((s) => core.services.registry.waitForIdentity(s, timeoutMs)));
}

export function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
