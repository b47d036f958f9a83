/**
 * Wakes the phone and dismisses an insecure lock screen. A PIN/pattern/password lock cannot be
 * dismissed over adb: we say so instead of pretending.
 */
import type { AdbDeviceIo } from '../../adb/device-io';
import { LabError } from '../../errors';
import { pressKey } from './key-event';
import { readKeyguard } from './read-keyguard';
import { screenOn } from './screen-power';

export async function unlockIfInsecure(io: AdbDeviceIo): Promise<void> {
  await screenOn(io);
  await io.shell('wm dismiss-keyguard');
  let keyguard = await readKeyguard(io);
  if (keyguard.showing) {
    await pressKey(io, 'MENU'); // pre-Android 8 phones have no `wm dismiss-keyguard`
    keyguard = await readKeyguard(io);
  }
  if (keyguard.showing) {
    throw new LabError('COMMAND_FAILED', `Phone ${io.serial} is still locked.`, {
      hint: keyguard.secure
        ? 'It has a PIN, pattern or password: unlock it by hand, or set Screen lock to None/Swipe on test phones.'
        : 'Unlock it by hand once; some ROMs ignore adb unlock requests.',
      zh: {
        message: `手机 ${io.serial} 仍处于锁定状态。`,
        hint: keyguard.secure
          ? '它设置了 PIN、图案或密码：请手动解锁，或在测试手机上把屏幕锁定方式设为“无”或“滑动”。'
          : '请手动解锁一次；有些 ROM 会忽略 adb 的解锁请求。',
      },
    });
  }
}
