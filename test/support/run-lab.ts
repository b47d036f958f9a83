/**
 * Integration set-up for runs: a private adb server, the push lab world (virtual phones, demo app,
 * Tencent emulator, router, vendor emulators) and the real core wired to them, with the world's
 * secrets in the core's environment. Everything started here is stopped by `close()`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLabCore, type LocalLabCore } from '../../electron/lab/compose';
import type { LabCoreOptions } from '../../electron/lab/compose-types';
import { silentLogger } from '../../electron/lab/util/logger';
import { startAdbServer, type AdbServerHandle } from '../virtual-lab';
import {
  PUSH_LAB_SECRET_ENV,
  startPushLab,
  type PushLab,
  type PushLabOptions,
  type PushLabPhoneSpec,
} from '../virtual-lab/push-lab';
import { PUSH_LAB_FCM_ENV } from '../virtual-lab/direct/direct-paths';

export interface RunLab {
  readonly core: LocalLabCore;
  readonly world: PushLab;
  readonly server: AdbServerHandle;
  readonly dir: string;
  /** The environment a CLI child needs to reach this lab (adb port, the Tencent secret). */
  readonly env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

/** Six vendor channels plus FCM, one phone each (profiles from test/fixtures/getprop). */
export const SEVEN_VENDORS: readonly PushLabPhoneSpec[] = [
  { profile: 'xiaomi-hyperos2-android14-2', id: 'mi', account: 'qa_xiaomi' },
  { profile: 'huawei-harmonyos4.2-android12-2', id: 'huawei', account: 'qa_huawei' },
  { profile: 'honor-magicos9-android15-2', id: 'honor', account: 'qa_honor' },
  { profile: 'oppo-coloros15-android15-1', id: 'oppo', account: 'qa_oppo' },
  { profile: 'vivo-originos5-android15-1', id: 'vivo', account: 'qa_vivo' },
  { profile: 'meizu-flyme12.1-android15-1', id: 'meizu', account: 'qa_meizu' },
  { profile: 'google-pixel-android15-1', id: 'pixel', account: 'qa_pixel' },
];

export async function openRunLab(
  options: {
    phones?: readonly PushLabPhoneSpec[];
    world?: Partial<PushLabOptions>;
    core?: Partial<LabCoreOptions>;
  } = {},
): Promise<RunLab> {
  const dir = await mkdtemp(join(tmpdir(), 'pushlab-run-it-'));
  const server = await startAdbServer();
  const world = await startPushLab({
    adbPort: server.port,
    phones: options.phones ?? SEVEN_VENDORS,
    realisticTiming: false,
    ...options.world,
  });
  // The Tencent secret, the FCM fake's and the vendor emulators' secrets, read by the plans' { env } references.
  const env = {
    ...process.env,
    ...server.env,
    [PUSH_LAB_SECRET_ENV]: world.tencent.secretKey,
    ...(world.direct === null ? {} : { [PUSH_LAB_FCM_ENV]: world.direct.fcm.serviceAccountJson }),
    ...world.vendors.env,
  };
  const core = await createLabCore({
    dataDir: dir,
    adb: { host: '127.0.0.1', port: server.port, bin: server.bin, startServer: false },
    shell: 'test',
    logger: silentLogger,
    env,
    ...options.core,
  });
  await core.services.tracker.waitUntilConnected(10_000);
  await Promise.all(world.phones.map((p) => core.services.registry.waitForIdentity(p.serial, 20_000)));
  return {
    core,
    world,
    server,
    dir,
    env,
    async close() {
      await core.close();
      await world.close();
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
