/**
 * Watches one phone's posted notifications for some packages. The first read is the baseline
 * (key -> postTime); every later read is diffed against the previous one and a record is reported
 * when its key is new or its postTime changed (an update re-posts under the same key). A record
 * counts when its pkg OR its opPkg is watched, so posts made through a vendor push proxy count.
 *
 * Event-driven by default: the phone's events buffer is followed (one logcat stream per watch) and
 * the list is read once per notification_enqueue of a watched package or a known push proxy, so
 * an idle phone runs no command at all. Where the buffer cannot be read (see `mode()` for why)
 * the list is polled: one read in flight, the next `pollMs` after the last one started, or soon
 * after it ended when reads are slower. `wake()` reads at once. Errors go to `onError` and the
 * loop goes on, slower.
 *
 * With `events` (the phone's shared stream, see events-stream) the watch opens no stream of its
 * own, and with `freshAfterPhoneMs` it may arm with no command at all: the stream's last list read
 * stands as the baseline while nothing was enqueued for the packages since. Then a record only
 * counts when it was posted at or after that phone time, so a record the stream had not yet told
 * about (posted before the send, or an earlier update of a known notification) is never taken.
 */
import type { ErrorInfo } from '../../../../shared/errors';
import type { AdbDeviceIo } from '../../adb/device-io';
import { assertPackageName } from '../../adb/quote';
import { parseNotificationList, readNotificationsText } from '../commands/capture/read-notifications';
import { probeEventsBuffer, type PollReason } from '../commands/capture/notification-events';
import { PUSH_SERVICE_PACKAGES } from '../identity/push-services';
import type { NotificationRecordInfo } from '../parsers/notification-records';
import { toErrorInfo } from '../../errors';
import { eventsMode, pollMode, type CaptureMode } from './capture-mode';
import { followNotificationEvents } from './events-trigger';
import type { PhoneEventsStream } from './events-stream';
import type { NotificationEvent } from '../parsers/notification-events';

export const DEFAULT_POLL_MS = 150;
/** Gap kept after a read that took longer than the poll interval, so a slow phone is not hammered. */
const MIN_GAP_MS = 30;
const MAX_ERROR_BACKOFF_MS = 2_000;
/**
 * NMS logs notification_enqueue in its enqueue step and adds the record to the list in a later
 * post step (after the assistant's delay on some releases): when the read after an enqueue finds
 * nothing new, it is repeated after these gaps, then the watch waits for the next enqueue.
 */
const CONFIRM_GAPS_MS = [100, 250, 500] as const;

export interface WatchNotificationsOptions {
  /** Package names whose records (as pkg or opPkg) are reported. */
  readonly packages: readonly string[];
  readonly pollMs?: number;
  /** A new or re-posted record; `seenAt` is the host time of the read that found it. */
  readonly onRecord: (record: NotificationRecordInfo, seenAt: number) => void;
  /** The baseline records of the watched packages, once, before any onRecord. */
  readonly onBaseline?: (records: readonly NotificationRecordInfo[], seenAt: number) => void;
  readonly onError?: (error: ErrorInfo) => void;
  readonly signal?: AbortSignal;
  /** Host clock (default Date.now). */
  readonly now?: () => number;
  /** Per-read deadline (default 10 s). */
  readonly readTimeoutMs?: number;
  /** 'auto' (default): follow the events buffer where it can be read, else poll. 'poll': always poll. */
  readonly trigger?: 'auto' | 'poll';
  /** An enqueue line that triggers a read arrived (host time), for latency breakdowns. */
  readonly onTrigger?: (pkg: string, at: number) => void;
  /** The phone's shared events stream: followed instead of a stream of the watch's own. */
  readonly events?: PhoneEventsStream;
  /**
   * Phone time (ms) the awaited push was sent at, less the clock offset's error. With `events`, lets
   * the watch take the stream's last list as its baseline (no read at arm); records found then count
   * only if posted at or after it.
   */
  readonly freshAfterPhoneMs?: number;
}

export interface NotificationWatch {
  /** Resolves when the baseline is taken (or the watch stopped first). */
  readonly ready: Promise<void>;
  /** Resolves when the loop has ended (after stop or abort, once any read in flight is done). */
  readonly stopped: Promise<void>;
  /** Reads now instead of at the next tick (or right after the read in flight). */
  wake(): void;
  stop(): void;
  /** Events or polling (with the reason), and the reads made so far. */
  mode(): CaptureMode;
  /** True when the baseline was the shared stream's last list (no read at arm). */
  armedFromKnown(): boolean;
}

