/**
 * The Doze allow-list: `dumpsys deviceidle whitelist` (CSV "user,<pkg>,<uid>"), falling back to
 * the full `dumpsys deviceidle` when the sub-command is refused or prints nothing.
 */
import type { AdbDeviceIo } from '../../../adb/device-io';
import { decodeDeviceText } from '../../parsers/decode';
import { parseDeviceIdle, type DeviceIdleInfo } from '../../parsers/deviceidle';
import { assertAccepted, findRefusal } from '../../../adb/refusal';

export interface DeviceIdleRead {
  readonly text: string;
  readonly info: DeviceIdleInfo;
}

export async function readDeviceIdle(io: AdbDeviceIo): Promise<DeviceIdleRead> {
  const short = decodeDeviceText(await io.shell('dumpsys deviceidle whitelist'));
  if (short.trim() !== '' && findRefusal(short, 'head') === null)
    return { text: short, info: parseDeviceIdle(short) };
  const full = decodeDeviceText(await io.shell('dumpsys deviceidle', { timeoutMs: 20_000 }));
  assertAccepted(
    io,
    full,
    { en: 'to show its Doze allow-list', zh: '显示它的 Doze 白名单' },
    { scope: 'head' },
  );
  return { text: full, info: parseDeviceIdle(full) };
}
