/**
 * `dumpsys notification [--noredact]`: an app's notification settings (PackagePreferences) and
 * Do Not Disturb. Shapes follow AOSP PreferencesHelper.dumpPackagePreferencesLocked and
 * ZenModeHelper.dump (Android 8–16), checked on a Pixel (Android 16) and a Xiaomi Pad (HyperOS 2):
 *   `AppSettings: <pkg> (<uid>) importance=NONE userSet=true showBadge=false`
 *   `  NotificationChannel{mId='<id>', mName=<name>, mDescription=…, mImportance=4, …}`
 * Android 13+ prints the app-level importance from the POST_NOTIFICATIONS grant (DEFAULT or
 * NONE) and only for apps with that permission state; fields equal to their default are omitted.
 * Records (the Notification List) are read by ./notification-records.
 */
import { LabError } from '../../errors';
import { decodeDeviceText, splitLines } from './decode';
import { head, indentOf, nullable, parseImportance, toBool, toInt } from './dump-fields';

export { parseNotificationRecords, type NotificationRecordInfo } from './notification-records';

export interface ChannelInfo {
  readonly id: string;
  /** null when unreadable, including a name the redacted dump cut to three letters ("Sel..."). */
  readonly name: string | null;
  readonly importance: number | null;
  readonly sound: string | null;
  readonly vibration: boolean | null;
  readonly lockscreenVisibility: number | null;
  readonly bypassDnd: boolean | null;
  readonly deleted: boolean | null;
  readonly group: string | null;
}

export interface AppNotificationSettings {
  readonly package: string;
  readonly uid: number | null;
  /** app-level importance; 0 (NONE) = notifications blocked for the whole app */
  readonly importance: number | null;
  readonly blocked: boolean | null;
  readonly showBadge: boolean | null;
  readonly channels: readonly ChannelInfo[];
}

export interface ZenInfo {
  readonly mode: 'off' | 'important' | 'no-interruptions' | 'alarms' | null;
  readonly raw: string | null;
}

const APP_SETTINGS = /^(\s*)AppSettings: (\S+) \((\d+|UNKNOWN_UID)\)(.*)$/;
const CHANNEL_LINE = /^\s*NotificationChannel\{(.*)$/;
/** Field starts inside NotificationChannel.toString(): `mFoo=` at the start or after ", ". */
const CHANNEL_FIELD = /(?:^|, )(m[A-Z][A-Za-z]*)=/g;
/** Any line that proves the text is a notification dump, even with no AppSettings at all. */
const NOTIFICATION_MARKERS =
  /^(?:[ \t]*(?:Current Notification Manager state:|Notification List:|Ranking Config:|Notification Preferences:)|PackagePreferences:)/m;
/** Users beyond 0 have uids of 100000 and up; user 0's entry is the one the doctor checks. */
const PER_USER_RANGE = 100_000;

/** The fields of one `NotificationChannel{…}` line; a line cut off mid-way loses its last field. */
function channelFields(body: string): Map<string, string> {
  const closed = body.endsWith('}');
  const text = closed ? body.slice(0, -1) : body;
  const starts = [...text.matchAll(CHANNEL_FIELD)];
  const fields = new Map<string, string>();
  starts.forEach((m, i) => {
    const valueStart = (m.index ?? 0) + m[0].length;
    const next = starts[i + 1];
    // The last field of a truncated line may itself be cut: not trusted.
    if (next === undefined && !closed) return;
    fields.set(m[1] as string, text.slice(valueStart, next?.index ?? text.length));
  });
  return fields;
}

function unquote(value: string | undefined): string | null {
  if (value === undefined) return null;
  const m = /^'(.*)'$/s.exec(value);
  return nullable(m ? (m[1] as string) : value);
}

/** trimToLengthWithEllipsis(name, 3), which the default (redacted) dump applies to channel names. */
const REDACTED_NAME = /^[\s\S]{3}\.\.\.$/u;

/**
 * Whether channel names in this dump are redacted. Records' extras say so directly
 * (`String [length=N]`); otherwise any channel name longer than the three-letter cut proves the
 * dump was taken with --noredact.
 */
function namesRedacted(text: string): boolean {
  if (/^[ \t]*android\.(?:title|text)=\S+ \[length=\d+\]$/m.test(text)) return true;
  let cut = 0;
  for (const m of text.matchAll(
    /^[ \t]*NotificationChannel\{mId='[^'\n]*', mName=([^\n]*?), mDescription=/gm,
  )) {
    const name = m[1] as string;
    if (REDACTED_NAME.test(name)) cut++;
    else if ([...name].length > 3) return false;
  }
  return cut > 0;
}

/** Full channel names the records print even in a redacted dump (effectiveNotificationChannel). */
function namesFromRecords(lines: readonly string[], pkg: string): Map<string, string> {
  const names = new Map<string, string>();
  let recordPkg: string | null = null;
  for (const line of lines) {
    const header = /^\s*NotificationRecord\(.*?\bpkg=(\S+)/.exec(line);
    if (header) recordPkg = header[1] as string;
    if (recordPkg !== pkg) continue;
    const m =
      /^\s*effectiveNotificationChannel=NotificationChannel\{mId='([^']*)', mName=(.*?), mDescription=/.exec(
        line,
      );
    if (m && !REDACTED_NAME.test(m[2] as string)) names.set(m[1] as string, m[2] as string);
  }
  return names;
}

