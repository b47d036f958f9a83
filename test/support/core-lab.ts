/**
 * Integration set-up: a private adb server, a virtual lab, and the real core wired to them.
 * Everything started here is stopped by `close()`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLabCore, type LocalLabCore } from '../../electron/lab/compose';
import { silentLogger } from '../../electron/lab/util/logger';
import { startAdbServer, VirtualLab } from '../virtual-lab';

export interface CoreLab {
  readonly core: LocalLabCore;
  readonly lab: VirtualLab;
  readonly adbPort: number;
  readonly adbBin: string;
  readonly adbEnv: NodeJS.ProcessEnv;
  readonly dir: string;
  close(): Promise<void>;
}

export async function openCoreLab(
  options: { startServer?: boolean; linkBytesPerSecond?: number } = {},
): Promise<CoreLab> {
  const dir = await mkdtemp(join(tmpdir(), 'pushlab-it-'));
  const server = await startAdbServer();
  const lab = await VirtualLab.start({
    adbPort: server.port,
    ...(options.linkBytesPerSecond ? { linkBytesPerSecond: options.linkBytesPerSecond } : {}),
  });
  const core = await createLabCore({
    dataDir: dir,
    adb: { host: '127.0.0.1', port: server.port, bin: server.bin, startServer: options.startServer ?? false },
    shell: 'test',
    logger: silentLogger,
  });
  await core.services.tracker.waitUntilConnected(10_000);
  return {
    core,
    lab,
    adbPort: server.port,
    adbBin: server.bin,
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

/** Polls `check` until it returns a value (not undefined/false) or the time runs out. */
export async function eventually<T>(
  check: () => T | undefined | false,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - start > timeoutMs)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
