/**
 * Pure helpers for the device board and the install checklist: ordering, grouping, naming and
 * which phones can take an install. No React, no DOM: unit-tested in Node.
 */
import type { DeviceView, PushServiceInfo, RomInfo } from '../../../shared/domain/device';
import { phoneDisplayName } from '../../../shared/domain/phone-name';
import { boardReason, type NotSelectableReason } from '../platforms/readiness';
import { vendorOf, vendorRank, type VendorKey } from './vendor';

export type { NotSelectableReason } from '../platforms/readiness';

/** The name people know the phone by, and the technical model under it. */
export function deviceNames(device: DeviceView): { primary: string | null; secondary: string | null } {
  const identity = device.identity;
  if (!identity) return { primary: null, secondary: null };
  const model = identity.model.trim() || null;
  const marketing = identity.marketingName?.trim() || null;
  const primary = phoneDisplayName({
    brand: identity.brand,
    vendor: identity.manufacturer,
    model,
    marketingName: marketing,
  });
  return { primary, secondary: marketing && model && marketing !== model ? model : null };
}

/** A label for lists where one string must do: marketing name, model, or the serial. */
export function deviceLabel(device: DeviceView): string {
  return deviceNames(device).primary ?? device.serial;
}

function compareText(a: string, b: string): number {
  return a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true });
}

/** Ready phones first, then by vendor, name and serial; stable for equal keys. */
export function sortDevices(devices: readonly DeviceView[]): DeviceView[] {
  return devices
    .map((device, index) => ({ device, index }))
    .sort((x, y) => {
      const a = x.device;
      const b = y.device;
      const ready = Number(b.state === 'device') - Number(a.state === 'device');
      if (ready !== 0) return ready;
      const vendor = vendorRank(vendorOf(a.identity)) - vendorRank(vendorOf(b.identity));
      if (vendor !== 0) return vendor;
      const name = compareText(deviceLabel(a), deviceLabel(b));
      if (name !== 0) return name;
      const serial = compareText(a.serial, b.serial);
      return serial !== 0 ? serial : x.index - y.index;
    })
    .map(({ device }) => device);
}

/** Sorted phones grouped by vendor family, groups in vendor order. */
export function groupByVendor(
  devices: readonly DeviceView[],
): Array<{ vendor: VendorKey; devices: DeviceView[] }> {
  const groups = new Map<VendorKey, DeviceView[]>();
  for (const device of sortDevices(devices)) {
    const vendor = vendorOf(device.identity);
    const list = groups.get(vendor) ?? [];
    list.push(device);
    groups.set(vendor, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => vendorRank(a) - vendorRank(b))
    .map(([vendor, list]) => ({ vendor, devices: list }));
}

/** Why this phone cannot take an install, or null when it can. */
export function notSelectableReason(device: DeviceView): NotSelectableReason | null {
  return boardReason(device);
}

/** Phones an install can target: connected, authorized and identified Android phones. */
export function selectablePhones(devices: readonly DeviceView[]): DeviceView[] {
  return sortDevices(devices).filter((device) => notSelectableReason(device) === null);
}

/** Push services whose version is below what their channel needs. */
export function outdatedServices(services: readonly PushServiceInfo[]): PushServiceInfo[] {
  return services.filter((service) => service.meetsMinimum === false);
}

/** "HyperOS 2.0" or "Android" when the ROM hides its version. */
export function romText(rom: RomInfo): string {
  return rom.version ? `${rom.name} ${rom.version}` : rom.name;
}

/** Phone counts for the tab label and the summary line. */
export function countByState(devices: readonly DeviceView[]): { total: number; ready: number } {
  return { total: devices.length, ready: devices.filter((d) => d.state === 'device').length };
}
