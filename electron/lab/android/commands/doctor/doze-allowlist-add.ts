/** `dumpsys deviceidle whitelist +<pkg>`: exempts the app from Doze (Settings' "Don't optimise"). */
import type { AdbDeviceIo } from '../../../adb/device-io';
import { assertPackageName, shellCommand } from '../../../adb/quote';
import { LabError } from '../../../errors';
import { decodeDeviceText } from '../../parsers/decode';
import { assertAccepted, trimDetail } from './refusal';

export async function dozeAllowlistAdd(io: AdbDeviceIo, pkg: string): Promise<string> {
  assertPackageName(pkg);
  const out = decodeDeviceText(await io.shell(shellCommand('dumpsys', 'deviceidle', 'whitelist', `+${pkg}`)));
  assertAccepted(io, out, `to add ${pkg} to the Doze allow-list`);
  // DeviceIdleController answers "Added: <pkg>"; anything else (e.g. "Unknown package") is not a success.
  if (!/^Added:/m.test(out)) {
    throw new LabError('COMMAND_FAILED', `Phone ${io.serial} did not add ${pkg} to the Doze allow-list.`, {
      hint: 'Check that the app is installed for user 0; some ROMs manage this list themselves.',
      detail: trimDetail(out) || '(no output)',
    });
  }
  return out;
}
