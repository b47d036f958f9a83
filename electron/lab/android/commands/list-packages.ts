/**
 * `pm list packages --show-versioncode` (Android 9+); older phones reject the option, so we fall
 * back to the plain list and leave version codes unknown for the caller to fill in.
 */
import type { AdbDeviceIo } from '../../adb/device-io';
import { parsePackageList } from '../parsers/package-list';

export interface PackageEntry {
  readonly package: string;
  readonly versionCode: number | null;
}

export async function listPackages(io: AdbDeviceIo): Promise<PackageEntry[]> {
  const withVersions = parsePackageList(await io.shell('pm list packages --show-versioncode 2>/dev/null'));
  const entries =
    withVersions.length > 0 ? withVersions : parsePackageList(await io.shell('pm list packages 2>/dev/null'));
  return entries.map((e) => ({ package: e.package, versionCode: e.versionCode }));
}
