/**
 * `settings get <namespace> <key>` for the few settings the doctor needs. The keys are a fixed
 * allow-list: nothing else reaches the shell.
 */
import type { AdbDeviceIo } from '../../../adb/device-io';
import { shellCommand } from '../../../adb/quote';
import { LabError } from '../../../errors';
import { decodeDeviceText } from '../../parsers/decode';
import { parseSettingsValue } from '../../parsers/settings-value';
import { assertAccepted } from '../../../adb/refusal';

/** Settings the doctor reads, as `<namespace>/<key>`. */
export const DOCTOR_SETTINGS = [
  // 0 off, 1 important interruptions, 2 no interruptions, 3 alarms only.
  'global/zen_mode',
  // 1 while Battery Saver is on.
  'global/low_power',
  'secure/lock_screen_show_notifications',
  'secure/lock_screen_allow_private_notifications',
] as const;
export type DoctorSetting = (typeof DOCTOR_SETTINGS)[number];

export interface SettingRead {
  readonly text: string;
  /** null: the setting is not set on this phone (its default applies). */
  readonly value: string | null;
}

export async function readSetting(io: AdbDeviceIo, setting: DoctorSetting): Promise<SettingRead> {
  if (!(DOCTOR_SETTINGS as readonly string[]).includes(setting)) {
    throw new LabError(
      'INVALID_ARGUMENT',
      `PushLab does not read the setting "${String(setting).slice(0, 80)}".`,
      {
        zh: { message: `PushLab 不读取设置项 "${String(setting).slice(0, 80)}"。` },
      },
    );
  }
  const [namespace, key] = setting.split('/') as [string, string];
  const text = decodeDeviceText(await io.shell(shellCommand('settings', 'get', namespace, key)));
  assertAccepted(
    io,
    text,
    { en: `to show the setting ${setting}`, zh: `显示设置项 ${setting}` },
    { scope: 'head' },
  );
  return { text, value: parseSettingsValue(text) };
}
