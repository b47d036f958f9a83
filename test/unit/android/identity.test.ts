import { describe, expect, it } from 'vitest';
import type { DeviceIdentity, PushChannel, RomName } from '../../../shared/domain/device';
import { LabError } from '../../../electron/lab/errors';
import { parseGetprop } from '../../../electron/lab/android/parsers/getprop';
import { parsePackageList } from '../../../electron/lab/android/parsers/package-list';
import { PUSH_SERVICE_PACKAGES, classifyIdentity } from '../../../electron/lab/android/identity';
import { fixture, fixtureNames } from './fixtures';

interface Expected {
  manufacturer: string;
  brand: string;
  model: string;
  marketingName: string | null;
  androidVersion: string;
  sdk: number;
  rom: { name: RomName; version: string | null };
  pushChannel: PushChannel;
  reason: string;
}

/** Written by hand from each capture (see its .source.md), not generated from the code. */
const EXPECTED: Record<string, Expected> = {
  'google-pixel-android15-1.txt': {
    manufacturer: 'Google',
    brand: 'google',
    model: 'Pixel 6',
    marketingName: null,
    androidVersion: '15',
    sdk: 35,
    rom: { name: 'Android', version: '15' },
    pushChannel: 'fcm',
    reason: 'channel.fcm',
  },
  'honor-emui8-android8-1.txt': {
    manufacturer: 'HUAWEI',
    brand: 'HONOR',
    model: 'BKL-L09',
    marketingName: 'Honor View 10',
    androidVersion: '8.0.0',
    sdk: 26,
    rom: { name: 'EMUI', version: '8.0.0' },
    pushChannel: 'huawei',
    reason: 'channel.honorPreSplit',
  },
  'honor-magicos9-android15-2.txt': {
    manufacturer: 'HONOR',
    brand: 'HONOR',
    model: 'BVL-AN16',
    marketingName: '荣耀Magic6 Pro',
    androidVersion: '15',
    sdk: 35,
    rom: { name: 'MagicOS', version: '9.0.0' },
    pushChannel: 'honor',
    reason: 'channel.honorPostSplit',
  },
  'honor-magicui3.0-android10-3.txt': {
    manufacturer: 'HUAWEI',
    brand: 'HONOR',
    model: 'OXF-AN00',
    marketingName: 'HONOR V30',
    androidVersion: '10',
    sdk: 29,
    rom: { name: 'Magic UI', version: '3.0.1' },
    pushChannel: 'huawei',
    reason: 'channel.honorPreSplit',
  },
  'huawei-emui10-android10-1.txt': {
    manufacturer: 'HUAWEI',
    brand: 'HUAWEI',
    model: 'EML-AL00',
    marketingName: 'HUAWEI P20',
    androidVersion: '10',
    sdk: 29,
    rom: { name: 'EMUI', version: '10.0.0' },
    pushChannel: 'huawei',
    reason: 'channel.vendor',
  },
  'huawei-harmonyos-next5.1-android12-3.txt': {
    manufacturer: 'HUAWEI',
    brand: 'HUAWEI',
    model: 'ADA-AL00U',
    marketingName: 'nova 12 Ultra',
    androidVersion: '12',
    sdk: 31,
    rom: { name: 'HarmonyOS', version: '4.0.0' },
    pushChannel: 'huawei',
    reason: 'channel.vendor',
  },
  'huawei-harmonyos4.2-android12-2.txt': {
    manufacturer: 'HUAWEI',
    brand: 'HUAWEI',
    model: 'LIO-AL00',
    marketingName: 'HUAWEI Mate 30 Pro',
    androidVersion: '12',
    sdk: 31,
    rom: { name: 'HarmonyOS', version: '4.2.0' },
    pushChannel: 'huawei',
    reason: 'channel.vendor',
  },
  'meizu-flyme12.1-android15-1.txt': {
    manufacturer: 'meizu',
    brand: 'meizu',
    model: 'MEIZU 21',
    marketingName: null,
    androidVersion: '15',
    sdk: 35,
    rom: { name: 'Flyme', version: '12.1.0.0A' },
    pushChannel: 'meizu',
    reason: 'channel.vendor',
  },
  'meizu-flyme8.1-android9-2.txt': {
    manufacturer: 'meizu',
    brand: 'meizu',
    model: '16s',
    marketingName: null,
    androidVersion: '9',
    sdk: 28,
    rom: { name: 'Flyme', version: '8.1.8.0A' },
    pushChannel: 'meizu',
    reason: 'channel.vendor',
  },
  'oneplus-coloros16-android16-2.txt': {
    manufacturer: 'OnePlus',
    brand: 'OnePlus',
    model: 'PKX110',
    marketingName: 'OnePlus 13T',
    androidVersion: '16',
    sdk: 36,
    rom: { name: 'ColorOS', version: '16.0.0' },
    pushChannel: 'oppo',
    reason: 'channel.oplusChina',
  },
  'oneplus-oxygenos11-android11-1.txt': {
    manufacturer: 'OnePlus',
    brand: 'OnePlus',
    model: 'BE2028',
    marketingName: null,
    androidVersion: '11',
    sdk: 30,
    rom: { name: 'OxygenOS', version: '11.0.13.BE88CB' },
    pushChannel: 'fcm',
    reason: 'channel.oplusGlobal',
  },
  'oneplus-oxygenos14-android14-3.txt': {
    manufacturer: 'OnePlus',
    brand: 'OnePlus',
    model: 'NE2213',
    marketingName: 'OnePlus 10 Pro 5G',
    androidVersion: '14',
    sdk: 34,
    rom: { name: 'OxygenOS', version: '14.0.0' },
    pushChannel: 'fcm',
    reason: 'channel.oplusGlobal',
  },
  'oppo-coloros15-android15-1.txt': {
    manufacturer: 'OPPO',
    brand: 'OPPO',
    model: 'PKC110',
    marketingName: 'OPPO Find X8 Pro',
    androidVersion: '15',
    sdk: 35,
    rom: { name: 'ColorOS', version: '15.0.2' },
    pushChannel: 'oppo',
    reason: 'channel.oplusChina',
  },
  'oppo-coloros7.1-android10-2.txt': {
    manufacturer: 'OPPO',
    brand: 'OPPO',
    model: 'PBET00',
    marketingName: 'OPPO R17',
    androidVersion: '10',
    sdk: 29,
    rom: { name: 'ColorOS', version: '7.1' },
    pushChannel: 'oppo',
    reason: 'channel.oplusChina',
  },
  'realme-realmeui6-android15-1.txt': {
    manufacturer: 'realme',
    brand: 'realme',
    model: 'RMX3888',
    marketingName: 'realme GT5 Pro',
    androidVersion: '15',
    sdk: 35,
    rom: { name: 'realme UI', version: '6.0' },
    pushChannel: 'oppo',
    reason: 'channel.oplusChina',
  },
  'samsung-android8.1-1.txt': {
    manufacturer: 'samsung',
    brand: 'samsung',
    model: 'SM-J410G',
    marketingName: null,
    androidVersion: '8.1.0',
    sdk: 27,
    rom: { name: 'Android', version: '8.1.0' },
    pushChannel: 'fcm',
    reason: 'channel.fcm',
  },
  'samsung-oneui6.1-android14-2.txt': {
    manufacturer: 'samsung',
    brand: 'samsung',
    model: 'SM-S9210',
    marketingName: null,
    androidVersion: '14',
    sdk: 34,
    rom: { name: 'One UI', version: '6.1.1' },
    pushChannel: 'fcm',
    reason: 'channel.fcm',
  },
  'samsung-oneui8.0-android16-3.txt': {
    manufacturer: 'samsung',
    brand: 'samsung',
    model: 'SM-F9660',
    marketingName: null,
    androidVersion: '16',
    sdk: 36,
    rom: { name: 'One UI', version: '8.0' },
    pushChannel: 'fcm',
    reason: 'channel.fcm',
  },
  'vivo-funtouchos9-android9-2.txt': {
    manufacturer: 'vivo',
    brand: 'vivo',
    model: 'vivo V15',
    marketingName: 'vivo V15',
    androidVersion: '9',
    sdk: 28,
    rom: { name: 'Funtouch OS', version: '9' },
    pushChannel: 'vivo',
    reason: 'channel.vendor',
  },
  'vivo-originos5-android15-1.txt': {
    manufacturer: 'vivo',
    brand: 'vivo',
    model: 'V2429A',
    marketingName: 'vivo S20',
    androidVersion: '15',
    sdk: 35,
    rom: { name: 'OriginOS', version: '5' },
    pushChannel: 'vivo',
    reason: 'channel.vendor',
  },
  'xiaomi-hyperos2-android14-2.txt': {
    manufacturer: 'Xiaomi',
    brand: 'Xiaomi',
    model: '23043RP34G',
    marketingName: 'Xiaomi Pad 6',
    androidVersion: '14',
    sdk: 34,
    rom: { name: 'HyperOS', version: '2.0.12.0' },
    pushChannel: 'xiaomi',
    reason: 'channel.vendor',
  },
  'xiaomi-hyperos2-android15-1.txt': {
    manufacturer: 'Xiaomi',
    brand: 'Redmi',
    model: '24094RAD4G',
    marketingName: 'Redmi Note 14 5G',
    androidVersion: '15',
    sdk: 35,
    rom: { name: 'HyperOS', version: '2.0.211.0' },
    pushChannel: 'xiaomi',
    reason: 'channel.vendor',
  },
  'xiaomi-hyperos3-android16-5.txt': {
    manufacturer: 'Xiaomi',
    brand: 'Xiaomi',
    model: '2509FPN0BC',
    marketingName: 'Xiaomi 17 Pro Max',
    androidVersion: '16',
    sdk: 36,
    rom: { name: 'HyperOS', version: '3.0.16.0' },
    pushChannel: 'xiaomi',
    reason: 'channel.vendor',
  },
  'xiaomi-miui12.5-android11-3.txt': {
    manufacturer: 'Xiaomi',
    brand: 'Xiaomi',
    model: 'MI 9',
    marketingName: null,
    androidVersion: '11',
    sdk: 30,
    rom: { name: 'MIUI', version: 'V12.5.6.0' },
    pushChannel: 'xiaomi',
    reason: 'channel.vendor',
  },
  'xiaomi-miui14-android13-4.txt': {
    manufacturer: 'Xiaomi',
    brand: 'Redmi',
    model: '21121119SG',
    marketingName: 'Redmi 10 2022',
    androidVersion: '13',
    sdk: 33,
    rom: { name: 'MIUI', version: 'V14.0.7.0' },
    pushChannel: 'xiaomi',
    reason: 'channel.vendor',
  },
};

