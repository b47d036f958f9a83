/**
 * `am get-standby-bucket <pkg>` (AOSP ActivityManagerShellCommand.runGetStandbyBucket): the
 * bucket as a number (UsageStatsManager.STANDBY_BUCKET_*), or on some builds its name. Without a
 * package the command lists `pkg: bucket` lines; a single such line is read the same way.
 */
import { decodeDeviceText } from './decode';
import { toInt } from './dump-fields';

export type StandbyBucket =
  'exempted' | 'active' | 'working_set' | 'frequent' | 'rare' | 'restricted' | 'never';

const BY_NUMBER: Readonly<Record<number, StandbyBucket>> = {
  5: 'exempted',
  10: 'active',
  20: 'working_set',
  30: 'frequent',
  40: 'rare',
  45: 'restricted',
  50: 'never',
};
const NAMES: ReadonlySet<string> = new Set(Object.values(BY_NUMBER));

/** Reads the bucket; null (with the raw text) for anything that is not one bucket. */
export function parseStandbyBucket(text: string | Buffer): {
  readonly bucket: StandbyBucket | null;
  readonly raw: string;
} {
  const raw = decodeDeviceText(text).trim();
  const m = /^(?:[A-Za-z][\w.]*:\s*)?([A-Za-z_]+|-?\d+)$/.exec(raw);
  if (!m) return { bucket: null, raw };
  const value = m[1] as string;
  const n = toInt(value);
  if (n !== null) return { bucket: BY_NUMBER[n] ?? null, raw };
  const name = value.toLowerCase().replace(/^standby_bucket_/, '');
  return { bucket: NAMES.has(name) ? (name as StandbyBucket) : null, raw };
}
