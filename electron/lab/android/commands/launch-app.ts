/** Launches an app's launcher activity (what a tap on its icon does) via monkey. */
import type { AdbDeviceIo } from '../../adb/device-io';
import { assertPackageName, shellCommand } from '../../adb/quote';
import { LabError } from '../../errors';

export async function launchApp(io: AdbDeviceIo, packageName: string): Promise<void> {
  assertPackageName(packageName);
  const out = await io.shell(
    shellCommand('monkey', '-p', packageName, '-c', 'android.intent.category.LAUNCHER', '1'),
    {
      timeoutMs: 20_000,
    },
  );
  if (/No activities found to run|monkey aborted/i.test(out) || !/Events injected:\s*1/.test(out)) {
    throw new LabError('COMMAND_FAILED', `Could not launch ${packageName} on ${io.serial}.`, {
      hint: 'Check that the app is installed and has a launcher activity.',
      detail: out.slice(-500),
      zh: {
        message: `无法在 ${io.serial} 上启动 ${packageName}。`,
        hint: '请确认应用已安装，并且有启动器 activity。',
      },
    });
  }
}
