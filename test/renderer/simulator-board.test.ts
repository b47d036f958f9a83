/**
 * The built renderer in Chromium against the REAL core with the fake xcrun (Xcode 16 capture) and no
 * adb server: the Phones view lists the shut-down iPhone 16 Pro and an unusable simulator with its
 * reason; Boot on the board boots it (button disabled while it runs) and the row turns Booted; Shut
 * down brings it back; a boot or shutdown outside PushLab shows up too. Screenshots go to test-results/renderer/.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLabCore, type LocalLabCore } from '../../electron/lab/compose';
import { silentLogger } from '../../electron/lab/util/logger';
import { serveWeb, type WebServer } from '../../electron/web/server';
import { freePort } from '../virtual-lab';
import { startFakeXcrun, XCODE16, type FakeXcrun } from '../virtual-lab/ios/fake-xcrun';
import { openBrowser, requireBuiltRenderer, type BrowserSession } from './support/browser';

const SHUT_DOWN = XCODE16.iphone16Pro;
const UNUSABLE = 'E1A75B48-12AA-42A0-AD58-5AAEF4DBAEA5';

let work: string;
let fake: FakeXcrun;
let core: LocalLabCore;
let server: WebServer;
let browser: BrowserSession;

beforeAll(async () => {
  const rendererDir = requireBuiltRenderer();
  work = await mkdtemp(join(tmpdir(), 'pushlab-renderer-simboard-'));
  fake = await startFakeXcrun();
  core = await createLabCore({
    dataDir: join(work, 'data'),
    adb: { host: '127.0.0.1', port: await freePort(), bin: 'adb', startServer: false },
    shell: 'test',
    logger: silentLogger,
    env: { ...fake.env, PUSHLAB_SIMCTL_POLL_MS: '100' },
  });
  server = await serveWeb({ core, rendererDir, uploadDir: join(work, 'uploads') });
  browser = await openBrowser({ height: 1400 });
  await browser.page.goto(server.url);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await core?.close();
  await fake?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

const page = () => browser.page;
const row = (udid: string) => page().locator(`.simulator-list li[data-udid="${udid}"]`);

describe('simulators on the board', () => {
  it('lists a shut-down simulator and an unusable one with its reason', async () => {
    await expect.poll(() => row(SHUT_DOWN).getAttribute('data-state').catch(() => null), { timeout: 15_000 }).toBe('Shutdown');
    expect(await row(SHUT_DOWN).textContent()).toContain('Shut down');
    expect(await row(XCODE16.bootedIpad).getAttribute('data-state')).toBe('Booted');
    expect(await row(UNUSABLE).getAttribute('data-usable')).toBe('false');
    expect(await row(UNUSABLE).textContent()).toContain('Unusable: runtime profile not found');
    expect(await row(UNUSABLE).getByRole('button').count()).toBe(0);
  }, 60_000);

  it('boots it from the board and sees it become booted, then shuts it down', async () => {
    const boot = row(SHUT_DOWN).getByRole('button', { name: 'Boot' });
    await boot.click();
    await expect.poll(() => row(SHUT_DOWN).getAttribute('data-state'), { timeout: 15_000 }).toBe('Booted');
    // Booted: it is a device on the board too, and offers Shut down instead of Boot.
    await expect.poll(() => page().locator(`[data-serial="${SHUT_DOWN}"]`).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await row(SHUT_DOWN).getByRole('button', { name: 'Boot' }).count()).toBe(0);
    await browser.screenshot('simulator-board-booted');

    await row(SHUT_DOWN).getByRole('button', { name: 'Shut down' }).click();
    await expect.poll(() => row(SHUT_DOWN).getAttribute('data-state'), { timeout: 15_000 }).toBe('Shutdown');
    expect((await fake.log()).filter((e) => e.udid === SHUT_DOWN && (e.op === 'boot' || e.op === 'shutdown')).map((e) => e.op)).toEqual(['boot', 'shutdown']);
    expect(browser.problems.filter((p) => !/adb|Failed to load resource/i.test(p))).toEqual([]);
  }, 60_000);

  it('follows a boot and a shutdown done outside PushLab, live', async () => {
    await fake.simctl(['boot', SHUT_DOWN]);
    await expect.poll(() => row(SHUT_DOWN).getAttribute('data-state'), { timeout: 15_000 }).toBe('Booted');
    await fake.simctl(['shutdown', SHUT_DOWN]);
    await expect.poll(() => row(SHUT_DOWN).getAttribute('data-state'), { timeout: 15_000 }).toBe('Shutdown');
    expect(await row(SHUT_DOWN).getByRole('button', { name: 'Boot' }).isEnabled()).toBe(true);
  }, 60_000);
});
