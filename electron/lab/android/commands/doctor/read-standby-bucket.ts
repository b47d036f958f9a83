/** `am get-standby-bucket <pkg>` (Android 9+): the app's App Standby bucket. */
import type { AdbDeviceIo } from '../../../adb/device-io';
import { assertPackageName, shellCommand } from '../../../adb/quote';
import { decodeDeviceText } from '../../parsers/decode';
import { parseStandbyBucket, type StandbyBucket } from '../../parsers/standby-bucket';
import { assertAccepted } from '../../../adb/refusal';

export interface StandbyBucketRead {
  readonly text: string;
  readonly bucket: StandbyBucket | null;
}

export async function readStandbyBucket(io: AdbDeviceIo, pkg: string): Promise<StandbyBucketRead> {
  assertPackageName(pkg);
  const text = decodeDeviceText(await io.shell(shellCommand('am', 'get-standby-bucket', pkg)));
  assertAccepted(
    io,
    text,
    { en: `to show the standby bucket of ${pkg}`, zh: `显示 ${pkg} 的待机分组（standby bucket）` },
    { scope: 'head' },
  );
  return { text, bucket: parseStandbyBucket(text).bucket };
}
