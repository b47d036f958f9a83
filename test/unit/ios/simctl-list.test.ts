/**
 * `simctl list -j` on every real capture: old runtime-name keys and new identifier keys,
 * `availability` strings vs `isAvailable`, empty or real availabilityError, escaped slashes,
 * CoreSimulator log lines before the JSON. Counts are checked against the raw JSON itself.
 */
import { describe, expect, it } from 'vitest';
import { parseSimctlList, runtimeOf, UDID_PATTERN } from '../../../electron/lab/ios/parsers/simctl-list';
import { fixture, fixtureNames } from '../android/fixtures';

const LISTS = fixtureNames('simctl').filter((n) => n.startsWith('apple-'));
const text = (name: string): string => fixture('simctl', name).toString('utf8');
/** The capture's device entries as plain JSON (what the parser must account for). */
function rawDevices(name: string): Array<Record<string, unknown>> {
  const t = text(name);
  const json = JSON.parse(
    t.slice(t.indexOf('{"devices"') >= 0 ? t.indexOf('{"devices"') : t.indexOf('{')),
  ) as { devices: Record<string, Array<Record<string, unknown>>> };
  return Object.values(json.devices).flat();
}

describe('parseSimctlList on real captures', () => {
  it.each(LISTS)('%s: every device is read, none skipped, udids are UUIDs', (name) => {
    const list = parseSimctlList(text(name));
    const raw = rawDevices(name);
    expect(list.skipped).toBe(0);
    expect(list.devices).toHaveLength(raw.length);
    for (const d of list.devices) {
      expect(d.udid).toMatch(UDID_PATTERN);
      expect(d.name).not.toBe('');
      expect(d.platform).toMatch(/^(iOS|tvOS|watchOS|xrOS)$/);
    }
    // Available and unavailable as the capture says, by whichever field it used.
    const unavailable = raw.filter(
      (d) =>
        d.isAvailable === false ||
        d.isAvailable === 'NO' ||
        (typeof d.availability === 'string' && d.availability.includes('unavailable')),
    ).length;
    expect(list.devices.filter((d) => !d.available)).toHaveLength(unavailable);
    for (const d of list.devices.filter((x) => !x.available))
      expect(d.availabilityError).toMatch(/not found|not supported/);
    for (const d of list.devices.filter((x) => x.available)) expect(d.availabilityError).toBeNull();
  });

  it('Xcode 7.3: skips the CoreSimulator log lines and reads runtime-name keys ("iOS 9.3")', () => {
    const list = parseSimctlList(text('apple-xcode7.3-ios9.3-noise-1.txt'));
    const iphone6s = list.devices.filter((d) => d.runtime === 'iOS 9.3' && d.name === 'iPhone 6s');
    expect(iphone6s).toHaveLength(1);
    expect(iphone6s[0]).toMatchObject({
      platform: 'iOS',
      runtimeVersion: '9.3',
      state: 'Shutdown',
      available: true,
      dataPath: null,
      deviceType: null,
    });
    const resizable = list.devices.find((d) => d.name === 'Resizable iPad');
    expect(resizable).toMatchObject({ available: false, availabilityError: 'device type profile not found' });
  });

  it('Xcode 10.2: both availability fields, empty availabilityError means available', () => {
    const list = parseSimctlList(text('apple-xcode10.2-ios12.2-unavailable-1.json'));
    const byRuntime = (r: string) =>
      list.devices.filter((d) => d.runtime === `com.apple.CoreSimulator.SimRuntime.${r}`);
    expect(byRuntime('iOS-12-1').every((d) => d.available && d.availabilityError === null)).toBe(true);
    expect(
      byRuntime('iOS-12-2').every((d) => !d.available && d.availabilityError === 'runtime profile not found'),
    ).toBe(true);
    expect(byRuntime('iOS-12-1')[0]?.runtimeVersion).toBe('12.1');
  });

  it('Xcode 12.5: the one Booted iPhone 12 Pro Max on iOS 14.1, data path with escaped slashes unescaped', () => {
    const list = parseSimctlList(text('apple-xcode12.5-ios14.5-3.json'));
    const booted = list.devices.filter((d) => d.state === 'Booted');
    expect(booted.map((d) => [d.name, d.runtimeVersion])).toEqual([['iPhone 12 Pro Max', '14.1']]);
    expect(booted[0]?.dataPath).toBe(
      `/Users/devuser/Library/Developer/CoreSimulator/Devices/${booted[0]?.udid}/data`,
    );
  });

  it('Xcode 14 beta: runtimes and device types from the full list', () => {
    const list = parseSimctlList(text('apple-xcode14beta-ios16.0-1.json'));
    expect(list.runtimes.map((r) => `${r.platform} ${r.version}`)).toEqual(
      expect.arrayContaining(['iOS 12.4', 'iOS 16.0']),
    );
    expect(
      list.deviceTypes.find((t) => t.identifier === 'com.apple.CoreSimulator.SimDeviceType.iPhone-XR')?.name,
    ).toBe('iPhone Xʀ');
    expect(
      list.devices.find((d) => d.availabilityError === 'device type not supported by runtime'),
    ).toBeDefined();
  });

  it('Xcode 16: lastBootedAt, the booted iPad Pro (M4) on iOS 18.0, visionOS runtimes as xrOS', () => {
    const list = parseSimctlList(text('apple-xcode16-ios18.0-1.json'));
    const booted = list.devices.find((d) => d.state === 'Booted');
    expect(booted).toMatchObject({
      name: 'iPad Pro 11-inch (M4)',
      platform: 'iOS',
      runtimeVersion: '18.0',
      lastBootedAt: '2024-09-10T09:49:03Z',
      deviceType: 'com.apple.CoreSimulator.SimDeviceType.iPad-Pro-11-inch-M4-8GB',
    });
    expect(
      list.runtimes.find((r) => r.identifier === 'com.apple.CoreSimulator.SimRuntime.xrOS-1-2')?.platform,
    ).toBe('xrOS');
  });
});