/** The two phones whose package lists were captured too (same devices as their getprop files). */
const PACKAGE_LISTS: Record<string, string> = {
  'xiaomi-hyperos2-android14-2.txt': 'xiaomi-hyperos2-android14-1.txt',
  'xiaomi-hyperos2-android15-1.txt': 'xiaomi-hyperos2-android15-2.txt',
};

/** Placeholders each reason key must fill, and nothing else. */
const REASON_VALUES: Record<string, readonly string[]> = {
  'channel.vendor': ['brand', 'channelName', 'rom'],
  'channel.honorPreSplit': ['brand', 'rom'],
  'channel.honorPostSplit': ['brand', 'rom', 'service'],
  'channel.oplusChina': ['brand', 'rom', 'service'],
  'channel.oplusGlobal': ['brand', 'rom'],
  'channel.fcm': ['brand', 'rom'],
  'channel.fcmMissingGms': ['brand', 'rom'],
};

const propsOf = (name: string) => parseGetprop(fixture('getprop', name));
const pkgs = (...names: string[]) => names.map((name) => ({ package: name, versionCode: null }));

function classify(name: string, packages: ReturnType<typeof pkgs> | null = null): DeviceIdentity {
  return classifyIdentity({ props: propsOf(name), packages });
}

function expectReasonFilled(identity: DeviceIdentity): void {
  const { key, values } = identity.pushChannelReason;
  expect(Object.keys(values).sort()).toEqual(REASON_VALUES[key]);
  for (const value of Object.values(values)) expect(value.trim()).not.toBe('');
}

