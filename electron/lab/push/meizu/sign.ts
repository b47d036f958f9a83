/**
 * Flyme Push request signature: every parameter but `sign`, sorted by name, joined as "key=value"
 * with no separator, raw (not URL-encoded) values, the AppSecret appended; sign = lowercase hex MD5
 * (MEIZUPUSH/PushAPI README, 接口签名规范).
 */
import { createHash } from 'node:crypto';

export function meizuSign(params: Readonly<Record<string, string>>, appSecret: string): string {
  const text = Object.keys(params)
    .filter((key) => key !== 'sign')
    .sort()
    .map((key) => `${key}=${params[key] ?? ''}`)
    .join('');
  return createHash('md5').update(`${text}${appSecret}`, 'utf8').digest('hex');
}
