/**
 * `settings get <namespace> <key>` (AOSP SettingsService): the value on one line, or the word
 * "null" when the key is not set. Errors come back as text on the same stream.
 */
import { LabError } from '../../errors';
import { decodeDeviceText } from './decode';
import { head } from './dump-fields';

/** Shell errors `settings` can print instead of a value. */
const FAILURE =
  /^(?:Exception occurred|java\.lang\.\w+|Error:|Invalid (?:namespace|command)|usage:|Security exception|cmd: Can't find service)/i;

/** The setting's value, or null when the phone says "null" (not set). */
export function parseSettingsValue(text: string | Buffer): string | null {
  const decoded = decodeDeviceText(text);
  const value = decoded.replace(/\n$/, '').trim();
  if (FAILURE.test(value)) {
    throw new LabError('MALFORMED_OUTPUT', 'The phone did not return the setting.', {
      hint: 'Run the same `adb shell settings get …` by hand to see the error.',
      zh: {
        message: '手机没有返回这个设置项。',
        hint: '请手动运行同样的 `adb shell settings get …`，查看错误信息。',
      },
      detail: head(decoded),
    });
  }
  return value === 'null' ? null : value;
}
