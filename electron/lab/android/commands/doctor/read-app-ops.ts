/** `appops get <pkg>`: the app's operation modes (RUN_ANY_IN_BACKGROUND, MIUI's 10008 autostart …). */
import type { AdbDeviceIo } from '../../../adb/device-io';
import { assertPackageName, shellCommand } from '../../../adb/quote';
import { parseAppOpsForPackage, type AppOpsInfo } from '../../parsers/appops';
import { decodeDeviceText } from '../../parsers/decode';
import { assertAccepted } from '../../../adb/refusal';

export interface AppOpsRead {
  readonly text: string;
  /** null: the phone lists no operations for the package. */
  readonly ops: AppOpsInfo | null;
}

export async function readAppOps(io: AdbDeviceIo, pkg: string): Promise<AppOpsRead> {
  assertPackageName(pkg);
  const text = decodeDeviceText(await io.shell(shellCommand('appops', 'get', pkg)));
  assertAccepted(
    io,
    text,
    { en: `to show the app ops of ${pkg}`, zh: `显示 ${pkg} 的 app ops` },
    { scope: 'head' },
  );
  return { text, ops: parseAppOpsForPackage(text, pkg) };
}
