/**
 * Builds `dumpsys notification --noredact` text for capture tests: a real capture (or an empty
 * filtered header) with records added in NotificationRecord.dump's layout.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeDeviceText } from '../../../electron/lab/android/parsers/decode';

export interface FakeRecord {
  readonly pkg: string;
  readonly opPkg?: string;
  readonly id: number;
  readonly postTime: number;
  readonly channelId?: string;
  readonly title?: string;
  readonly text?: string;
  readonly uid?: number;
}

export function recordKey(r: FakeRecord): string {
  return `0|${r.pkg}|${r.id}|null|${r.uid ?? 10500}`;
}

/** One record block, indented as under "  Notification List:". */
export function recordBlock(r: FakeRecord): string {
  const key = recordKey(r);
  const channel = r.channelId ?? 'pushlab_default';
  return [
    `    NotificationRecord(0x0${(r.id >>> 0).toString(16)}: pkg=${r.pkg} user=UserHandle{0} ` +
      `id=${r.id} tag=null importance=4 key=${key}: Notification(channel=${channel} shortcut=null ` +
      `contentView=null vibrate=null sound=null defaults=0x0 flags=0x10 color=0x00000000 ` +
      `vis=PRIVATE))`,
    `      uid=${r.uid ?? 10500} userId=0`,
    `      opPkg=${r.opPkg ?? r.pkg}`,
    '      flags=0x10',
    `      key=${key}`,
    '      notification=',
    `            when=${r.postTime}`,
    '            extras={',
    `                android.title=String (${r.title ?? 'Hello'})`,
    `                android.text=String (${r.text ?? 'World'})`,
    '            }',
    `      mCreationTimeMs=${r.postTime}`,
    `      mUpdateTimeMs=${r.postTime}`,
    '',
  ].join('\n');
}

/** The real Pixel (Android 16) capture, decoded: 13 records of other apps. */
export function pixelCapture(): string {
  return decodeDeviceText(
    readFileSync(
      join(import.meta.dirname, '../../fixtures/dumpsys-notification/google-pixel-android16-2.txt'),
    ),
  );
}

/** `base` with the records inserted at the top of its Notification List (or a filtered header). */
export function dumpWith(
  base: string | null,
  records: readonly FakeRecord[],
  filteredTo = 'com.example.app',
): string {
  const blocks = records.map(recordBlock).join('');
  if (base === null) {
    const list = records.length > 0 ? `  Notification List:\n${blocks}  \n` : '';
    return `Current Notification Manager state (filtered to '${filteredTo}'):\n${list}\n  Ranking Config:\n    mSignalExtractors.length = 0\n`;
  }
  const at = base.indexOf('Notification List:\n');
  if (at < 0) throw new Error('capture has no Notification List');
  const cut = at + 'Notification List:\n'.length;
  return base.slice(0, cut) + blocks + base.slice(cut);
}
