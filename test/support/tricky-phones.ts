/**
 * The phones whose vendor group used to differ between screens (issue 11): a pre-split Honor (brand
 * HONOR, manufacturer HUAWEI, on HMS), a Redmi, a realme, a global OnePlus on FCM and an iQOO.
 * Identities are what the identity reader makes of the real getprop captures (test/unit/vendors/
 * tricky-phones.test.ts proves it); the iQOO has no capture, so it is the vivo capture re-branded.
 * Type-only imports, so both the Node and the web type-check include it.
 */
import type { DeviceIdentity } from '../../shared/domain/device';
import type { VendorId } from '../../shared/vendors/vendor-table';

export interface TrickyPhone {
  readonly serial: string;
  readonly capture: string;
  /** getprop overrides applied to the capture. */
  readonly override: Readonly<Record<string, string>>;
  readonly group: VendorId;
  readonly identity: Pick<
    DeviceIdentity,
    'manufacturer' | 'brand' | 'model' | 'marketingName' | 'rom' | 'pushChannel'
  >;
}

export const TRICKY_PHONES: readonly TrickyPhone[] = [
  {
    serial: 'HONOR-PRE',
    capture: 'honor-emui8-android8-1.txt',
    override: {},
    group: 'honor',
    identity: {
      manufacturer: 'HUAWEI',
      brand: 'HONOR',
      model: 'BKL-L09',
      marketingName: 'Honor View 10',
      rom: { name: 'EMUI', version: '8.0.0' },
      pushChannel: 'huawei',
    },
  },
  {
    serial: 'REDMI',
    capture: 'xiaomi-miui14-android13-4.txt',
    override: {},
    group: 'xiaomi',
    identity: {
      manufacturer: 'Xiaomi',
      brand: 'Redmi',
      model: '21121119SG',
      marketingName: 'Redmi 10 2022',
      rom: { name: 'MIUI', version: 'V14.0.7.0' },
      pushChannel: 'xiaomi',
    },
  },
  {
    serial: 'REALME',
    capture: 'realme-realmeui6-android15-1.txt',
    override: {},
    group: 'oppo',
    identity: {
      manufacturer: 'realme',
      brand: 'realme',
      model: 'RMX3888',
      marketingName: 'realme GT5 Pro',
      rom: { name: 'realme UI', version: '6.0' },
      pushChannel: 'oppo',
    },
  },
  {
    serial: 'ONEPLUS-GL',
    capture: 'oneplus-oxygenos14-android14-3.txt',
    override: {},
    group: 'oppo',
    identity: {
      manufacturer: 'OnePlus',
      brand: 'OnePlus',
      model: 'NE2213',
      marketingName: 'OnePlus 10 Pro 5G',
      rom: { name: 'OxygenOS', version: '14.0.0' },
      pushChannel: 'fcm',
    },
  },
  {
    serial: 'IQOO',
    capture: 'vivo-originos5-android15-1.txt',
    override: {
      'ro.product.brand': 'iQOO',
      'ro.product.vendor.brand': 'iQOO',
      'ro.product.odm.brand': 'iQOO',
    },
    group: 'vivo',
    identity: {
      manufacturer: 'vivo',
      brand: 'iQOO',
      model: 'V2429A',
      marketingName: 'vivo S20',
      rom: { name: 'OriginOS', version: '5' },
      pushChannel: 'vivo',
    },
  },
];
