/**
 * `appops set <pkg> <op> <mode>`. Ops are Android's names (RUN_ANY_IN_BACKGROUND) or vendor
 * numbers (MIUI's 10008 autostart), which AppOpsService's shell accepts as integers.
 */
import type { AdbDeviceIo } from '../../../adb/device-io';
import { assertPackageName, shellCommand } from '../../../adb/quote';
import { LabError } from '../../../errors';
import { decodeDeviceText } from '../../parsers/decode';
import { assertAccepted } from '../../../adb/refusal';

export const APP_OP_MODES = ['allow', 'ignore', 'deny', 'default', 'foreground'] as const;
export type SettableAppOpMode = (typeof APP_OP_MODES)[number];

export function assertAppOpName(op: string): string {
  if (!/^([A-Z][A-Z0-9_]{1,60}|\d{1,6})$/.test(op)) {
    throw new LabError('INVALID_ARGUMENT', `"${op.slice(0, 80)}" is not an app op name or number.`, {
      zh: { message: `"${op.slice(0, 80)}" 不是 app op 的名称或编号。` },
    });
  }
  return op;
}

export async function setAppOp(
  io: AdbDeviceIo,
  pkg: string,
  op: string,
  mode: SettableAppOpMode,
): Promise<string> {
  assertPackageName(pkg);
  assertAppOpName(op);
  if (!(APP_OP_MODES as readonly string[]).includes(mode)) {
    throw new LabError('INVALID_ARGUMENT', `Unknown app op mode "${String(mode).slice(0, 20)}".`, {
      zh: { message: `未知的 app op 模式 "${String(mode).slice(0, 20)}"。` },
    });
  }
  const out = decodeDeviceText(await io.shell(shellCommand('appops', 'set', pkg, op, mode)));
  return assertAccepted(io, out, {
    en: `to set app op ${op} of ${pkg} to ${mode}`,
    zh: `把 ${pkg} 的 app op ${op} 设为 ${mode}`,
  });
}
