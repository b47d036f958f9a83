/**
 * `dumpsys package <pkg>`: the app's version, stopped/enabled state, uid and runtime permissions
 * (the text is kept: the permission parser and the evidence read it too).
 */
import type { AdbDeviceIo } from '../../../adb/device-io';
import { assertPackageName, shellCommand } from '../../../adb/quote';
import { decodeDeviceText } from '../../parsers/decode';
import { parseDumpsysPackage, type DumpsysPackageInfo } from '../../parsers/dumpsys-package';
import { assertAccepted } from '../../../adb/refusal';

export interface PackageDump {
  readonly text: string;
  /** null: the package is not installed. */
  readonly info: DumpsysPackageInfo | null;
  /** The app's uid in user 0 (`userId=` / `appId=` in its block), for netpolicy's uid lists. */
  readonly uid: number | null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The `userId=` (Android 14+: `appId=`) of the package's block; a hidden system copy has the same one. */
export function packageUid(text: string, pkg: string): number | null {
  const header = new RegExp(`Package \\[${escapeRegExp(pkg)}\\] \\(`).exec(text);
  if (!header) return null;
  const m = /^\s*(?:userId|appId)=(\d+)/m.exec(text.slice(header.index, header.index + 4000));
  return m ? Number(m[1]) : null;
}

export async function readPackageDump(io: AdbDeviceIo, pkg: string): Promise<PackageDump> {
  assertPackageName(pkg);
  const text = decodeDeviceText(
    await io.shell(shellCommand('dumpsys', 'package', pkg), { timeoutMs: 20_000 }),
  );
  assertAccepted(io, text, { en: `to show package ${pkg}`, zh: `显示应用包 ${pkg}` }, { scope: 'head' });
  return { text, info: parseDumpsysPackage(text, pkg), uid: packageUid(text, pkg) };
}
