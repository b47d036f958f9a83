/**
 * Data Saver and per-app background data: `cmd netpolicy get restrict-background` (global) and
 * the uid lists `restrict-background-blacklist` / `-whitelist` (newer builds also accept the
 * denylist / allowlist names, which are tried when the old ones are refused).
 */
import type { AdbDeviceIo } from '../../../adb/device-io';
import { decodeDeviceText } from '../../parsers/decode';
import { parseRestrictBackground, parseUidList } from '../../parsers/netpolicy';
import { assertAccepted, findRefusal } from '../../../adb/refusal';

export interface RestrictBackgroundRead {
  readonly text: string;
  /** true while Data Saver is on. */
  readonly enabled: boolean | null;
}

export interface UidListRead {
  readonly text: string;
  readonly uids: readonly number[];
}

export async function readRestrictBackground(io: AdbDeviceIo): Promise<RestrictBackgroundRead> {
  const text = decodeDeviceText(await io.shell('cmd netpolicy get restrict-background'));
  assertAccepted(
    io,
    text,
    { en: 'to show its Data Saver state', zh: '显示它的流量节省程序状态' },
    { scope: 'head' },
  );
  return { text, enabled: parseRestrictBackground(text) };
}

const LIST_NAMES = {
  // Apps whose background data is off (Settings › Apps › Mobile data › Background data).
  denylist: ['restrict-background-blacklist', 'restrict-background-denylist'],
  // Apps allowed unrestricted data while Data Saver is on.
  allowlist: ['restrict-background-whitelist', 'restrict-background-allowlist'],
} as const;

export async function readRestrictBackgroundUids(
  io: AdbDeviceIo,
  list: keyof typeof LIST_NAMES,
): Promise<UidListRead> {
  const [first, second] = LIST_NAMES[list];
  let text = decodeDeviceText(await io.shell(`cmd netpolicy list ${first}`));
  if (findRefusal(text, 'head') !== null)
    text = decodeDeviceText(await io.shell(`cmd netpolicy list ${second}`));
  assertAccepted(
    io,
    text,
    { en: `to list its background-data ${list}`, zh: `列出它的后台数据 ${list}` },
    { scope: 'head' },
  );
  return { text, uids: parseUidList(text) };
}