/** True when the record belongs to one of the packages, directly or through a proxy (opPkg). */
export function recordMatches(record: NotificationRecordInfo, packages: ReadonlySet<string>): boolean {
  return packages.has(record.pkg) || (record.opPkg !== null && packages.has(record.opPkg));
}

/** Records in `current` that are new or re-posted compared with `previous` (key -> postTime). */
export function diffRecords(
  previous: ReadonlyMap<string, number | null>,
  current: readonly NotificationRecordInfo[],
): NotificationRecordInfo[] {
  return current.filter((r) => !previous.has(r.key) || previous.get(r.key) !== r.postTime);
}

/** Starts watching; stop with `stop()` or the signal. */
export function watchNotifications(io: AdbDeviceIo, options: WatchNotificationsOptions): NotificationWatch {
  const packages = new Set(options.packages.map(assertPackageName));
  if (packages.size === 0) throw new Error('watchNotifications needs at least one package.');
  const pollMs = Math.max(10, options.pollMs ?? DEFAULT_POLL_MS);
  const now = options.now ?? Date.now;
  // One package: NMS filters the dump for us (pkg or opPkg substring); several: read it whole.
  const filter = packages.size === 1 ? [...packages][0] : undefined;
  const listKey = [...packages].sort().join(' ');
  const triggers = new Set([...packages, ...PUSH_SERVICE_PACKAGES.map((s) => s.package)]);
  const shared = options.events ?? null;
  let unsubscribe: () => void = () => {};
  let fromKnown = false;
  /** Enqueue lines seen by this watch (a record without a post time is judged by its line's time). */
  const enqueued: NotificationEvent[] = [];
  let lastRecords: NotificationRecordInfo[] = [];
  let known: Map<string, number | null> | null = null;
  let lastText: string | null = null;
  let running = true;
  let inFlight = false;
  let wakeRequested = false;
  let timer: NodeJS.Timeout | null = null;
  let failures = 0;
  let reads = 0;
  let enqueues = 0;
  let confirmsLeft = 0;
  // Until the probe has decided, nothing polls; 'poll' once the buffer is known unusable.
  let polling = false;
  let pollWhy: { reason: PollReason; detail: string | null } | null = null;
  // The watch's own stream only (none with a shared stream: stopping then costs no abort).
  const streamControl = shared ? null : new AbortController();
  let markReady: () => void = () => {};
  let markStopped: () => void = () => {};
  let following: Promise<void> = Promise.resolve();
  const ready = new Promise<void>((r) => (markReady = r));
  // Stopped = the loop is done AND the events stream has closed its adb socket.
  const stopped = new Promise<void>((r) => (markStopped = r)).then(() => following);

  const schedule = (delayMs: number): void => {
    if (!running) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void poll(), delayMs);
  };

  const handle = (records: readonly NotificationRecordInfo[], seenAt: number): void => {
    const mine = records.filter((r) => recordMatches(r, packages));
    const next = new Map(mine.map((r) => [r.key, r.postTime] as const));
    if (known === null) {
      known = next;
      options.onBaseline?.(mine, seenAt);
      markReady();
      return;
    }
    const fresh = diffRecords(known, mine).filter(postedAfterSend);
    known = next;
    if (fresh.length > 0) confirmsLeft = 0;
    for (const record of fresh) {
      if (!running) return;
      try {
        options.onRecord(record, seenAt);
      } catch (error) {
        options.onError?.(toErrorInfo(error));
      }
    }
  };

  async function poll(): Promise<void> {
    timer = null;
    if (!running || inFlight) return;
    inFlight = true;
    wakeRequested = false;
    const startedAt = now();
    try {
      const readOptions = {
        timeoutMs: options.readTimeoutMs ?? 10_000,
        ...(filter === undefined ? {} : { package: filter }),
      };
      const records = await readChanged(readOptions);
      failures = 0;
      if (running && records !== null) handle(records, now());
    } catch (error) {
      failures++;
      if (running) options.onError?.(toErrorInfo(error));
    } finally {
      inFlight = false;
    }
    if (!running) return markStopped();
    const took = now() - startedAt;
    const backoff = failures > 0 ? Math.min(MAX_ERROR_BACKOFF_MS, pollMs * 2 ** failures) : 0;
    // In events mode only a wake or a failed read (the baseline must be taken) reads again.
    if (wakeRequested) schedule(0);
    else if (polling || failures > 0) schedule(Math.max(pollMs - took, MIN_GAP_MS, backoff));
    else if (confirmsLeft > 0) {
      schedule(CONFIRM_GAPS_MS[CONFIRM_GAPS_MS.length - confirmsLeft] ?? MIN_GAP_MS);
      confirmsLeft--;
    }
  }

  /** Armed from the known list: only records posted at or after the send count (see the header). */
  function postedAfterSend(record: NotificationRecordInfo): boolean {
    const after = options.freshAfterPhoneMs;
    if (!fromKnown || after === undefined) return true;
    if (record.postTime !== null) return record.postTime >= after;
    return enqueued.some(
      (e) =>
        e.timeMs !== null &&
        e.timeMs >= after &&
        e.id === record.id &&
        e.notificationTag === record.tag &&
        (e.pkg === record.pkg || e.pkg === record.opPkg),
    );
  }

  const onEnqueue = (event: NotificationEvent): void => {
    if (packages.has(event.pkg)) enqueues++;
    enqueued.push(event);
    if (enqueued.length > 100) enqueued.shift();
    options.onTrigger?.(event.pkg, now());
    confirmsLeft = CONFIRM_GAPS_MS.length;
    wake();
  };

  const fallBack = (reason: PollReason, detail: string | null): void => {
    if (!running || polling) return;
    polling = true;
    pollWhy = { reason, detail };
    unsubscribe();
    streamControl?.abort();
    if (!inFlight) schedule(0);
  };

  /** Probe, then follow the buffer from the probe's newest line, then take the baseline. */
  async function start(): Promise<void> {
    if ((options.trigger ?? 'auto') === 'poll' || !io.streamShell) {
      fallBack(options.trigger === 'poll' ? 'asked' : 'no-stream', null);
      return;
    }
    if (shared) return startShared(shared);
    inFlight = true; // stop() waits for the probe like for a read
    const probe = await probeEventsBuffer(io, options.readTimeoutMs ?? 5_000);
    inFlight = false;
    if (!running) return markStopped();
    if (!probe.readable) return fallBack(probe.reason, probe.detail);
    following = followNotificationEvents(io, {
      sincePhoneMs: probe.lastPhoneMs,
      replayed: probe.lastLine,
      packages: triggers,
      signal: (streamControl as AbortController).signal,
      onEnqueue,
      onEnd: (detail) => fallBack('stream-ended', detail),
    });
    void poll();
  }

  /** Through the phone's shared stream: its last list as the baseline when still current, else a read. */
  async function startShared(stream: PhoneEventsStream): Promise<void> {
    inFlight = true; // the first arm waits for the stream's probe
    const readiness = await stream.ready();
    inFlight = false;
    if (!running) return markStopped();
    if (!readiness.readable) return fallBack(readiness.reason, readiness.detail);
    // Subscribing and checking the known list in one synchronous step: no line falls between.
    unsubscribe = stream.subscribe({
      onEnqueue: (event) => triggers.has(event.pkg) && onEnqueue(event),
      onEnd: (detail) => fallBack('stream-ended', detail),
    });
    const list = options.freshAfterPhoneMs === undefined ? null : stream.knownRecords(listKey, triggers);
    // A phone whose records lack post times cannot be judged that way: it reads a baseline.
    if (list && list.records.every((r) => !recordMatches(r, packages) || r.postTime !== null)) {
      fromKnown = true;
      lastText = list.text;
      lastRecords = [...list.records];
      handle(list.records, now());
      return;
    }
    void poll();
  }

  function wake(): void {
    if (!running) return;
    if (inFlight) wakeRequested = true;
    else schedule(0);
  }

  /** Reads and parses; null when the dump is byte-for-byte the last one (an idle phone: no parse). */
  async function readChanged(readOptions: {
    timeoutMs: number;
    package?: string;
  }): Promise<NotificationRecordInfo[] | null> {
    reads++;
    const mark = shared && !polling ? shared.mark() : null;
    const text = await readNotificationsText(io, readOptions);
    const same = text === lastText && known !== null;
    const records = same ? lastRecords : parseNotificationList(text);
    lastText = text;
    lastRecords = records;
    if (mark && !polling) shared?.remember(listKey, records, text, mark);
    return same ? null : records;
  }

  const stop = (): void => {
    if (!running) return;
    running = false;
    unsubscribe();
    streamControl?.abort();
    if (timer) clearTimeout(timer);
    timer = null;
    markReady();
    if (!inFlight) markStopped();
  };
  if (options.signal?.aborted) stop();
  else options.signal?.addEventListener('abort', stop, { once: true });
  if (running) void start();

  return {
    ready,
    stopped,
    wake,
    stop,
    mode: () =>
      pollWhy === null
        ? eventsMode({ reads, enqueues })
        : pollMode(pollWhy.reason, pollWhy.detail, { reads, enqueues }),
    armedFromKnown: () => fromKnown,
  };
}
