/**
 * The phone's log buffers (logd's main, system, events, crash), kept per phone in a WeakMap so the
 * state type stays untouched. Events are written where a real phone writes them: ActivityManager
 * starting a process, NotificationManagerService enqueueing and cancelling posts (the events-buffer
 * tags notification_enqueue 2750, notification_cancel 2751 and notification_cancel_all 2752 of
 * frameworks/base EventLogTags.logtags, fields as there), the ROM's push service delivering, and the
 * app under test logging what a tap opened ("PushLabDemo: opened ext=…"). A following `logcat`
 * subscribes to new entries (`subscribeLog`). Line layout per AOSP liblog
 * logprint.cpp: threadtime "%s %5d %5d %c %-8s: ", epoch time "%19lld.%03ld", brief/time forms.
 * The vendor push-service tags are illustrative (each ROM logs its own way); the shape is real.
 */
import { PUSH_SERVICE_PACKAGES } from '../../../electron/lab/android/identity/push-services';
import type { NotificationRecordState } from './app-settings';
import { javaHashCode, type AppPackage, type PhoneState } from './state';

export type LogBufferName = 'main' | 'system' | 'events' | 'crash' | 'radio';
export type LogPriority = 'V' | 'D' | 'I' | 'W' | 'E' | 'F';

export interface LogEntry {
  readonly timeMs: number;
  readonly pid: number;
  readonly tid: number;
  readonly priority: LogPriority;
  readonly tag: string;
  readonly message: string;
  readonly buffer: LogBufferName;
}

/** logd keeps 256 KiB per buffer by default; a count is enough here. */
const CAPACITY = 20_000;
const LOGS = new WeakMap<PhoneState, LogEntry[]>();
const LISTENERS = new WeakMap<PhoneState, Set<(entry: LogEntry) => void>>();

/**
 * Who may read the events buffer from the shell: 'readable' as on AOSP user builds (shell is in
 * group log), 'refused' for a ROM whose logcat errors out on it, 'empty' for one whose logd hands
 * the shell nothing from it. No ROM is documented to do either (see
 * /work/shared/reference/capture-and-hosts.md); the switches let tests exercise capture's fallback.
 */
export type EventsLogAccess = 'readable' | 'refused' | 'empty';
const EVENTS_ACCESS = new WeakMap<PhoneState, EventsLogAccess>();

export function eventsLogAccess(phone: PhoneState): EventsLogAccess {
  return EVENTS_ACCESS.get(phone) ?? 'readable';
}

export function setEventsLogAccess(phone: PhoneState, access: EventsLogAccess): void {
  EVENTS_ACCESS.set(phone, access);
}

/** Calls `listener` with every entry appended from now on; returns the unsubscribe function. */
export function subscribeLog(phone: PhoneState, listener: (entry: LogEntry) => void): () => void {
  let set = LISTENERS.get(phone);
  if (!set) {
    set = new Set();
    LISTENERS.set(phone, set);
  }
  set.add(listener);
  const own = set;
  return () => void own.delete(listener);
}

/** The phone's entries, oldest first. */
export function phoneLog(phone: PhoneState): LogEntry[] {
  let log = LOGS.get(phone);
  if (!log) {
    log = [];
    LOGS.set(phone, log);
  }
  return log;
}

export interface LogInput {
  readonly pid: number;
  readonly tid?: number;
  readonly priority: LogPriority;
  readonly tag: string;
  readonly message: string;
  readonly buffer?: LogBufferName;
  readonly timeMs?: number;
}

/** Appends one entry at the phone's current time (or the time given); multi-line messages split like liblog. */
export function appendLog(phone: PhoneState, input: LogInput): void {
  const log = phoneLog(phone);
  const timeMs = input.timeMs ?? phone.clock();
  const listeners = LISTENERS.get(phone);
  for (const line of input.message.split('\n')) {
    const entry: LogEntry = {
      timeMs,
      pid: input.pid,
      tid: input.tid ?? input.pid,
      priority: input.priority,
      tag: input.tag,
      message: line,
      buffer: input.buffer ?? 'main',
    };
    log.push(entry);
    if (listeners) for (const listener of listeners) listener(entry);
  }
  if (log.length > CAPACITY) log.splice(0, log.length - CAPACITY);
}

