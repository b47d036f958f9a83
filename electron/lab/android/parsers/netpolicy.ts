/**
 * Data Saver and per-app background data, from AOSP NetworkPolicyManagerShellCommand and
 * NetworkPolicyManagerService.dump:
 *   `cmd netpolicy get restrict-background`   -> `Restrict background status: enabled|disabled`
 *   `dumpsys netpolicy`                       -> `Restrict background: true|false`
 *   `cmd netpolicy list restrict-background-blacklist` (or -denylist / -whitelist / -allowlist)
 *                                             -> `Restrict background blacklisted UIDs: 10123 10200 ` or `…: none`
 */
import { LabError } from '../../errors';
import { decodeDeviceText, splitLines } from './decode';
import { head } from './dump-fields';

/** Data Saver on (true) or off (false); null when the text says neither. */
export function parseRestrictBackground(text: string | Buffer): boolean | null {
  const decoded = decodeDeviceText(text);
  const status = /^[ \t]*Restrict background status:[ \t]*(enabled|disabled)[ \t]*$/im.exec(decoded)?.[1];
  if (status !== undefined) return status.toLowerCase() === 'enabled';
  const dumped = /^[ \t]*Restrict background:[ \t]*(true|false)[ \t]*$/m.exec(decoded)?.[1];
  return dumped === undefined ? null : dumped === 'true';
}

/** The uids of a `cmd netpolicy list …` answer (empty for "none"); throws when it is not such a list. */
export function parseUidList(text: string | Buffer): number[] {
  const decoded = decodeDeviceText(text);
  const uids: number[] = [];
  let understood = false;
  for (const line of splitLines(decoded)) {
    // "… blacklisted UIDs:", "… whitelisted UIDs:" (denylisted / allowlisted on newer builds).
    const m = /^[ \t]*[A-Za-z][\w -]*listed UIDs:[ \t]*(.*)$/.exec(line);
    if (!m) continue;
    const rest = (m[1] as string).trim();
    if (rest === 'none') {
      understood = true;
      continue;
    }
    const tokens = rest.split(/\s+/);
    if (!tokens.every((t) => /^\d+$/.test(t))) continue;
    understood = true;
    for (const t of tokens) uids.push(Number(t));
  }
  if (!understood) {
    throw new LabError('MALFORMED_OUTPUT', 'The background data list from the phone could not be read.', {
      hint: 'Run `adb shell cmd netpolicy list restrict-background-blacklist` by hand to see what the phone prints.',
      zh: {
        message: '无法读取手机上的后台数据名单。',
        hint: '请手动运行 `adb shell cmd netpolicy list restrict-background-blacklist`，查看手机打印的内容。',
      },
      detail: head(decoded),
    });
  }
  return uids;
}
