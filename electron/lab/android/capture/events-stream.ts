/**
 * One long-lived events-buffer stream per watched phone, shared by the attempts run on it, so that
 * arming a watch costs no adb command: the buffer is probed once, followed from then on, and the
 * phone's last notification list read is kept with the enqueue count at the time of that read.
 * A watch may take that list as its baseline while no enqueue of its packages has been seen since
 * (and the stream never broke since): nothing was posted for them in between, so the list is what a
 * fresh read would give (records of lines still in flight are excluded by post time, see
 * notification-watcher).
 *
 * Lifetime: started by the first `ready()` (the first arm, or a run's phone loop), kept across
 * attempts, closed by `close()` (the phone's run loop ends) or, unless held by a run, after
 * `lingerMs` with no watch subscribed (a caller that never closes leaks nothing). A stream that
 * ends by itself is restarted after a backoff, from the phone time of its last line, so no enqueue
 * is lost; watches subscribed when it broke poll instead
 * ('stream-ended'), as before. An unreadable buffer (refused, empty, old logcat) is remembered for
 * the stream's life; a failed probe (timeout) is tried again on a later arm.
 */
import type { AdbDeviceIo } from '../../adb/device-io';
import { probeEventsBuffer, type PollReason } from '../commands/capture/notification-events';
import type { NotificationEvent } from '../parsers/notification-events';
import type { NotificationRecordInfo } from '../parsers/notification-records';
import { followNotificationEvents } from './events-trigger';

export type EventsReadiness =
  | { readonly readable: true }
  | { readonly readable: false; readonly reason: PollReason; readonly detail: string | null };

export interface EventsListener {
  readonly onEnqueue: (event: NotificationEvent) => void;
  /** The stream broke while this listener was subscribed (it is restarted for later watches). */
  readonly onEnd: (detail: string | null) => void;
}

/** A notification list read while the stream was following, and what had been seen by then. */
interface KnownList {
  readonly records: readonly NotificationRecordInfo[];
  readonly text: string;
  /** Enqueue lines seen when the read started. */
  readonly seq: number;
  readonly generation: number;
}

export interface KnownRecords {
  readonly records: readonly NotificationRecordInfo[];
  /** The dump text the records came from (a later identical dump needs no parse). */
  readonly text: string;
}

export interface EventsStreamOptions {
  /** Probe deadline (default 5 s). */
  readonly probeTimeoutMs?: number;
  /** Close after this long with no watch subscribed (default 60 s). */
  readonly lingerMs?: number;
  /** Restart delays after the stream ends by itself; the last one repeats. */
  readonly backoffMs?: readonly number[];
}

const DEFAULT_BACKOFF_MS = [250, 1_000, 2_000, 5_000] as const;
/** A stream that stayed up this long starts its backoff over when it ends. */
const HEALTHY_MS = 10_000;
/** Consecutive quick ends, with no watch subscribed, after which the stream closes instead. */
const GIVE_UP_AFTER = 4;
/** Probe failures that are not about the buffer itself: tried again on a later arm. */
const TRANSIENT: ReadonlySet<PollReason> = new Set(['probe-failed']);

export class PhoneEventsStream {
  private state: 'idle' | 'probing' | 'following' | 'down' | 'unreadable' | 'closed' = 'idle';
  private unreadable: EventsReadiness | null = null;
  private starting: Promise<EventsReadiness> | null = null;
  private control: AbortController | null = null;
  private following: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<EventsListener>();
  /** Phone time and text of the newest line seen: a restart follows from there. */
  private lastPhoneMs = 0;
  private lastLine: string | undefined;
  /** Enqueue lines seen, total and per package (the number at each package's last line). */
  private seq = 0;
  private readonly lastSeqOf = new Map<string, number>();
  /** Bumped whenever the stream breaks: lists known from before are no longer trusted. */
  private generation = 0;
  private readonly known = new Map<string, KnownList>();
  private restartTimer: NodeJS.Timeout | null = null;
  private lingerTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private upSince = 0;
  /** A run's phone loop owns it: no linger, closed when the loop ends. */
  private held = false;
  /** Streams opened so far (the first and every restart), for tests and the bench. */
  public starts = 0;

  public constructor(
    private readonly io: AdbDeviceIo,
    private readonly options: EventsStreamOptions = {},
  ) {}

  /** Starts following on the first call; resolves once it follows or is known unusable. */
  public ready(): Promise<EventsReadiness> {
    this.clearLinger();
    if (this.state === 'closed') this.state = 'idle';
    if (this.state === 'following') return Promise.resolve({ readable: true });
    if (this.state === 'down') {
      // An arm while a restart waits: restart now (following from the last line loses nothing).
      this.openStream();
      return Promise.resolve({ readable: true });
    }
    if (this.state === 'unreadable' && this.unreadable) return Promise.resolve(this.unreadable);
    if (this.starting) return this.starting;
    this.starting = this.probe().finally(() => (this.starting = null));
    return this.starting;
  }

