/** `dumpsys deviceidle whitelist +<pkg>`: exempts the app from Doze (Settings' "Don't optimise"). */
import type { AdbDeviceIo } from '../../../adb/device-io';
import { assertPackageName, shellCommand } from '../../../adb/quote';
import { LabError } from '../../../errors';
import { decodeDeviceText } from '../../parsers/decode';
import { assertAccepted, trimDetail } from '../../../adb/refusal';

export async function dozeAllowlistAdd(io: AdbDeviceIo, pkg: string): Promise<string> {
  assertPackageName(pkg);
  const out = decodeDeviceText(await io.shell(shellCommand('dumpsys', 'deviceidle', 'whitelist', `+${pkg}`)));
  assertAccepted(io, out, { en: `to add ${pkg} to the Doze allow-list`, zh: `把 ${pkg} 加入 Doze 白名单` });
  // DeviceIdleController answers "Added: <pkg>"; anything else (e.g. "Unknown package") is not a success.
  if (!/^Added:/m.test(out)) {
    throw new LabError('COMMAND_FAILED', `Phone ${io.serial} did not add ${pkg} to the Doze allow-list.`, {
      hint: 'Check that the app is installed for user 0; some ROMs manage this list themselves.',
      detail: trimDetail(out) || '(no output)',
      zh: {
        message: `手机 ${io.serial} 没有把 ${pkg} 加入 Doze 白名单。`,
        hint: '请确认应用已为用户 0 安装；有些 ROM 会自行管理这个名单。',
      },
    });
  }
  return out;
}
