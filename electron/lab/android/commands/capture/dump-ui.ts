/**
 * The screen's view hierarchy: `uiautomator dump <file>` then `cat <file>`, in one shell. The file
 * is removed first so a failed dump (the screen still animating: "could not get idle state"; the
 * screen off: "null root node"; another UiAutomation client such as an Appium session connected)
 * can never hand back an older screen.
 */
import type { AdbDeviceIo } from '../../../adb/device-io';
import { LabError } from '../../../errors';
import { decodeDeviceText } from '../../parsers/decode';
import { parseUiHierarchy, type UiHierarchy } from '../../parsers/ui-hierarchy';
import { trimDetail } from '../../../adb/refusal';

export const UI_DUMP_PATH = '/sdcard/pushlab-ui.xml';

export const DUMP_UI_COMMAND = `rm -f ${UI_DUMP_PATH}; uiautomator dump ${UI_DUMP_PATH}; cat ${UI_DUMP_PATH}; rm -f ${UI_DUMP_PATH}`;

/** Parses a dump's combined output; throws with the phone's words when it holds no hierarchy. */
export function hierarchyFromOutput(serial: string, output: string): UiHierarchy {
  const text = decodeDeviceText(output);
  const hierarchy = parseUiHierarchy(text);
  if (!hierarchy.found || hierarchy.nodes.length === 0) {
    const idle = /could not get idle state/i.test(text);
    throw new LabError('COMMAND_FAILED', `Phone ${serial} did not give its screen's layout.`, {
      hint: idle
        ? 'The screen kept changing (an animation or video); try again when it is still.'
        : 'Unlock the phone and close any Appium or UI Automator session that holds the screen, then try again.',
      detail: trimDetail(text),
      zh: {
        message: `手机 ${serial} 没有给出屏幕布局。`,
        hint: idle
          ? '屏幕一直在变化（动画或视频）；请在画面静止时重试。'
          : '请解锁手机，并关闭占用屏幕的 Appium 或 UI Automator 会话，然后重试。',
      },
    });
  }
  return hierarchy;
}

export async function dumpUi(io: AdbDeviceIo): Promise<UiHierarchy> {
  return hierarchyFromOutput(io.serial, await io.shell(DUMP_UI_COMMAND, { timeoutMs: 30_000 }));
}
