/**
 * The posted notifications in `dumpsys notification [--noredact]`, one per `NotificationRecord(`
 * header. Layout from AOSP NotificationRecord.dump / dumpNotification (Android 8–16):
 *   `NotificationRecord(0x…: pkg=P user=UserHandle{0} id=N tag=T importance=4 key=K: Notification(channel=C shortcut=… groupKey=G …))`
 *   record fields two spaces deeper (uid=, opPkg=, flags=, key=, groupKey=, mUpdateTimeMs=, …),
 *   then `notification=` and `publicNotification=` blocks with `when=` and `extras={…}`.
 * Redacted dumps print texts as `String [length=43]`; --noredact prints `String (the text)`, which
 * may run over several lines. HyperOS adds `bbbc=N` after the key in the header.
 */
import { LabError } from '../../errors';
import { decodeDeviceText, splitLines } from './decode';
import { head, indentOf, nullable, toInt } from './dump-fields';

export interface NotificationRecordInfo {
  readonly key: string;
  readonly pkg: string;
  readonly opPkg: string | null;
  readonly user: number | null;
  readonly id: number | null;
  readonly tag: string | null;
  readonly importance: number | null;
  readonly channelId: string | null;
  readonly title: string | null;
  readonly text: string | null;
  readonly redacted: boolean;
  /** When the current version was posted (mUpdateTimeMs = sbn.getPostTime()), epoch ms. */
  readonly postTime: number | null;
  /** Notification.when as the app set it (0 when unset). */
  readonly when: number | null;
  readonly flags: string | null;
  readonly group: string | null;
}