describe('classifyIdentity on every getprop capture', () => {
  it('has an expected answer for every capture', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(fixtureNames('getprop'));
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(name, () => {
      const listName = PACKAGE_LISTS[name];
      const packages = listName ? parsePackageList(fixture('pm-list-packages', listName)) : null;
      const identity = classifyIdentity({ props: propsOf(name), packages });
      expect({
        manufacturer: identity.manufacturer,
        brand: identity.brand,
        model: identity.model,
        marketingName: identity.marketingName,
        androidVersion: identity.androidVersion,
        sdk: identity.sdk,
        rom: identity.rom,
        pushChannel: identity.pushChannel,
        reason: identity.pushChannelReason.key,
      }).toEqual(expected);
      expectReasonFilled(identity);
      expect(identity.fingerprint).toMatch(/^[^/]+\/[^/]+\/[^/]+:[^/]+\//);
      expect(identity.abis.length).toBeGreaterThan(0);
      expect(identity.device).not.toBe('unknown');
    });
  }

  it('fills the reason values with the phone facts', () => {
    expect(classify('xiaomi-hyperos2-android15-1.txt').pushChannelReason.values).toEqual({
      brand: 'Redmi',
      rom: 'HyperOS 2.0.211.0',
      channelName: 'Mi Push',
    });
    expect(classify('huawei-emui10-android10-1.txt').pushChannelReason.values.channelName).toBe(
      'Huawei Push (HMS)',
    );
  });

  it('finds Mi Push and Google Play services in the two real package lists', () => {
    for (const [getprop, list] of Object.entries(PACKAGE_LISTS)) {
      const identity = classifyIdentity({
        props: propsOf(getprop),
        packages: parsePackageList(fixture('pm-list-packages', list)),
      });
      expect(identity.pushServices.map((s) => s.package)).toEqual([
        'com.xiaomi.xmsf',
        'com.google.android.gms',
      ]);
      expect(identity.pushServices.every((s) => s.versionCode === null && s.meetsMinimum === null)).toBe(
        true,
      );
    }
  });

  it('reads ABIs and the device codename', () => {
    const identity = classify('samsung-android8.1-1.txt');
    expect(identity.abis).toEqual(['armeabi-v7a', 'armeabi']);
    expect(identity.device).toBe('j4corelte');
    expect(identity.fingerprint).toBe(
      'samsung/j4corelteub/j4corelte:8.1.0/M1AJB/J410GUBS1ATD2:user/release-keys',
    );
  });
});

describe('Magic UI version', () => {
  it('reads "MagicUI_6.1.0" (Magic UI 2-6), beside "MagicOS_9.0" and bare numbers', () => {
    const base = propsOf('honor-magicui3.0-android10-3.txt');
    const rom = (magic: string) =>
      classifyIdentity({ props: { ...base, 'ro.build.version.magic': magic }, packages: [] }).rom;
    expect(rom('MagicUI_6.1.0')).toEqual({ name: 'Magic UI', version: '6.1.0' });
    expect(rom('Magic UI 4.0')).toEqual({ name: 'Magic UI', version: '4.0' });
    expect(rom('MagicOS_8.0')).toEqual({ name: 'MagicOS', version: '8.0' });
    expect(rom('something else')).toEqual({ name: 'Magic UI', version: null });
  });
});

describe('push channel with realistic package lists', () => {
  it('Honor on MagicOS with Honor push service -> honor (post-split)', () => {
    const identity = classify(
      'honor-magicos9-android15-2.txt',
      pkgs('com.hihonor.id', 'com.hihonor.android.pushagent', 'com.google.android.gms'),
    );
    expect(identity.pushChannel).toBe('honor');
    expect(identity.pushChannelReason).toEqual({
      key: 'channel.honorPostSplit',
      values: { brand: 'HONOR', rom: 'MagicOS 9.0.0', service: 'Honor Push service' },
    });
  });

  it("Honor on EMUI with HMS Core -> huawei (pre-split), HMS version checked against Tencent's minimum", () => {
    const identity = classifyIdentity({
      props: propsOf('honor-emui8-android8-1.txt'),
      packages: [{ package: 'com.huawei.hwid', versionCode: 60800300 }],
    });
    expect(identity.pushChannel).toBe('huawei');
    expect(identity.pushChannelReason.key).toBe('channel.honorPreSplit');
    expect(identity.pushServices).toEqual([
      {
        package: 'com.huawei.hwid',
        channel: 'huawei',
        name: 'HMS Core',
        versionCode: 60800300,
        minimumVersionCode: 20401301,
        meetsMinimum: true,
      },
    ]);
  });

  it('HMS Core at 20401300 is too old, 20401301 is enough', () => {
    const at = (versionCode: number) =>
      classifyIdentity({
        props: propsOf('huawei-emui10-android10-1.txt'),
        packages: [{ package: 'com.huawei.hwid', versionCode }],
      }).pushServices[0]?.meetsMinimum;
    expect(at(20401300)).toBe(false);
    expect(at(20401301)).toBe(true);
  });

  it('OnePlus OxygenOS: FCM with Google Play services, OPPO Push when HeyTap push is installed', () => {
    expect(
      classify('oneplus-oxygenos14-android14-3.txt', pkgs('com.google.android.gms')).pushChannelReason.key,
    ).toBe('channel.oplusGlobal');
    const china = classify(
      'oneplus-oxygenos14-android14-3.txt',
      pkgs('com.heytap.mcs', 'com.google.android.gms'),
    );
    expect(china.pushChannel).toBe('oppo');
    expect(china.pushChannelReason.values.service).toBe('HeyTap push service');
  });

  it('OPPO ColorOS without HeyTap push nor GMS -> FCM, flagged as missing Google Play services', () => {
    const identity = classify('oppo-coloros15-android15-1.txt', pkgs('com.android.settings'));
    expect(identity.pushChannel).toBe('fcm');
    expect(identity.pushChannelReason.key).toBe('channel.fcmMissingGms');
  });

  it('older ColorOS with com.coloros.mcs -> OPPO Push', () => {
    const identity = classify('oppo-coloros7.1-android10-2.txt', pkgs('com.coloros.mcs'));
    expect(identity.pushChannelReason.values.service).toBe('ColorOS push service');
  });

  it('China Samsung without Google Play services -> fcmMissingGms; with it -> fcm', () => {
    expect(
      classify('samsung-oneui6.1-android14-2.txt', pkgs('com.sec.android.app.samsungapps')).pushChannelReason
        .key,
    ).toBe('channel.fcmMissingGms');
    expect(
      classify('samsung-oneui6.1-android14-2.txt', pkgs('com.google.android.gms')).pushChannelReason.key,
    ).toBe('channel.fcm');
  });

  it('vivo and Meizu keep their vendor channel and list their push services', () => {
    expect(
      classify('vivo-originos5-android15-1.txt', pkgs('com.vivo.pushservice')).pushServices[0]?.name,
    ).toBe('vivo push service');
    expect(
      classify('meizu-flyme12.1-android15-1.txt', pkgs('com.meizu.cloud')).pushServices[0]?.channel,
    ).toBe('meizu');
  });

  it('an unreadable package list (null) draws no conclusion from absence', () => {
    const identity = classify('samsung-oneui6.1-android14-2.txt', null);
    expect(identity.pushChannelReason.key).toBe('channel.fcm');
    expect(identity.pushServices).toEqual([]);
  });
});

describe('PUSH_SERVICE_PACKAGES', () => {
  it('lists one package per channel at least, HMS with its minimum', () => {
    const channels = new Set(PUSH_SERVICE_PACKAGES.map((p) => p.channel));
    expect([...channels].sort()).toEqual(['fcm', 'honor', 'huawei', 'meizu', 'oppo', 'vivo', 'xiaomi']);
    expect(PUSH_SERVICE_PACKAGES.find((p) => p.package === 'com.huawei.hwid')?.minimumVersionCode).toBe(
      20401301,
    );
    expect(PUSH_SERVICE_PACKAGES.map((p) => p.package)).toEqual(
      expect.arrayContaining([
        'com.xiaomi.xmsf',
        'com.heytap.mcs',
        'com.coloros.mcs',
        'com.vivo.pushservice',
        'com.meizu.cloud',
        'com.google.android.gms',
      ]),
    );
  });
});

describe('classifyIdentity with thin or missing properties', () => {
  it('marks what is missing as unknown or null instead of guessing', () => {
    const identity = classifyIdentity({
      props: { 'ro.build.fingerprint': 'x/y/z:14/AB/1:user/release-keys' },
      packages: null,
    });
    expect(identity).toMatchObject({
      manufacturer: 'unknown',
      brand: 'unknown',
      model: 'unknown',
      marketingName: null,
      androidVersion: 'unknown',
      sdk: null,
      rom: { name: 'Android', version: null },
      pushChannel: 'fcm',
    });
    expect(identity.abis).toEqual([]);
  });

  it('falls back to partition props and skips the literal "unknown"', () => {
    const identity = classifyIdentity({
      props: {
        'ro.product.system.manufacturer': 'unknown',
        'ro.product.vendor.manufacturer': 'Xiaomi',
        'ro.product.vendor.model': 'M2101K9G',
      },
      packages: null,
    });
    expect(identity.manufacturer).toBe('Xiaomi');
    expect(identity.model).toBe('M2101K9G');
    expect(identity.pushChannel).toBe('xiaomi');
  });

  it('throws MALFORMED_OUTPUT when the properties say nothing about the phone', () => {
    expect(() => classifyIdentity({ props: {}, packages: null })).toThrow(LabError);
  });
});
