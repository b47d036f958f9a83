/**
 * NotificationManagerService's lines in the events buffer (`logcat -b events`). Tags and fields as
 * frameworks/base services/core/java/com/android/server/EventLogTags.logtags defines them:
 *   2750 notification_enqueue    uid, pid, pkg, id, tag, userid, notification, status[, app_provided]
 *   2751 notification_cancel     uid, pid, pkg, id, tag, userid, required_flags, forbidden_flags, reason, listener
 *   2752 notification_cancel_all uid, pid, pkg, userid, required_flags, forbidden_flags, reason, listener
 * (`app_provided` only in Android 15-era trees; pre-Lollipop trees start at pkg and have no uid/pid.)
 * logcat prints binary events as "[v1,v2,…]" with strings unquoted, so `Notification(…)` (its
 * toString, with commas inside) is skipped: six fields are read from the left and the status from
 * the right. Some OEM builds append their own text to that field ("… N = 3"); it stays skipped.
 */
import { parseLogcatLine, type ParseLogcatOptions } from './logcat-epoch';

export const NOTIFICATION_EVENT_TAGS = [
  'notification_enqueue',
  'notification_cancel',
  'notification_cancel_all',
] as const;
export type NotificationEventTag = (typeof NOTIFICATION_EVENT_TAGS)[number];

export interface NotificationEvent {
  readonly tag: NotificationEventTag;
  /** Phone epoch ms of the line (null for dated lines without year/zone). */
  readonly timeMs: number | null;
  /** Calling uid and pid (null on pre-Lollipop layouts). */
  readonly uid: number | null;
  readonly pid: number | null;
  readonly pkg: string;
  /** Notification id (null for cancel_all). */
  readonly id: number | null;
  /** Notification tag (logcat prints a Java null as NULL). */
  readonly notificationTag: string | null;
  readonly userId: number | null;
  /** enqueue: 0 new, 1 update, 2 ignored; null when the layout has none. */
  readonly status: number | null;
  /** cancel / cancel_all: NotificationListenerService.REASON_* (1 click, 2 swipe, 8 app cancel…). */
  readonly reason: number | null;
  readonly raw: string;
}

const PACKAGE = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)+$/;
const INT = /^-?\d+$/;

function int(value: string | undefined): number | null {
  return value !== undefined && INT.test(value) ? Number(value) : null;
}

function text(value: string | undefined): string | null {
  return value === undefined || value === 'NULL' ? null : value;
}

function isTag(tag: string): tag is NotificationEventTag {
  return (NOTIFICATION_EVENT_TAGS as readonly string[]).includes(tag);
}

/** The enqueue status from the right: `…,status` or `…,status,app_provided`. */
function enqueueStatus(rest: readonly string[]): number | null {
  const last = rest[rest.length - 1];
  const before = rest[rest.length - 2];
  if (rest.length >= 3 && int(last) !== null && int(before) !== null) return int(before);
  return rest.length >= 2 ? int(last) : null;
}

function fromFields(
  tag: NotificationEventTag,
  f: readonly string[],
  closed: boolean,
): Omit<NotificationEvent, 'timeMs' | 'raw'> | null {
  // Lollipop and later start with uid,pid; older trees start with the package.
  const modern = int(f[0]) !== null && int(f[1]) !== null;
  const at = modern ? 2 : 0;
  const pkg = f[at];
  // On a line cut short the last field may be a cut package name: never trusted.
  if (pkg === undefined || !PACKAGE.test(pkg) || (!closed && f.length <= at + 1)) return null;
  const base = { tag, uid: modern ? int(f[0]) : null, pid: modern ? int(f[1]) : null, pkg };
  if (tag === 'notification_cancel_all')
    return {
      ...base,
      id: null,
      notificationTag: null,
      userId: int(f[at + 1]),
      status: null,
      reason: modern ? int(f[at + 4]) : null,
    };
  const common = { ...base, id: int(f[at + 1]), notificationTag: text(f[at + 2]), userId: int(f[at + 3]) };
  if (tag === 'notification_cancel')
    return { ...common, status: null, reason: modern ? int(f[at + 6]) : null };
  return { ...common, status: modern ? enqueueStatus(f.slice(at + 4)) : null, reason: null };
}

/** One log line, or null when it is not one of NMS's notification events. */
export function parseNotificationEventLine(
  line: string,
  options: ParseLogcatOptions = {},
): NotificationEvent | null {
  const parsed = parseLogcatLine(line.replace(/\r$/, ''), options);
  if (!parsed || !isTag(parsed.tag)) return null;
  const body = parsed.message.trim();
  if (!body.startsWith('[')) return null;
  // A line cut short loses its "]": the left-hand fields are still good.
  const closed = body.endsWith(']');
  const event = fromFields(parsed.tag, (closed ? body.slice(1, -1) : body.slice(1)).split(','), closed);
  return event ? { ...event, timeMs: parsed.timeMs, raw: parsed.raw } : null;
}

/** Every notification event in a chunk of logcat output (other lines ignored). */
export function parseNotificationEvents(text: string, options: ParseLogcatOptions = {}): NotificationEvent[] {
  const out: NotificationEvent[] = [];
  for (const line of text.split('\n')) {
    const event = parseNotificationEventLine(line, options);
    if (event) out.push(event);
  }
  return out;
}
