/**
 * The device board's iOS side without a browser: the store keeps the iOS status from snapshots
 * (and has none from an older core), and simulators sort and group as Apple devices.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceView } from '../../../shared/domain/device';
import { createDeviceStore } from '../../../renderer/src/devices/device-store';
import { groupByVendor, notSelectableReason, sortDevices } from '../../../renderer/src/devices/device-sort';
import { vendorOf } from '../../../renderer/src/devices/vendor';
import { until } from './support/async';
import { fakeBridge } from './support/fake-bridge';
import { adbStatus, phone, XIAOMI } from '../../support/sample-devices';

/** A booted simulator as the core lists it (electron/lab/ios/simulator-views.ts). */
const IPAD: DeviceView = phone(
  'BA519339-BEC4-4E69-B98B-BE2EFDA190F0',
  {
    manufacturer: 'Apple',
    brand: 'Apple',
    model: 'iPad Pro 11-inch (M4)',
    marketingName: 'iPad Pro 11-inch (M4)',
    androidVersion: '',
    sdk: null,
    rom: { name: 'iOS', version: '18.0' },
    pushChannel: 'apns',
    pushServices: [],
  },
  {
    platform: 'ios',
    transport: 'simulator',
    simulator: {
      state: 'Booted',
      runtime: 'com.apple.CoreSimulator.SimRuntime.iOS-18-0',
      deviceType: 'com.apple.CoreSimulator.SimDeviceType.iPad-Pro-11-inch-M4-8GB',
    },
  },
);
const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

describe('the board with simulators', () => {
  it('keeps the iOS status line from each snapshot, and none from a core without iOS', async () => {
    const bridge = fakeBridge({ adb: adbStatus(), devices: [XIAOMI] });
    const store = createDeviceStore(bridge);
    stops.push(store.getState().start());
    await until(() => store.getState().loaded, 'snapshot');
    expect(store.getState().ios).toBeNull();
    bridge.emit('devices:changed', {
      adb: adbStatus(),
      devices: [XIAOMI, IPAD],
      ios: { available: true, reason: null, detail: null, shutdown: 12 },
    });
    expect(store.getState().ios).toEqual({ available: true, reason: null, detail: null, shutdown: 12 });
    expect(store.getState().devices.map((d) => d.platform)).toEqual(['android', 'ios']);
  });

  it('a simulator is an Apple device, sorted after the Android vendors and never an install target', () => {
    expect(vendorOf(IPAD.identity)).toBe('ios');
    expect(groupByVendor([IPAD, XIAOMI]).map((g) => g.vendor)).toEqual(['xiaomi', 'ios']);
    expect(sortDevices([IPAD, XIAOMI]).map((d) => d.serial)).toEqual([XIAOMI.serial, IPAD.serial]);
    expect(notSelectableReason(IPAD)).toBe('platform');
  });
});