describe('parseSimctlList on odd output', () => {
  it("refuses output without JSON or with broken JSON, with simctl's text as detail", () => {
    expect(() => parseSimctlList('xcrun: error: something')).toThrow(
      expect.objectContaining({ code: 'MALFORMED_OUTPUT' }),
    );
    expect(() => parseSimctlList('{"devices" : {')).toThrow(
      expect.objectContaining({ code: 'MALFORMED_OUTPUT', detail: expect.stringContaining('{"devices"') }),
    );
  });

  it('skips entries without a UUID udid (they would become serials and arguments) and counts them', () => {
    const list = parseSimctlList(
      JSON.stringify({
        devices: {
          'iOS 12.1': [
            { state: 'Booted', name: 'x', udid: '-rf' },
            { state: 'Booted', name: 'ok', udid: '81513cb9-9dc7-4d57-80ec-acaf7e3e2174' },
            'junk',
          ],
        },
      }),
    );
    expect(list.skipped).toBe(2);
    expect(list.devices.map((d) => d.udid)).toEqual(['81513CB9-9DC7-4D57-80EC-ACAF7E3E2174']);
  });

  it('reads "YES"/"NO" isAvailable strings (Xcode 10.0/10.1)', () => {
    const list = parseSimctlList(
      JSON.stringify({
        devices: {
          'iOS 12.0': [
            { state: 'Shutdown', isAvailable: 'NO', name: 'a', udid: 'ACCA529B-DAED-4684-ACE5-0BB3A6245064' },
            {
              state: 'Shutdown',
              isAvailable: 'YES',
              name: 'b',
              udid: '46948CF4-B5E3-485B-87CA-DD303F000000',
            },
          ],
        },
      }),
    );
    expect(list.devices.map((d) => d.available)).toEqual([false, true]);
  });

  it('runtimeOf reads both key styles', () => {
    expect(runtimeOf('com.apple.CoreSimulator.SimRuntime.iOS-17-0-1')).toEqual({
      platform: 'iOS',
      version: '17.0.1',
    });
    expect(runtimeOf('watchOS 2.2')).toEqual({ platform: 'watchOS', version: '2.2' });
    expect(runtimeOf('com.apple.CoreSimulator.SimRuntime.iOS')).toEqual({ platform: 'iOS', version: null });
  });
});
