/**
 * The real core with the fake xcrun and no adb server, served to Chromium: what the iOS renderer
 * tests share. Simulators are polled every 100 ms so state changes show up quickly.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLabCore, type LocalLabCore } from '../../../electron/lab/compose';
import { silentLogger } from '../../../electron/lab/util/logger';
import { serveWeb, type WebServer } from '../../../electron/web/server';
import { freePort } from '../../virtual-lab';
import { startFakeXcrun, type FakeXcrun } from '../../virtual-lab/ios/fake-xcrun';
import { openBrowser, requireBuiltRenderer, type BrowserSession } from './browser';

export interface SimulatorLab {
  readonly work: string;
  readonly fake: FakeXcrun;
  readonly core: LocalLabCore;
  readonly server: WebServer;
  readonly browser: BrowserSession;
  close(): Promise<void>;
}

export async function openSimulatorLab(name: string, options: { height: number }): Promise<SimulatorLab> {
  const rendererDir = requireBuiltRenderer();
  const work = await mkdtemp(join(tmpdir(), `pushlab-renderer-${name}-`));
  const fake = await startFakeXcrun();
  const core = await createLabCore({
    dataDir: join(work, 'data'),
    adb: { host: '127.0.0.1', port: await freePort(), bin: 'adb', startServer: false },
    shell: 'test',
    logger: silentLogger,
    env: { ...fake.env, PUSHLAB_SIMCTL_POLL_MS: '100' },
  });
  const server = await serveWeb({ core, rendererDir, uploadDir: join(work, 'uploads') });
  const browser = await openBrowser({ height: options.height });
  await browser.page.goto(server.url);
  return {
    work,
    fake,
    core,
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
      await core.close();
      await fake.close();
      await rm(work, { recursive: true, force: true });
    },
  };
}
