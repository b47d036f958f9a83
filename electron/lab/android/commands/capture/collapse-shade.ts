/** Closes the notification shade: `cmd statusbar collapse` (or binder call 2, collapsePanels, on old phones). */
import type { AdbDeviceIo } from '../../../adb/device-io';
import { runShadeCommand } from './expand-shade';

export const COLLAPSE_SHADE_COMMAND = 'cmd statusbar collapse';
export const COLLAPSE_SHADE_LEGACY_COMMAND = 'service call statusbar 2';

export async function collapseShade(io: AdbDeviceIo): Promise<void> {
  await runShadeCommand(io, COLLAPSE_SHADE_COMMAND, COLLAPSE_SHADE_LEGACY_COMMAND, 'close');
}