  public subscribe(listener: EventsListener): () => void {
    this.clearLinger();
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.scheduleLinger();
    };
  }

  /** Kept (no linger) until `close()`: a run's phone loop holds its phone's stream. */
  public hold(): void {
    this.held = true;
    this.clearLinger();
  }

  /** True while the stream follows the buffer (no restart pending). */
  public isFollowing(): boolean {
    return this.state === 'following';
  }

  /** Enqueue lines seen so far (a read taken now is current up to this count). */
  public mark(): { seq: number; generation: number } {
    return { seq: this.seq, generation: this.generation };
  }

  /** Keeps a list read (for `filter`) that started at `mark`, if the stream followed meanwhile. */
  public remember(
    filter: string,
    records: readonly NotificationRecordInfo[],
    text: string,
    mark: { seq: number; generation: number },
  ): void {
    if (this.state !== 'following' || mark.generation !== this.generation) return;
    const previous = this.known.get(filter);
    if (previous && previous.seq > mark.seq && previous.generation === this.generation) return;
    this.known.set(filter, { records, text, seq: mark.seq, generation: mark.generation });
  }

  /**
   * The last list read for `filter`, if it is still current: the stream has followed without a
   * break since that read began and no enqueue of `triggers` has been seen since. Else null.
   */
  public knownRecords(filter: string, triggers: ReadonlySet<string>): KnownRecords | null {
    const list = this.known.get(filter);
    if (!list || this.state !== 'following' || list.generation !== this.generation) return null;
    for (const pkg of triggers) if ((this.lastSeqOf.get(pkg) ?? 0) > list.seq) return null;
    return { records: list.records, text: list.text };
  }

  /** Stops following and forgets what it knew; resolves once the adb stream has closed. */
  public async close(): Promise<void> {
    this.state = 'closed';
    this.held = false;
    this.unreadable = null;
    // A watch still subscribed must not wait on a closed stream: it polls from here on.
    for (const listener of [...this.listeners]) listener.onEnd('the events stream was closed');
    this.listeners.clear();
    this.clearLinger();
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    this.control?.abort();
    this.control = null;
    this.generation++;
    this.known.clear();
    this.failures = 0;
    await this.following;
  }

  private async probe(): Promise<EventsReadiness> {
    this.state = 'probing';
    const probe = await probeEventsBuffer(this.io, this.options.probeTimeoutMs ?? 5_000);
    if (this.state !== 'probing') return { readable: false, reason: 'probe-failed', detail: 'closed' };
    if (!probe.readable) {
      const verdict: EventsReadiness = { readable: false, reason: probe.reason, detail: probe.detail };
      this.state = TRANSIENT.has(probe.reason) ? 'idle' : 'unreadable';
      this.unreadable = this.state === 'unreadable' ? verdict : null;
      if (this.listeners.size === 0) this.scheduleLinger();
      return verdict;
    }
    this.lastPhoneMs = probe.lastPhoneMs;
    this.lastLine = probe.lastLine;
    this.openStream();
    return { readable: true };
  }

  private openStream(): void {
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    this.state = 'following';
    this.starts++;
    this.upSince = Date.now();
    const control = new AbortController();
    this.control = control;
    this.following = followNotificationEvents(this.io, {
      sincePhoneMs: this.lastPhoneMs,
      ...(this.lastLine === undefined ? {} : { replayed: this.lastLine }),
      signal: control.signal,
      onEvent: (event) => this.onEvent(event),
      onEnqueue: () => {},
      onEnd: (detail) => this.onEnd(control, detail),
    });
  }

  private onEvent(event: NotificationEvent): void {
    if (event.timeMs !== null && event.timeMs >= this.lastPhoneMs) {
      this.lastPhoneMs = event.timeMs;
      this.lastLine = event.raw.trim();
    }
    if (event.tag !== 'notification_enqueue') return;
    this.seq++;
    this.lastSeqOf.set(event.pkg, this.seq);
    for (const listener of [...this.listeners]) listener.onEnqueue(event);
  }

  private onEnd(control: AbortController, detail: string | null): void {
    if (control !== this.control || this.state !== 'following') return;
    this.state = 'down';
    this.generation++;
    this.known.clear();
    this.failures = Date.now() - this.upSince >= HEALTHY_MS ? 1 : this.failures + 1;
    for (const listener of [...this.listeners]) listener.onEnd(detail);
    // Ending again and again with nobody watching: the phone is likely gone; a later arm probes anew.
    if (this.listeners.size === 0 && this.failures >= GIVE_UP_AFTER) {
      const held = this.held;
      void this.close();
      this.held = held; // a run's loop still owns it: a later arm starts it again, no linger
      return;
    }
    const delays = this.options.backoffMs ?? DEFAULT_BACKOFF_MS;
    const delay = delays[Math.min(this.failures, delays.length) - 1] ?? 1_000;
    this.restartTimer = setTimeout(() => this.state === 'down' && this.openStream(), delay);
    this.restartTimer.unref?.();
  }

  private scheduleLinger(): void {
    this.clearLinger();
    if (this.held || this.state === 'closed' || this.state === 'idle') return;
    this.lingerTimer = setTimeout(() => {
      if (this.listeners.size === 0) void this.close();
    }, this.options.lingerMs ?? 60_000);
    this.lingerTimer.unref?.();
  }

  private clearLinger(): void {
    if (this.lingerTimer) clearTimeout(this.lingerTimer);
    this.lingerTimer = null;
  }
}

const streams = new WeakMap<AdbDeviceIo, PhoneEventsStream>();

/** The phone's shared events stream (created, not started, on first use). */
export function eventsStreamFor(io: AdbDeviceIo): PhoneEventsStream {
  let stream = streams.get(io);
  if (!stream) {
    stream = new PhoneEventsStream(io);
    streams.set(io, stream);
  }
  return stream;
}

/** Closes the phone's shared stream, if it has one (its run loop ended, or it was lost). */
export async function closeEventsStream(io: AdbDeviceIo): Promise<void> {
  const stream = streams.get(io);
  streams.delete(io);
  await stream?.close();
}
