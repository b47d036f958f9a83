/**
 * Each simctl command against the fake xcrun: install (reading Info.plist first), launch, push,
 * terminate, openurl, get_app_container, screenshot, uninstall, boot/shutdown and their "already"
 * cases; simctl's refusals as plain errors; and the runner's deadline killing a hung call.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appContainer } from '../../../electron/lab/ios/commands/app-container';
import { bootSimulator } from '../../../electron/lab/ios/commands/boot';
import { installAppBundle } from '../../../electron/lab/ios/app-bundle';
import { launchApp } from '../../../electron/lab/ios/commands/launch-app';
import { listSimulators } from '../../../electron/lab/ios/commands/list-simulators';
import { openUrl } from '../../../electron/lab/ios/commands/open-url';
import { pushToSimulator } from '../../../electron/lab/ios/commands/push';
import { takeSimulatorScreenshot } from '../../../electron/lab/ios/simulator-screenshot';
import { shutdownSimulator } from '../../../electron/lab/ios/commands/shutdown';
import { terminateApp } from '../../../electron/lab/ios/commands/terminate-app';
import { uninstallApp } from '../../../electron/lab/ios/commands/uninstall-app';
import { SimctlRunner } from '../../../electron/lab/ios/simctl/runner';
import { findXcrun } from '../../../electron/lab/ios/simctl/xcrun';
import { readDeliveredNotifications } from '../../../electron/lab/ios/state/delivered';
import { startFakeXcrun, XCODE16, type FakeXcrun } from '../../virtual-lab/ios/fake-xcrun';

const IPAD = XCODE16.bootedIpad;
const BUNDLE = 'com.example.commands';
let fake: FakeXcrun;
let runner: SimctlRunner;
let dir: string;

beforeAll(async () => {
  fake = await startFakeXcrun();
  dir = await mkdtemp(join(tmpdir(), 'pushlab-simctl-'));
  const xcrun = findXcrun(fake.env);
  if (xcrun === null) throw new Error('the fake xcrun is not on PATH');
  runner = new SimctlRunner(xcrun, fake.env);
});

afterAll(async () => {
  await fake?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('simctl commands', () => {
  it('installs an .app after reading its Info.plist, then launches, pushes, terminates and uninstalls it', async () => {
    const appPath = await fake.buildApp({
      bundleId: BUNDLE,
      name: 'Commands',
      version: '2.5.0',
      build: '250',
      urlSchemes: ['cmds'],
    });
    const info = await installAppBundle(runner, IPAD, appPath);
    expect(info).toMatchObject({ bundleId: BUNDLE, version: '2.5.0', build: '250', urlSchemes: ['cmds'] });
    expect(await appContainer(runner, IPAD, BUNDLE, 'app')).toMatch(/Commands\.app$/);
    expect(await appContainer(runner, IPAD, 'com.example.absent')).toBeNull();

    expect(await launchApp(runner, IPAD, BUNDLE)).toEqual(expect.any(Number));
    await fake.setAuthorization(IPAD, BUNDLE, 'authorized');
    await launchApp(runner, IPAD, 'com.apple.Preferences');
    expect(
      await pushToSimulator(
        runner,
        IPAD,
        BUNDLE,
        Buffer.from(JSON.stringify({ aps: { alert: { title: 'T', body: 'B' } }, ext: 'x' })),
      ),
    ).toBe(`Notification sent to '${BUNDLE}'`);
    const dataPath = (await listSimulators(runner)).devices.find((d) => d.udid === IPAD)?.dataPath;
    expect(dataPath).toBeTruthy();
    expect(
      (await readDeliveredNotifications(dataPath!, BUNDLE)).map((r) => [r.title, r.body, r.userInfo?.ext]),
    ).toEqual([['T', 'B', 'x']]);

    expect(await terminateApp(runner, IPAD, BUNDLE)).toEqual({ wasRunning: true });
    expect(await terminateApp(runner, IPAD, BUNDLE)).toEqual({ wasRunning: false });
    await openUrl(runner, IPAD, 'cmds://login?user=qa');
    expect((await fake.log()).filter((e) => e.op === 'openurl').map((e) => e.bundle)).toEqual([BUNDLE]);
    await uninstallApp(runner, IPAD, BUNDLE);
    expect(await appContainer(runner, IPAD, BUNDLE)).toBeNull();
  });

  it("refuses bad arguments before simctl runs, and reports simctl's refusals plainly", async () => {
    await expect(launchApp(runner, 'not-a-udid', BUNDLE)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(launchApp(runner, IPAD, '--terminate-running-process')).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(openUrl(runner, IPAD, 'not a url')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(pushToSimulator(runner, IPAD, BUNDLE, Buffer.from('{"alert":"x"}'))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('aps'),
    });
    await expect(launchApp(runner, IPAD, 'com.example.never.installed')).rejects.toMatchObject({
      code: 'COMMAND_FAILED',
      detail: expect.stringContaining('FBSOpenApplicationServiceErrorDomain'),
    });
    await expect(launchApp(runner, XCODE16.iphone15, 'com.apple.Preferences')).rejects.toMatchObject({
      code: 'COMMAND_FAILED',
      message: expect.stringContaining('shut down'),
    });
  });

  it('boots and shuts down, treating "already" as done; screenshots a booted simulator', async () => {
    await bootSimulator(runner, XCODE16.iphone15);
    await bootSimulator(runner, XCODE16.iphone15);
    const png = await takeSimulatorScreenshot(runner, XCODE16.iphone15, join(dir, 'shot.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    await shutdownSimulator(runner, XCODE16.iphone15);
    await shutdownSimulator(runner, XCODE16.iphone15);
    expect((await listSimulators(runner)).devices.find((d) => d.udid === XCODE16.iphone15)?.state).toBe(
      'Shutdown',
    );
  });

  it('kills a call that outlives its deadline and says so', async () => {
    const slow = new SimctlRunner(runner.xcrun, { ...fake.env, FAKE_SIMCTL_DELAY_MS: '3000' });
    const started = Date.now();
    await expect(slow.run('list', ['-j', 'devices'], { timeoutMs: 300 })).rejects.toMatchObject({
      code: 'TIMEOUT',
    });
    expect(Date.now() - started).toBeLessThan(2500);
    const controller = new AbortController();
    const pending = slow.run('list', ['-j'], { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
