/** `dumpsys package <pkg>`: version, SDK levels and the stopped flag of one installed app. */
import type { AdbDeviceIo } from '../../adb/device-io';
import { assertPackageName, shellCommand } from '../../adb/quote';
import { parseDumpsysPackage } from '../parsers/dumpsys-package';

export type PackageInfo = NonNullable<ReturnType<typeof parseDumpsysPackage>>;

export async function readPackageInfo(io: AdbDeviceIo, packageName: string): Promise<PackageInfo | null> {
  assertPackageName(packageName);
  const text = await io.shell(shellCommand('dumpsys', 'package', packageName), { timeoutMs: 20_000 });
  return parseDumpsysPackage(text, packageName);
}
