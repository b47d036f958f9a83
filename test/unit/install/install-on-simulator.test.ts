/**
 * One simulator's part of an .app install: the refusals that need no simctl (an Android phone, a
 * simulator not booted or gone, iOS unavailable here, an iOS older than the build's minimum), the
 * phases a simulator goes through, and simctl's failure kept as the item's reason.
 */
import { describe, expect, it } from 'vitest';
import type { DeviceView } from '../../../shared/domain/device';
import type { InstallItem, SimulatorAppInfo } from '../../../shared/domain/install';
import { LabError } from '../../../electron/lab/errors';
import { compareVersions, installOnSimulator } from '../../../electron/lab/ios/install/install-on-simulator';
import type { SimctlRunner } from '../../../electron/lab/ios/simctl/runner';

const UDID = 'BA519339-BEC4-4E69-B98B-BE2EFDA190F0';
const app: SimulatorAppInfo = {
  path: '/b/App.app',
  fileName: 'App.app',
  bundleId: 'com.example.my-app',
  version: '2.0',
  build: '20',
  name: 'App',
  minimumOsVersion: '17.0',
};
const runner = { xcrun: '/usr/bin/xcrun' } as unknown as SimctlRunner;

function simulator(patch: Partial<DeviceView> = {}, ios = '18.0'): DeviceView {
  return {
    serial: UDID,
    platform: 'ios',
    state: 'device',
    transport: 'simulator',
    identity: {
      manufacturer: 'Apple',
      brand: 'Apple',
      model: 'iPhone 15',
      marketingName: 'iPhone 15',
      device: '',
      androidVersion: '',
      sdk: null,
      rom: { name: 'iOS', version: ios },
      pushChannel: 'apns',
      pushChannelReason: { key: 'channel.apnsSimulator', values: {} },
      pushServices: [],
      abis: [],
      fingerprint: '',
    },
    identityStatus: 'ready',
    identityError: null,
    firstSeen: '',
    lastSeen: '',
    simulator: { state: 'Booted', runtime: 'com.apple.CoreSimulator.SimRuntime.iOS-18-0', deviceType: null },
    ...patch,
  };
}

async function install(
  view: DeviceView | undefined,
  options: { runner?: SimctlRunner | LabError; fails?: LabError } = {},
) {
  const updates: InstallItem[] = [];
  let ran = 0;
  const item = await installOnSimulator(
    {
      app,
      serial: view?.serial ?? UDID,
      view,
      runner: options.runner ?? runner,
      now: () => 't',
      update: (i) => updates.push(i),
    },
    async () => {
      ran += 1;
      if (options.fails) throw options.fails;
    },
  );
  return { item, updates, ran };
}

describe('installing an .app on one simulator', () => {
  it('goes installing -> done through simctl', async () => {
    const { item, updates, ran } = await install(simulator());
    expect(ran).toBe(1);
    expect(updates.map((u) => u.phase)).toEqual(['installing', 'done']);
    expect(item).toMatchObject({ phase: 'done', failure: null, totalBytes: 0 });
  });

  it('refuses an Android phone, a simulator that is not booted or gone, and iOS unavailable, without running simctl', async () => {
    const phone = await install(simulator({ serial: 'PIXEL01', platform: 'android', transport: 'usb' }));
    expect(phone).toMatchObject({
      ran: 0,
      item: {
        phase: 'failed',
        failure: {
          reason: 'INVALID_ARGUMENT',
          message: 'PIXEL01 is an Android phone: App.app is an iOS simulator build.',
        },
      },
    });
    expect(
      (
        await install(
          simulator({ state: 'connecting', simulator: { state: 'Booting', runtime: 'r', deviceType: null } }),
        )
      ).item.failure,
    ).toMatchObject({
      reason: 'DEVICE_NOT_READY',
      message: `Simulator ${UDID} is Booting, not ready for installs.`,
    });
    expect((await install(undefined)).item.failure).toMatchObject({
      reason: 'DEVICE_NOT_FOUND',
      fix: expect.stringContaining('simctl boot'),
    });
    const unavailable = new LabError('DEVICE_NOT_READY', 'iOS simulators need Xcode.', {
      hint: 'Install Xcode.',
    });
    expect((await install(simulator(), { runner: unavailable })).item.failure).toMatchObject({
      reason: 'DEVICE_NOT_READY',
      message: 'iOS simulators need Xcode.',
      fix: 'Install Xcode.',
    });
  });

  it("refuses an iOS older than the build needs, and keeps simctl's failure as the reason", async () => {
    const old = await install(simulator({}, '16.4'));
    expect(old).toMatchObject({
      ran: 0,
      item: {
        phase: 'failed',
        failure: {
          reason: 'INSTALL_FAILED',
          message: expect.stringContaining('needs iOS 17.0 or later; this simulator runs iOS 16.4'),
        },
      },
    });
    const failed = await install(simulator(), {
      fails: new LabError('COMMAND_FAILED', 'xcrun simctl install failed: boom', {
        hint: 'Run it in a terminal.',
        detail: 'stderr text',
      }),
    });
    expect(failed.item.failure).toEqual({
      reason: 'COMMAND_FAILED',
      message: 'xcrun simctl install failed: boom',
      fix: 'Run it in a terminal.',
      raw: 'stderr text',
    });
  });

  it('compares dotted versions numerically', () => {
    expect(compareVersions('17.0.1', '17')).toBe(1);
    expect(compareVersions('17', '17.0')).toBe(0);
    expect(compareVersions('9.3', '10.0')).toBe(-1);
    expect(compareVersions('18.10', '18.2')).toBe(1);
  });
});
