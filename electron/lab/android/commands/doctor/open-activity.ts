/**
 * `am start -n <component>` for vendor settings screens (autostart managers and the like). The
 * components come from resources/vendor-settings only and are validated again here.
 */
import type { AdbDeviceIo } from '../../../adb/device-io';
import { assertActivityName, assertPackageName, shellCommand } from '../../../adb/quote';
import { LabError } from '../../../errors';
import { decodeDeviceText } from '../../parsers/decode';
import { assertAccepted } from '../../../adb/refusal';

export interface ActivityTarget {
  /** "<package>/<activity class>". */
  readonly component: string;
  /** A string extra that carries the app's package name, when the screen wants one. */
  readonly packageExtra?: string | undefined;
}

export function assertComponent(component: string): string {
  const parts = component.split('/');
  if (parts.length !== 2) {
    throw new LabError('INVALID_ARGUMENT', `"${component.slice(0, 120)}" is not a component name.`, {
      zh: { message: `"${component.slice(0, 120)}" 不是组件名。` },
    });
  }
  assertPackageName(parts[0] as string);
  assertActivityName(parts[1] as string);
  return component;
}

/** Starts the activity; returns am's output ("Starting: Intent { cmp=… }"). */
export async function openActivity(io: AdbDeviceIo, target: ActivityTarget, pkg?: string): Promise<string> {
  assertComponent(target.component);
  const args = ['start', '-n', target.component];
  if (target.packageExtra !== undefined && pkg !== undefined) {
    if (!/^[A-Za-z_][A-Za-z0-9_.]{0,80}$/.test(target.packageExtra)) {
      throw new LabError('INVALID_ARGUMENT', `"${target.packageExtra.slice(0, 80)}" is not an extra name.`, {
        zh: { message: `"${target.packageExtra.slice(0, 80)}" 不是 extra 名称。` },
      });
    }
    args.push('--es', target.packageExtra, assertPackageName(pkg));
  }
  const out = decodeDeviceText(await io.shell(shellCommand('am', ...args)));
  return assertAccepted(
    io,
    out,
    { en: `to open ${target.component}`, zh: `打开 ${target.component}` },
    {
      hint: {
        en: 'This screen is not on this phone (or not reachable over adb); open the settings path shown instead.',
        zh: '这台手机上没有这个界面（或无法通过 adb 打开）；请改按显示的设置路径打开。',
      },
    },
  );
}