/** `logcat -c`: empties the chosen buffers. */
export function clearLog(phone: PhoneState, buffers: ReadonlySet<LogBufferName>): void {
  const log = phoneLog(phone);
  const kept = log.filter((e) => !buffers.has(e.buffer));
  log.splice(0, log.length, ...kept);
}

/** system_server's pid: stable per phone, in the range real phones show (hundreds to ~2000). */
export function systemServerPid(phone: PhoneState): number {
  return 600 + ((javaHashCode(`system_server:${phone.profile}`) >>> 0) % 1400);
}

function userName(uid: number): string {
  return uid >= 10_000 ? `u0a${uid - 10_000}` : String(uid);
}

/**
 * The boot milestones every phone logs to the events buffer (boot_progress_* of
 * frameworks/base EventLogTags, value = uptime in ms), so the buffer is never empty on a booted phone.
 */
export function logBoot(phone: PhoneState): void {
  const steps: ReadonlyArray<[string, number, number]> = [
    ['boot_progress_start', 5_321, 400],
    ['boot_progress_preload_start', 6_102, 400],
    ['boot_progress_system_run', 9_870, systemServerPid(phone)],
    ['boot_progress_pms_start', 10_211, systemServerPid(phone)],
    ['boot_progress_ams_ready', 16_484, systemServerPid(phone)],
    ['boot_progress_enable_screen', 21_935, systemServerPid(phone)],
  ];
  for (const [tag, uptime, pid] of steps)
    appendLog(phone, {
      pid,
      priority: 'I',
      tag,
      message: String(uptime),
      buffer: 'events',
      timeMs: phone.bootEpoch + uptime,
    });
}

/** ActivityManager's "Start proc" line (the layout changed in Android 10). */
export function logAppStart(phone: PhoneState, app: AppPackage, pid: number, activity: string): void {
  const component = `{${app.name}/${activity}}`;
  appendLog(phone, {
    pid: systemServerPid(phone),
    tid: systemServerPid(phone) + 23,
    priority: 'I',
    tag: 'am_proc_start',
    message: `[0,${pid},${app.uid},${app.name},activity,${app.name}/${activity}]`,
    buffer: 'events',
  });
  const why = phone.sdk >= 29 ? `pre-top-activity ${component}` : `activity ${app.name}/${activity}`;
  appendLog(phone, {
    pid: systemServerPid(phone),
    tid: systemServerPid(phone) + 23,
    priority: 'I',
    tag: 'ActivityManager',
    message: `Start proc ${pid}:${app.name}/${userName(app.uid)} for ${why}`,
    buffer: 'system',
  });
}

/** The activity start a notification's PendingIntent makes (ActivityTaskManager from Android 10). */
export function logActivityStart(phone: PhoneState, app: AppPackage, activity: string): void {
  const tag = phone.sdk >= 29 ? 'ActivityTaskManager' : 'ActivityManager';
  appendLog(phone, {
    pid: systemServerPid(phone),
    tid: systemServerPid(phone) + 41,
    priority: 'I',
    tag,
    message: `START u0 {flg=0x10000000 cmp=${app.name}/${activity} (has extras)} from uid ${app.uid}`,
    buffer: 'system',
  });
}

/** The ROM's push service that delivers for this phone: the first known one running. */
function runningPushService(phone: PhoneState): { pkg: string; pid: number; tag: string } | null {
  const TAGS: Readonly<Record<string, string>> = {
    xiaomi: 'XMPushService',
    huawei: 'HmsPushService',
    honor: 'HonorPushService',
    oppo: 'McsPushService',
    vivo: 'VivoPushService',
    meizu: 'MzPushService',
    fcm: 'FirebaseMessaging',
  };
  const own = PUSH_SERVICE_PACKAGES.filter((s) => s.channel !== 'fcm').concat(
    PUSH_SERVICE_PACKAGES.filter((s) => s.channel === 'fcm'),
  );
  for (const s of own) {
    const pid = phone.processes.get(s.package);
    if (pid !== undefined) return { pkg: s.package, pid, tag: TAGS[s.channel] ?? 'PushService' };
  }
  return null;
}

