/**
 * Reads a phone's identity once: properties and installed packages, then the pure classifier.
 * Push services whose version the package list could not give (Android < 9) are read one by one.
 */
import type { DeviceIdentity } from '../../../shared/domain/device';
import type { AdbDeviceIo } from '../adb/device-io';
import { listPackages, type PackageEntry } from './commands/list-packages';
import { readPackageInfo } from './commands/read-package-info';
import { readProps } from './commands/read-props';
import { classifyIdentity, PUSH_SERVICE_PACKAGES } from './identity';

const PUSH_PACKAGES = new Set(PUSH_SERVICE_PACKAGES.map((p) => p.package));

async function fillPushServiceVersions(io: AdbDeviceIo, packages: PackageEntry[]): Promise<PackageEntry[]> {
  const missing = packages.filter((p) => PUSH_PACKAGES.has(p.package) && p.versionCode === null);
  if (missing.length === 0) return packages;
  const found = new Map<string, number | null>();
  await Promise.all(
    missing.map(async (p) => {
      const info = await readPackageInfo(io, p.package).catch(() => null);
      found.set(p.package, info?.versionCode ?? null);
    }),
  );
  return packages.map((p) =>
    found.has(p.package) ? { ...p, versionCode: found.get(p.package) ?? null } : p,
  );
}

export async function readIdentity(io: AdbDeviceIo): Promise<DeviceIdentity> {
  const [props, packages] = await Promise.all([
    readProps(io),
    listPackages(io)
      .then((list) => fillPushServiceVersions(io, list))
      .catch(() => null),
  ]);
  return classifyIdentity({ props, packages });
}
