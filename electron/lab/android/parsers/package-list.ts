/**
 * `pm list packages [-f] [-U] [--show-versioncode] [-u]`: one `package:` line per app, shaped
 * `package:[<apk path>=]<name>[ versionCode:<n>][ installer=<pkg>][ uid:<n>]`. APK paths under
 * /data/app contain `=` themselves (`~~xyz==/…/base.apk`), so the name follows the LAST `=`.
 */
import { LabError } from '../../errors';
import { decodeDeviceText, splitLines } from './decode';

export interface PackageListEntry {
  readonly package: string;
  readonly versionCode: number | null;
  readonly path: string | null;
  readonly uid: number | null;
}

const PACKAGE_NAME = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

function toInt(text: string | undefined): number | null {
  if (text === undefined || !/^\d+$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}

function parseLine(line: string): PackageListEntry | null {
  const body = /^\s*package:(.*)$/.exec(line)?.[1];
  if (body === undefined) return null;
  const [head = '', ...extras] = body.trim().split(/\s+/);
  let path: string | null = null;
  let name = head;
  const eq = head.lastIndexOf('=');
  if (eq >= 0) {
    path = head.slice(0, eq) || null;
    name = head.slice(eq + 1);
  }
  if (!PACKAGE_NAME.test(name)) return null;
  let versionCode: number | null = null;
  let uid: number | null = null;
  for (const extra of extras) {
    const version = /^versionCode:(\d+)$/.exec(extra);
    // Shared uids print as a comma list on some builds; the first is the app's own.
    const uidMatch = /^uid:(\d+)(?:,\d+)*$/.exec(extra);
    if (version) versionCode = toInt(version[1]);
    else if (uidMatch) uid = toInt(uidMatch[1]);
    else if (!/^installer=\S*$/.test(extra)) return null; // not a pm field: not a package line
  }
  return { package: name, versionCode, path, uid };
}

/** Parses `pm list packages` output; lines that are not `package:` entries are skipped. */
export function parsePackageList(input: string | Buffer): PackageListEntry[] {
  const lines = splitLines(decodeDeviceText(input));
  const entries: PackageListEntry[] = [];
  const seen = new Set<string>();
  let other = 0;
  for (const line of lines) {
    const entry = parseLine(line);
    if (!entry) {
      if (line.trim() !== '') other++;
      continue;
    }
    // `-u` can list a package once per user; keep the first.
    if (seen.has(entry.package)) continue;
    seen.add(entry.package);
    entries.push(entry);
  }
  if (entries.length === 0 && other > 0) {
    throw new LabError('MALFORMED_OUTPUT', 'The package list from the phone could not be read.', {
      hint: 'Run `adb shell pm list packages` by hand; the package manager may not be ready yet.',
      zh: {
        message: '无法读取手机上的应用包列表。',
        hint: '请手动运行 `adb shell pm list packages`；包管理器可能还没有就绪。',
      },
      detail: lines.slice(0, 20).join('\n'),
    });
  }
  return entries;
}
