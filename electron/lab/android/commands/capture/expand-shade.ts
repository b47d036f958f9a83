/**
 * Pulls the notification shade down: `cmd statusbar expand-notifications` (StatusBarShellCommand,
 * Android 7+). Older phones have no statusbar shell command ("Can't find service", "Unknown
 * command"); there `service call statusbar 1` (IStatusBarService.expandNotificationsPanel, the
 * first transaction) does the same.
 */
import type { AdbDeviceIo } from '../../../adb/device-io';
import { LabError } from '../../../errors';
import { decodeDeviceText } from '../../parsers/decode';
import { findRefusal } from '../../../adb/refusal';

export const EXPAND_SHADE_COMMAND = 'cmd statusbar expand-notifications';
export const EXPAND_SHADE_LEGACY_COMMAND = 'service call statusbar 1';

/** Runs a shade command, falling back to the binder call when the shell command is missing. */
export async function runShadeCommand(
  io: AdbDeviceIo,
  command: string,
  legacy: string,
  what: string,
): Promise<void> {
  const out = decodeDeviceText(await io.shell(command, { timeoutMs: 10_000 }));
  if (findRefusal(out) === null) return;
  const old = decodeDeviceText(await io.shell(legacy, { timeoutMs: 10_000 }));
  // `service call` answers "Result: Parcel(00000000    '....')" when the call went through.
  if (/Result: Parcel\(/.test(old) && !/Exception|fffffff/i.test(old)) return;
  throw new LabError('COMMAND_FAILED', `Phone ${io.serial} would not ${what} the notification shade.`, {
    hint: 'Pull the shade down by hand once; some ROMs block the statusbar service for the shell user.',
    detail: `${out.trim()}\n${old.trim()}`.slice(0, 600),
    zh: {
      message: `手机 ${io.serial} 无法${what === 'open' ? '展开' : '收起'}通知栏。`,
      hint: '请手动下拉一次通知栏；有些 ROM 会对 shell 用户屏蔽 statusbar 服务。',
    },
  });
}

export async function expandShade(io: AdbDeviceIo): Promise<void> {
  await runShadeCommand(io, EXPAND_SHADE_COMMAND, EXPAND_SHADE_LEGACY_COMMAND, 'open');
}
