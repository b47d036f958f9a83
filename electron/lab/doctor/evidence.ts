/**
 * Evidence: the phone's own line(s) behind a verdict, trimmed to what a report row can show.
 * Volatile parts (times since an access) are cut, so an unchanged setting reads the same next
 * time and does not show up as drift.
 */
export const MAX_EVIDENCE = 300;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Lines trimmed, empty ones dropped, joined and clipped to MAX_EVIDENCE characters. */
export function clip(lines: string | ReadonlyArray<string | null | undefined>): string {
  const list = typeof lines === 'string' ? lines.split('\n') : lines;
  const text = list
    .filter((l): l is string => typeof l === 'string')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
  return text.length > MAX_EVIDENCE ? `${text.slice(0, MAX_EVIDENCE - 1)}…` : text;
}

/** The first line of `text` that matches, or null. */
export function lineMatching(text: string, pattern: RegExp): string | null {
  for (const line of text.split('\n')) if (pattern.test(line)) return line.trim();
  return null;
}

/** An app-op line as the parser kept it, without the access times that change on every read. */
export function opLine(raw: string): string {
  return raw.replace(/;.*$/s, '').trim();
}

/** The `AppSettings: <pkg> (<uid>)` line of user 0 and its NotificationChannel lines. */
export function appSettingsBlock(
  text: string,
  pkg: string,
): { readonly header: string | null; readonly lines: readonly string[] } {
  const lines = text.split('\n');
  const header = new RegExp(`^(\\s*)AppSettings: ${escapeRegExp(pkg)} \\((\\d+)\\)`);
  let fallback: { header: string; lines: string[] } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const m = header.exec(lines[i] as string);
    if (!m) continue;
    const indent = (m[1] as string).length;
    const block: string[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j] as string;
      if (next.trim() === '' || next.length - next.trimStart().length <= indent) break;
      block.push(next);
    }
    const found = { header: (lines[i] as string).trim(), lines: block };
    // uids of user 0 are below 100000 (UserHandle.PER_USER_RANGE); other users' copies come later.
    if (Number(m[2]) < 100_000) return found;
    fallback ??= found;
  }
  return fallback ?? { header: null, lines: [] };
}

/** Channel fields that decide how (and whether) a push shows; the rest of the line is noise. */
const CHANNEL_FIELDS = [
  'mId',
  'mName',
  'mImportance',
  'mBypassDnd',
  'mLockscreenVisibility',
  'mSound',
  'mVibrationEnabled',
  'mDeleted',
];

/** A NotificationChannel line cut down to CHANNEL_FIELDS, in the phone's own words. */
export function compactChannelLine(line: string): string {
  const fields = CHANNEL_FIELDS.map((f) => new RegExp(`\\b${f}=('[^']*'|[^,}]*)`).exec(line)?.[0]).filter(
    (f): f is string => f !== undefined,
  );
  return fields.length > 0 ? `NotificationChannel{${fields.join(', ')}}` : line.trim();
}

/** The `NotificationChannel{mId='<id>', …}` line of one channel in an AppSettings block, compacted. */
export function channelLine(block: readonly string[], channelId: string): string | null {
  const needle = `NotificationChannel{mId='${channelId}'`;
  const line = block.find((l) => l.includes(needle));
  return line === undefined ? null : compactChannelLine(line);
}

/** The lines of a `Package [<pkg>]` block that hold `field=` (e.g. "versionCode=", "User 0:"). */
export function packageLines(text: string, pkg: string, patterns: readonly RegExp[]): string[] {
  const start = text.indexOf(`Package [${pkg}] (`);
  if (start < 0) return [];
  const block = text
    .slice(start, start + 20_000)
    .split('\n')
    .slice(1);
  const found: string[] = [];
  for (const pattern of patterns) {
    const line = block.find((l) => pattern.test(l));
    if (line !== undefined) found.push(line.trim());
  }
  return found;
}