function parseChannel(
  line: string,
  redacted: () => boolean,
  recordNames: () => ReadonlyMap<string, string>,
): ChannelInfo | null {
  const body = CHANNEL_LINE.exec(line)?.[1];
  if (body === undefined) return null;
  const f = channelFields(body);
  const id = unquote(f.get('mId'));
  if (id === null) return null;
  const printed = f.get('mName');
  let name: string | null = printed === undefined ? null : nullable(printed);
  if (name !== null && REDACTED_NAME.test(name) && redacted()) name = recordNames().get(id) ?? null;
  return {
    id,
    name,
    importance: parseImportance(f.get('mImportance')),
    sound: nullable(f.get('mSound')),
    vibration: toBool(f.get('mVibrationEnabled')),
    lockscreenVisibility: toInt(f.get('mLockscreenVisibility')),
    bypassDnd: toBool(f.get('mBypassDnd')),
    deleted: toBool(f.get('mDeleted')),
    group: unquote(f.get('mGroup')),
  };
}

interface Entry {
  readonly index: number;
  readonly indent: number;
  readonly uid: number | null;
  readonly rest: string;
}

function findEntries(lines: readonly string[], pkg: string): Entry[] {
  const entries: Entry[] = [];
  lines.forEach((line, index) => {
    const m = line.includes(pkg) ? APP_SETTINGS.exec(line) : null;
    if (m && m[2] === pkg)
      entries.push({ index, indent: (m[1] as string).length, uid: toInt(m[3]), rest: m[4] as string });
  });
  return entries;
}

/** Parses the app's `AppSettings` entry; null when the dump has none for this package. */
export function parseNotificationPreferences(
  dump: string | Buffer,
  pkg: string,
): AppNotificationSettings | null {
  const text = decodeDeviceText(dump);
  const lines = splitLines(text);
  const entries = findEntries(lines, pkg);
  if (entries.length === 0) {
    if (NOTIFICATION_MARKERS.test(text) || /^[ \t]*AppSettings: /m.test(text)) return null;
    throw new LabError('MALFORMED_OUTPUT', 'The notification settings from the phone could not be read.', {
      hint: 'Run `adb shell dumpsys notification` by hand to see what the phone prints.',
      zh: {
        message: '无法读取手机上的通知设置。',
        hint: '请手动运行 `adb shell dumpsys notification`，查看手机打印的内容。',
      },
      detail: head(text),
    });
  }
  const entry = entries.find((e) => e.uid !== null && e.uid < PER_USER_RANGE) ?? (entries[0] as Entry);
  // A header that is the very last, unterminated line may be cut: its omitted fields prove nothing.
  const cut = entry.index === lines.length - 1 && !text.endsWith('\n');
  const importance = parseImportance(/\bimportance=(\S+)/.exec(entry.rest)?.[1]);
  const badge = /\bshowBadge=(true|false)\b/.exec(entry.rest)?.[1];
  // Both scan the whole dump, so only when a name looks cut, and only once.
  let redacted: boolean | undefined;
  let recordNames: Map<string, string> | undefined;
  const isRedacted = () => (redacted ??= namesRedacted(text));
  const namesSeen = () => (recordNames ??= namesFromRecords(lines, pkg));
  const channels: ChannelInfo[] = [];
  for (let i = entry.index + 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    if (indentOf(line) <= entry.indent) break;
    const channel = parseChannel(line, isRedacted, namesSeen);
    if (channel) channels.push(channel);
  }
  return {
    package: pkg,
    uid: entry.uid,
    importance,
    blocked: importance === null ? null : importance === 0,
    // showBadge is printed only when it differs from the default (true).
    showBadge: badge !== undefined ? badge === 'true' : cut ? null : true,
    channels,
  };
}

const ZEN_NAMES: Readonly<Record<string, ZenInfo['mode']>> = {
  ZEN_MODE_OFF: 'off',
  ZEN_MODE_IMPORTANT_INTERRUPTIONS: 'important',
  ZEN_MODE_NO_INTERRUPTIONS: 'no-interruptions',
  ZEN_MODE_ALARMS: 'alarms',
};
/** Settings.Global.ZEN_MODE values, as `settings get global zen_mode` prints them. */
const ZEN_NUMBERS: readonly ZenInfo['mode'][] = ['off', 'important', 'no-interruptions', 'alarms'];
/** NotificationManager.INTERRUPTION_FILTER_* (1 all … 4 alarms), the fallback when mZenMode is absent. */
const FILTER_NUMBERS: Readonly<Record<string, ZenInfo['mode']>> = {
  '1': 'off',
  '2': 'important',
  '3': 'no-interruptions',
  '4': 'alarms',
};

/** Reads Do Not Disturb from `dumpsys notification` (the Zen Mode section) or a bare zen_mode value. */
export function parseZenMode(dump: string | Buffer): ZenInfo {
  const text = decodeDeviceText(dump);
  const bare = /^\s*([0-3])\s*$/.exec(text);
  if (bare) return { mode: ZEN_NUMBERS[Number(bare[1])] ?? null, raw: bare[1] as string };
  const zen = /^[ \t]*mZenMode=(\S+)[ \t]*$/m.exec(text)?.[1];
  if (zen !== undefined) {
    const numeric = toInt(zen);
    const mode = numeric === null ? (ZEN_NAMES[zen] ?? null) : (ZEN_NUMBERS[numeric] ?? null);
    return { mode, raw: zen };
  }
  const filter = /^[ \t]*mInterruptionFilter=(\S+)[ \t]*$/m.exec(text)?.[1];
  if (filter !== undefined)
    return { mode: FILTER_NUMBERS[filter] ?? null, raw: `mInterruptionFilter=${filter}` };
  return { mode: null, raw: null };
}