/** A post went up: the push service delivered it and NMS enqueued it. */
export function logNotificationPosted(
  phone: PhoneState,
  app: AppPackage,
  record: NotificationRecordState,
): void {
  const service = runningPushService(phone);
  if (service) {
    appendLog(phone, {
      pid: service.pid,
      tid: service.pid + 9,
      priority: 'I',
      tag: service.tag,
      message: `deliver notification to ${app.name} id=${record.id} channel=${record.channelId}`,
    });
  }
  const flags = '0x10';
  // uid and pid of the caller: the push service's process when it posted for the app.
  const callerPid = service?.pid ?? phone.processes.get(app.name) ?? systemServerPid(phone);
  const notification =
    `Notification(channel=${record.channelId} shortcut=null contentView=null vibrate=null sound=null` +
    ` defaults=0x0 flags=${flags} color=0x00000000 vis=PRIVATE)`;
  // status 0 = new; Android 15 added app_provided (1: the app posted it itself).
  const tail = phone.sdk >= 35 ? '0,1' : '0';
  appendLog(phone, {
    pid: systemServerPid(phone),
    tid: systemServerPid(phone) + 7,
    priority: 'I',
    tag: 'notification_enqueue',
    message: `[${app.uid},${callerPid},${app.name},${record.id},NULL,0,${notification},${tail}]`,
    buffer: 'events',
  });
}

/** NotificationListenerService.REASON_* values NMS logs with a cancel. */
export const CANCEL_REASON = {
  click: 1,
  swipe: 2,
  packageChanged: 5,
  packageBanned: 7,
  appCancel: 8,
  channelBanned: 17,
} as const;

/** One record cancelled (notification_cancel: uid, pid, pkg, id, tag, userid, flags, reason, listener). */
export function logNotificationCancelled(
  phone: PhoneState,
  app: AppPackage,
  record: NotificationRecordState,
  reason: number,
): void {
  const pid = systemServerPid(phone);
  appendLog(phone, {
    pid,
    tid: pid + 7,
    priority: 'I',
    tag: 'notification_cancel',
    message: `[${app.uid},${pid},${app.name},${record.id},NULL,0,0,0,${reason},NULL]`,
    buffer: 'events',
  });
}

/** All of a package's records cancelled (notification_cancel_all: uid, pid, pkg, userid, flags, reason, listener). */
export function logNotificationsCancelledAll(phone: PhoneState, app: AppPackage, reason: number): void {
  const pid = systemServerPid(phone);
  appendLog(phone, {
    pid,
    tid: pid + 7,
    priority: 'I',
    tag: 'notification_cancel_all',
    message: `[${app.uid},${pid},${app.name},0,0,0,${reason},NULL]`,
    buffer: 'events',
  });
}

/** The app under test says what the tap opened (the demo app logs its launch extras). */
export function logAppOpened(phone: PhoneState, app: AppPackage, ext: string | undefined): void {
  const pid = phone.processes.get(app.name);
  if (pid === undefined) return;
  appendLog(phone, { pid, priority: 'I', tag: 'PushLabDemo', message: `opened ext=${ext ?? ''}` });
}

// ---- formatting ----

export interface LogFormat {
  readonly layout: 'threadtime' | 'brief' | 'time';
  readonly epoch: boolean;
  readonly year: boolean;
  readonly usec: boolean;
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** The time column: epoch seconds, or [YYYY-]MM-DD hh:mm:ss (the virtual phone keeps UTC). */
export function formatLogTime(timeMs: number, format: LogFormat): string {
  const sec = Math.floor(timeMs / 1000);
  const frac = format.usec
    ? `${String(timeMs % 1000).padStart(3, '0')}000`
    : String(timeMs % 1000).padStart(3, '0');
  if (format.epoch) return `${String(sec).padStart(19)}.${frac}`;
  const d = new Date(sec * 1000);
  const date = `${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return `${format.year ? `${d.getUTCFullYear()}-` : ''}${date}.${frac}`;
}

export function formatLogEntry(e: LogEntry, format: LogFormat): string {
  const pid = String(e.pid).padStart(5);
  switch (format.layout) {
    case 'brief':
      return `${e.priority}/${e.tag.padEnd(8)}(${pid}): ${e.message}`;
    case 'time':
      return `${formatLogTime(e.timeMs, format)} ${e.priority}/${e.tag.padEnd(8)}(${pid}): ${e.message}`;
    default:
      return `${formatLogTime(e.timeMs, format)} ${pid} ${String(e.tid).padStart(5)} ${e.priority} ${e.tag.padEnd(8)}: ${e.message}`;
  }
}

/** How many readers follow the phone's log right now (a closed adb stream leaves none). */
export function logFollowers(phone: PhoneState): number {
  return LISTENERS.get(phone)?.size ?? 0;
}
