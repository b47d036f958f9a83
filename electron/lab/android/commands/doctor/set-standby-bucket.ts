/** `am set-standby-bucket <pkg> <bucket>` (Android 9+; "restricted" from Android 12). */
import type { AdbDeviceIo } from '../../../adb/device-io';
import { assertPackageName, shellCommand } from '../../../adb/quote';
import { LabError } from '../../../errors';
import { decodeDeviceText } from '../../parsers/decode';
import { assertAccepted } from '../../../adb/refusal';

export const SETTABLE_BUCKETS = ['active', 'working_set', 'frequent', 'rare', 'restricted'] as const;
export type SettableBucket = (typeof SETTABLE_BUCKETS)[number];

export async function setStandbyBucket(
  io: AdbDeviceIo,
  pkg: string,
  bucket: SettableBucket,
): Promise<string> {
  assertPackageName(pkg);
  if (!(SETTABLE_BUCKETS as readonly string[]).includes(bucket)) {
    throw new LabError('INVALID_ARGUMENT', `"${String(bucket).slice(0, 20)}" is not a standby bucket.`, {
      zh: { message: `"${String(bucket).slice(0, 20)}" 不是待机分组（standby bucket）。` },
    });
  }
  const out = decodeDeviceText(await io.shell(shellCommand('am', 'set-standby-bucket', pkg, bucket)));
  return assertAccepted(io, out, {
    en: `to put ${pkg} in the ${bucket} standby bucket`,
    zh: `把 ${pkg} 放入 ${bucket} 待机分组`,
  });
}
