/**
 * DeviceView samples for the fake core and the renderer unit tests: real-looking identities
 * (taken from the getprop fixtures' facts) and the awkward cases the board must survive (odd
 * serials, bad states). Type-only imports, so both the Node and the web type-check include it.
 */
import type {
  AdbStatus,
  DeviceIdentity,
  DeviceView,
  HostStatus,
  PushServiceInfo,
} from '../../shared/domain/device';

const AT = '2026-01-05T09:30:00.000Z';

function service(
  partial: Partial<PushServiceInfo> & Pick<PushServiceInfo, 'package' | 'channel' | 'name'>,
): PushServiceInfo {
  return { versionCode: null, minimumVersionCode: null, meetsMinimum: null, ...partial };
}

/** A ready phone with an identity; override what the test cares about. */
export function phone(
  serial: string,
  identity: Partial<DeviceIdentity>,
  view: Partial<DeviceView> = {},
): DeviceView {
  const full: DeviceIdentity = {
    manufacturer: 'Google',
    brand: 'google',
    model: 'Pixel 8',
    marketingName: null,
    device: 'shiba',
    androidVersion: '15',
    sdk: 35,
    rom: { name: 'Android', version: null },
    pushChannel: 'fcm',
    pushChannelReason: { key: 'channel.fcm', values: { brand: 'Google', rom: 'Android 15' } },
    pushServices: [
      service({
        package: 'com.google.android.gms',
        channel: 'fcm',
        name: 'Google Play services',
        versionCode: 244234035,
      }),
    ],
    abis: ['arm64-v8a'],
    fingerprint: 'google/shiba/shiba:15/AP4A.250105.002/12701944:user/release-keys',
    ...identity,
  };
  return {
    serial,
    platform: 'android',
    state: 'device',
    transport: serial.includes(':') ? 'tcp' : 'usb',
    identity: full,
    identityStatus: 'ready',
    identityError: null,
    firstSeen: AT,
    lastSeen: AT,
    ...view,
  };
}

export const XIAOMI = phone('3c1a9f2e', {
  manufacturer: 'Xiaomi',
  brand: 'Xiaomi',
  model: '23043RP34G',
  marketingName: 'Xiaomi Pad 6',
  device: 'pipa',
  androidVersion: '14',
  sdk: 34,
  rom: { name: 'HyperOS', version: '2.0' },
  pushChannel: 'xiaomi',
  pushChannelReason: {
    key: 'channel.vendor',
    values: { brand: 'Xiaomi', rom: 'HyperOS 2.0', channelName: 'Mi Push' },
  },
  pushServices: [
    service({
      package: 'com.xiaomi.xmsf',
      channel: 'xiaomi',
      name: 'Xiaomi Service Framework',
      versionCode: 60202,
    }),
  ],
});

export const HUAWEI = phone('HWALN-0123456789', {
  manufacturer: 'HUAWEI',
  brand: 'HUAWEI',
  model: 'ALN-AL00',
  marketingName: 'HUAWEI Mate 60 Pro',
  device: 'HWALN',
  androidVersion: '12',
  sdk: 31,
  rom: { name: 'HarmonyOS', version: '4.2.0' },
  pushChannel: 'huawei',
  pushChannelReason: {
    key: 'channel.vendor',
    values: { brand: 'HUAWEI', rom: 'HarmonyOS 4.2.0', channelName: 'Huawei Push (HMS)' },
  },
  pushServices: [
    service({
      package: 'com.huawei.hwid',
      channel: 'huawei',
      name: 'HMS Core',
      versionCode: 20301300,
      minimumVersionCode: 20401301,
      meetsMinimum: false,
    }),
  ],
});

export const OPPO = phone('192.168.43.7:5555', {
  manufacturer: 'OPPO',
  brand: 'OPPO',
  model: 'PHZ110',
  marketingName:
    'OPPO Find X7 Ultra with an unusually long marketing name that must not break the card layout',
  device: 'OP5A0BL1',
  androidVersion: '15',
  sdk: 35,
  rom: { name: 'ColorOS', version: '15.0' },
  pushChannel: 'oppo',
  pushChannelReason: {
    key: 'channel.oplusChina',
    values: { brand: 'OPPO', rom: 'ColorOS 15.0', service: 'HeyTap push (com.heytap.mcs)' },
  },
  pushServices: [
    service({ package: 'com.heytap.mcs', channel: 'oppo', name: 'HeyTap push', versionCode: 5003 }),
  ],
});

export const OLD_SAMSUNG = phone('R58M1234567', {
  manufacturer: 'samsung',
  brand: 'samsung',
  model: 'SM-J730F',
  marketingName: null,
  device: 'j7y17lte',
  androidVersion: '8.1.0',
  sdk: 27,
  rom: { name: 'Android', version: null },
  pushChannel: 'fcm',
  pushChannelReason: { key: 'channel.fcm', values: { brand: 'samsung', rom: 'Android 8.1.0' } },
});

/** adb lists it but the user has not tapped Allow; the serial is adb's placeholder. */
export const UNAUTHORIZED: DeviceView = {
  ...phone('????????????', {}),
  state: 'unauthorized',
  identity: null,
  identityStatus: 'not-applicable',
};

/** A serial with a leading space, as a Rockchip tablet really reported it. */
export const SPACED_PENDING: DeviceView = {
  ...phone(' GS101200407283', {}),
  identity: null,
  identityStatus: 'pending',
};

export const IDENTITY_FAILED: DeviceView = {
  ...phone('emulator-5556', {}),
  transport: 'emulator',
  identity: null,
  identityStatus: 'failed',
  identityError: {
    code: 'TIMEOUT',
    message: 'getprop did not answer within 10 s.',
    hint: 'Unlock the phone and try again.',
    detail: '<script>alert(1)</script>',
  },
};

export function adbStatus(partial: Partial<AdbStatus> = {}): AdbStatus {
  return {
    state: 'connected',
    host: '127.0.0.1',
    port: 15037,
    serverVersion: 41,
    since: AT,
    error: null,
    lastOutage: null,
    ...partial,
  };
}

/** One lab host's adb server, as a multi-host snapshot lists it. */
export function hostStatus(name: string, partial: Partial<AdbStatus> = {}): HostStatus {
  return { name, ...adbStatus(partial) };
}

/** A phone on another lab host: key `<host>/<serial>` and `host` set, as the core reports it. */
export function onHost(host: string, device: DeviceView): DeviceView {
  return { ...device, serial: `${host}/${device.serial}`, host };
}
