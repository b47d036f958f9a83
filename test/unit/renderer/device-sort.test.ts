import { describe, expect, it } from 'vitest';
import type { DeviceChannel, DeviceView } from '../../../shared/domain/device';
import {
  countByState,
  deviceLabel,
  deviceNames,
  groupByVendor,
  notSelectableReason,
  outdatedServices,
  romText,
  selectablePhones,
  sortDevices,
} from '../../../renderer/src/devices/device-sort';
import { vendorOf } from '../../../renderer/src/devices/vendor';
import {
  HUAWEI,
  IDENTITY_FAILED,
  OLD_SAMSUNG,
  OPPO,
  phone,
  SPACED_PENDING,
  UNAUTHORIZED,
  XIAOMI,
} from '../../support/sample-devices';

const serials = (devices: readonly DeviceView[]) => devices.map((d) => d.serial);

describe('vendorOf', () => {
  const id = (brand: string, manufacturer: string, pushChannel: DeviceChannel = 'fcm') => ({
    brand,
    manufacturer,
    model: 'X1',
    rom: { name: 'Android' as const, version: null },
    pushChannel,
  });
  it('puts sub-brands in their vendor group and prefers brand over manufacturer (shared/vendors)', () => {
    expect(vendorOf(id('Redmi', 'Xiaomi'))).toBe('xiaomi');
    expect(vendorOf(id('POCO', 'Xiaomi'))).toBe('xiaomi');
    // Early Honor phones: made by HUAWEI, sold as HONOR, on HMS.
    expect(vendorOf(id('HONOR', 'HUAWEI', 'huawei'))).toBe('honor');
    expect(vendorOf(id('iQOO', 'vivo', 'vivo'))).toBe('vivo');
    // OnePlus and realme share OPPO's ROM and push service, on any channel.
    expect(vendorOf(id('OnePlus', 'OnePlus'))).toBe('oppo');
    expect(vendorOf(id('realme', 'realme', 'oppo'))).toBe('oppo');
    expect(vendorOf(id('generic', 'samsung'))).toBe('samsung');
    expect(vendorOf(id('Fairphone', 'Fairphone'))).toBe('other-android');
    expect(vendorOf(null)).toBe('unknown');
  });
});

describe('names', () => {
  it('uses the marketing name, else brand + model, and keeps the model as the second line', () => {
    expect(deviceNames(XIAOMI)).toEqual({ primary: 'Xiaomi Pad 6', secondary: '23043RP34G' });
    expect(deviceNames(OLD_SAMSUNG)).toEqual({ primary: 'Samsung SM-J730F', secondary: null });
    expect(deviceNames(UNAUTHORIZED)).toEqual({ primary: null, secondary: null });
    expect(deviceLabel(UNAUTHORIZED)).toBe('????????????');
  });

  it('does not repeat a marketing name equal to the model', () => {
    const same = phone('x1', { model: 'Pixel 8', marketingName: 'Pixel 8' });
    expect(deviceNames(same)).toEqual({ primary: 'Pixel 8', secondary: null });
  });

  it('prints the ROM with its version only when known', () => {
    expect(romText({ name: 'HyperOS', version: '2.0' })).toBe('HyperOS 2.0');
    expect(romText({ name: 'Android', version: null })).toBe('Android');
  });
});

describe('sortDevices / groupByVendor', () => {
  it('puts ready phones first, then vendor order, then name', () => {
    const sorted = sortDevices([UNAUTHORIZED, OLD_SAMSUNG, OPPO, XIAOMI, HUAWEI]);
    expect(serials(sorted)).toEqual([
      XIAOMI.serial,
      HUAWEI.serial,
      OPPO.serial,
      OLD_SAMSUNG.serial,
      UNAUTHORIZED.serial,
    ]);
  });

  it('does not change its input and is stable for equal phones', () => {
    const a = phone('b-serial', {});
    const b = phone('a-serial', {});
    const input = [a, b];
    expect(serials(sortDevices(input))).toEqual(['a-serial', 'b-serial']);
    expect(serials(input)).toEqual(['b-serial', 'a-serial']);
  });

  it('groups by vendor in vendor order', () => {
    const redmi = phone('redmi-1', { brand: 'Redmi', manufacturer: 'Xiaomi', model: '2201117TG' });
    const groups = groupByVendor([OLD_SAMSUNG, redmi, HUAWEI, XIAOMI, UNAUTHORIZED]);
    expect(groups.map((g) => g.vendor)).toEqual(['xiaomi', 'huawei', 'samsung', 'unknown']);
    expect(serials(groups[0]?.devices ?? [])).toEqual(['redmi-1', XIAOMI.serial]);
  });
});

describe('install targets', () => {
  it('offers only ready, identified Android phones and says why the others are left out', () => {
    expect(serials(selectablePhones([UNAUTHORIZED, SPACED_PENDING, IDENTITY_FAILED, OPPO, XIAOMI]))).toEqual([
      XIAOMI.serial,
      OPPO.serial,
    ]);
    expect(notSelectableReason(UNAUTHORIZED)).toBe('state');
    expect(notSelectableReason(SPACED_PENDING)).toBe('identityPending');
    expect(notSelectableReason(IDENTITY_FAILED)).toBe('identityFailed');
    expect(notSelectableReason({ ...XIAOMI, platform: 'ios' })).toBe('platform');
    expect(notSelectableReason(XIAOMI)).toBeNull();
  });

  it('flags push services below their channel minimum only', () => {
    expect(outdatedServices(HUAWEI.identity?.pushServices ?? []).map((s) => s.package)).toEqual([
      'com.huawei.hwid',
    ]);
    expect(outdatedServices(XIAOMI.identity?.pushServices ?? [])).toEqual([]);
  });

  it('counts phones by state', () => {
    expect(countByState([XIAOMI, UNAUTHORIZED, SPACED_PENDING])).toEqual({ total: 3, ready: 2 });
  });
});
