/** `getprop`: every system property of the phone. */
import type { AdbDeviceIo } from '../../adb/device-io';
import { LabError } from '../../errors';
import { parseGetprop } from '../parsers/getprop';

export async function readProps(io: AdbDeviceIo): Promise<Record<string, string>> {
  const text = await io.shell('getprop');
  const props = parseGetprop(text);
  if (Object.keys(props).length === 0) {
    throw new LabError('MALFORMED_OUTPUT', `Phone ${io.serial} returned no system properties.`, {
      hint: 'Unlock the phone and try again; if it persists, reboot it.',
      detail: text.slice(0, 500),
      zh: {
        message: `手机 ${io.serial} 没有返回系统属性。`,
        hint: '请解锁手机后重试；如果仍然如此，请重启手机。',
      },
    });
  }
  return props;
}
