/**
 * A simulator as a device on the board: platform 'ios', serial = UDID, state 'device' while
 * Booted, identity from simctl (device type as model, iOS version from the runtime, push channel
 * APNs). Only available iOS simulators that are booted or on their way are devices; shut-down
 * ones are counted in the iOS status line instead. Pure.
 */
import type { AdbState, DeviceIdentity, DeviceView } from '../../../shared/domain/device';
import type { SimDevice } from './parsers/simctl-list';
import type { SimulatorCatalog } from './simulator-tracker';

/** simctl states that make a simulator a device on the board, and the adb-like state shown. */
const SHOWN_STATES: Readonly<Record<string, AdbState>> = {
  Booted: 'device',
  Booting: 'connecting',
  Creating: 'connecting',
  'Shutting Down': 'offline',
};

export function isListedSimulator(device: SimDevice): boolean {
  return device.platform === 'iOS' && device.available && Object.hasOwn(SHOWN_STATES, device.state);
}

/** "iPhone 15 Pro" from the catalog, else from the identifier ("…SimDeviceType.iPhone-15-Pro"). */
export function deviceTypeName(identifier: string | null, catalog: SimulatorCatalog): string | null {
  if (identifier === null) return null;
  const known = catalog.deviceTypes.find((t) => t.identifier === identifier);
  if (known) return known.name;
  const tail = /SimDeviceType\.(.+)$/.exec(identifier)?.[1];
  return tail ? tail.replace(/-+/g, ' ').trim() : null;
}

/** The runtime's exact version ("17.0.1") from the catalog, else the one its key implies ("17.0"). */
export function iosVersion(device: SimDevice, catalog: SimulatorCatalog): string | null {
  return catalog.runtimes.find((r) => r.identifier === device.runtime)?.version ?? device.runtimeVersion;
}

export function simulatorIdentity(device: SimDevice, catalog: SimulatorCatalog): DeviceIdentity {
  const model = deviceTypeName(device.deviceType, catalog) ?? device.name;
  return {
    manufacturer: 'Apple',
    brand: 'Apple',
    model,
    marketingName: device.name,
    device: device.deviceType ?? '',
    androidVersion: '',
    sdk: null,
    rom: { name: 'iOS', version: iosVersion(device, catalog) },
    pushChannel: 'apns',
    pushChannelReason: { key: 'channel.apnsSimulator', values: { name: device.name } },
    pushServices: [],
    abis: [],
    fingerprint: `${device.deviceType ?? model}/${device.runtime}`,
  };
}

export function simulatorView(
  device: SimDevice,
  catalog: SimulatorCatalog,
  firstSeen: string,
  lastSeen: string,
): DeviceView {
  return {
    serial: device.udid,
    platform: 'ios',
    state: SHOWN_STATES[device.state] ?? 'unknown',
    transport: 'simulator',
    identity: simulatorIdentity(device, catalog),
    identityStatus: 'ready',
    identityError: null,
    firstSeen,
    lastSeen,
    simulator: { state: device.state, runtime: device.runtime, deviceType: device.deviceType },
  };
}