const RECORD_HEADER = /^(\s*)NotificationRecord\((.*)$/;
const MARKERS =
  /^[ \t]*(?:Current Notification Manager state(?: \(filtered to '[^']*'\))?:|Notification List:)/m;

interface RawRecord {
  header: string;
  fields: Map<string, string>;
  extras: Map<string, string[]>;
  when: string | null;
  /** An extras entry still open when the record ended: its value may be cut. */
  openExtra: string | null;
}

/** Reads one record's lines: record-level fields, the notification's when= and its extras. */
function readRecord(
  lines: readonly string[],
  start: number,
  headerIndent: number,
): { record: RawRecord; next: number } {
  const record: RawRecord = {
    header: lines[start] as string,
    fields: new Map(),
    extras: new Map(),
    when: null,
    openExtra: null,
  };
  let fieldIndent = -1;
  let block: 'record' | 'notification' | 'other' = 'record';
  let extrasIndent = -1;
  let i = start + 1;
  for (; i < lines.length; i++) {
    const line = lines[i] as string;
    if (RECORD_HEADER.test(line)) break;
    const indent = indentOf(line);
    const trimmed = line.trim();
    if (extrasIndent >= 0) {
      if (trimmed === '}' && indent === extrasIndent) {
        extrasIndent = -1;
        record.openExtra = null;
        continue;
      }
      const entry = indent === extrasIndent + 4 ? /^([\w.$:-]+)=(.*)$/.exec(trimmed) : null;
      if (entry) {
        record.openExtra = block === 'notification' ? (entry[1] as string) : null;
        if (record.openExtra !== null) record.extras.set(record.openExtra, [entry[2] as string]);
      } else if (record.openExtra !== null) {
        // A --noredact text with line breaks: the rest of it, at whatever indent.
        record.extras.get(record.openExtra)?.push(line);
      }
      continue;
    }
    if (trimmed === '') continue;
    if (indent <= headerIndent) break;
    if (fieldIndent < 0) fieldIndent = indent;
    if (indent === fieldIndent) {
      block = trimmed.startsWith('notification=')
        ? 'notification'
        : trimmed.startsWith('publicNotification=')
          ? 'other'
          : 'record';
      const m = /^([A-Za-z]\w*)=\s?(.*)$/.exec(trimmed);
      if (block === 'record' && m && !record.fields.has(m[1] as string))
        record.fields.set(m[1] as string, m[2] as string);
      // `uid=10290 userId=0` carries two fields on one line.
      const userId = /\buserId=(-?\d+)/.exec(trimmed);
      if (block === 'record' && userId && !record.fields.has('userId'))
        record.fields.set('userId', userId[1] as string);
      continue;
    }
    if (trimmed.startsWith('extras={')) {
      extrasIndent = indent;
      continue;
    }
    if (block === 'notification' && record.when === null) {
      const when = /^when=(-?\d+)/.exec(trimmed);
      if (when) record.when = when[1] as string;
    }
  }
  return { record, next: i };
}

/** A text extra: `String (…)` is readable, `String [length=N]` is redacted, anything else unknown. */
function readText(parts: readonly string[] | undefined): { value: string | null; redacted: boolean } {
  if (parts === undefined) return { value: null, redacted: false };
  const value = parts.join('\n');
  if (value === 'null') return { value: null, redacted: false };
  if (/^[\w.$]+ \[length=\d+\]$/.test(value)) return { value: null, redacted: true };
  const m = /^[\w.$]+ \(([\s\S]*)\)$/.exec(value);
  return { value: m ? (m[1] as string) : null, redacted: false };
}

/**
 * The key `user|pkg|id|tag|uid`, plus `|<override group>` on auto-grouped summaries (so the uid is
 * not always last); a tag may itself contain "|". The record's own uid= line says where the uid is.
 */
function splitKey(
  key: string,
  uid: string | null,
): { user: number | null; pkg: string | null; id: number | null; tag: string | null } {
  const parts = key.split('|');
  if (parts.length < 5) return { user: null, pkg: null, id: null, tag: null };
  let uidAt = parts.length - 1;
  if (uid !== null && parts.lastIndexOf(uid) >= 4) uidAt = parts.lastIndexOf(uid);
  else if (!/^\d+$/.test(parts[uidAt] as string)) uidAt = -1;
  return {
    user: toInt(parts[0]),
    pkg: nullable(parts[1]),
    id: toInt(parts[2]),
    tag: uidAt < 0 ? null : nullable(parts.slice(3, uidAt).join('|')),
  };
}

/** Regexes below scan the header; a hostile megabyte-long line is read only this far. */
const HEADER_SCAN = 8192;

function toRecordInfo(raw: RawRecord): NotificationRecordInfo | null {
  const header = raw.header.slice(0, HEADER_SCAN);
  const notifAt = header.indexOf(': Notification(');
  const notification = notifAt >= 0 ? header.slice(notifAt + 2) : '';
  const key =
    nullable(raw.fields.get('key')) ?? / key=(.+?)(?: bbbc=-?\d+)?: Notification\(/.exec(header)?.[1] ?? null;
  const uid = /^(\d+)/.exec(raw.fields.get('uid') ?? '')?.[1] ?? null;
  const fromKey = key === null ? null : splitKey(key, uid);
  // The header prints the tag whole (spaces and all) between `tag=` and ` importance=`.
  const headerTag = / tag=(.*?) importance=-?\d+ key=/.exec(header);
  const pkg = /\bpkg=(\S+)/.exec(header)?.[1] ?? fromKey?.pkg ?? null;
  if (key === null || pkg === null) return null;
  const userHandle = toInt(/\buser=UserHandle\{(-?\d+)\}/.exec(header)?.[1]);
  const channel =
    /^Notification\(channel=(.*?) shortcut=/.exec(notification) ??
    /^Notification\(channel=(\S+)/.exec(notification);
  const effective = /^NotificationChannel\{mId='(.*?)', /.exec(
    raw.fields.get('effectiveNotificationChannel') ?? '',
  );
  const groupFromRecord = /\|g:(.+)$/.exec(raw.fields.get('groupKey') ?? '')?.[1];
  const title = readText(raw.extras.get('android.title'));
  const text = readText(raw.extras.get('android.text'));
  const updated = toInt(raw.fields.get('mUpdateTimeMs'));
  return {
    key,
    pkg,
    opPkg: nullable(raw.fields.get('opPkg')),
    user: fromKey?.user ?? userHandle,
    id: toInt(/ id=(-?\d+) /.exec(header)?.[1]) ?? fromKey?.id ?? null,
    tag: headerTag ? nullable(headerTag[1]) : (fromKey?.tag ?? null),
    importance: toInt(/ importance=(-?\d+) /.exec(header)?.[1]),
    channelId: channel ? nullable(channel[1]) : effective ? nullable(effective[1]) : null,
    title: raw.openExtra === 'android.title' ? null : title.value,
    text: raw.openExtra === 'android.text' ? null : text.value,
    redacted: title.redacted || text.redacted,
    // mUpdateTimeMs is the post time of the current version; mCreationTimeMs that of the first.
    postTime: updated ?? toInt(raw.fields.get('mCreationTimeMs')),
    when: toInt(raw.when),
    flags: nullable(raw.fields.get('flags')) ?? nullable(/ flags=(\S+)/.exec(notification)?.[1]),
    group: nullable(/ groupKey=(\S+)/.exec(notification)?.[1]) ?? nullable(groupFromRecord),
  };
}

/** Parses every NotificationRecord in the dump, in the order printed. */
export function parseNotificationRecords(dump: string | Buffer): NotificationRecordInfo[] {
  const text = decodeDeviceText(dump);
  const lines = splitLines(text);
  const records: NotificationRecordInfo[] = [];
  let i = 0;
  while (i < lines.length) {
    const m = RECORD_HEADER.exec(lines[i] as string);
    if (!m) {
      i++;
      continue;
    }
    const { record, next } = readRecord(lines, i, (m[1] as string).length);
    const info = toRecordInfo(record);
    if (info) records.push(info);
    i = next;
  }
  if (records.length === 0 && !MARKERS.test(text)) {
    throw new LabError('MALFORMED_OUTPUT', 'The notification list from the phone could not be read.', {
      hint: 'Run `adb shell dumpsys notification` by hand to see what the phone prints.',
      zh: {
        message: '无法读取手机上的通知列表。',
        hint: '请手动运行 `adb shell dumpsys notification`，查看手机打印的内容。',
      },
      detail: head(text),
    });
  }
  return records;
}
