/**
 * How a watch learned about posts, kept with the attempt's evidence: 'events' (the events buffer was
 * followed and the notification list read once per enqueue) or 'poll' (the list read every poll
 * interval) with the reason the buffer could not be used, in English and zh-CN.
 */
import type { PollReason } from '../commands/capture/notification-events';

export type { PollReason } from '../commands/capture/notification-events';

export interface CaptureMode {
  readonly mode: 'events' | 'poll';
  /** Set when mode is 'poll'. */
  readonly reason: PollReason | null;
  /** Why, for people (null in events mode). */
  readonly message: string | null;
  readonly zh: { readonly message: string } | null;
  /** What the phone said (logcat's error, the probe's failure), trimmed. */
  readonly detail: string | null;
  /** Notification-list reads made by the watch (the phone-side cost). */
  readonly reads: number;
  /** Enqueue lines of the watched packages seen in the events buffer. */
  readonly enqueues: number;
}

const WHY: Readonly<Record<PollReason, { readonly en: string; readonly zh: string }>> = {
  'no-stream': {
    en: 'This connection cannot stream the phone log, so the notification list was polled.',
    zh: '此连接无法持续读取手机日志，因此改为轮询通知列表。',
  },
  asked: {
    en: 'Polling was asked for, so the notification list was polled.',
    zh: '已指定轮询，因此轮询了通知列表。',
  },
  'logcat-too-old': {
    en: "The phone's logcat is too old to follow the events buffer from a time, so the notification list was polled.",
    zh: '手机的 logcat 版本过旧，无法从指定时间读取 events 缓冲区，因此改为轮询通知列表。',
  },
  'events-refused': {
    en: 'The phone refused to show its events buffer, so the notification list was polled.',
    zh: '手机拒绝显示 events 日志缓冲区，因此改为轮询通知列表。',
  },
  'events-empty': {
    en: "The phone's events buffer read back empty (the ROM may hide it), so the notification list was polled.",
    zh: '手机的 events 日志缓冲区读出为空（ROM 可能隐藏了它），因此改为轮询通知列表。',
  },
  'probe-failed': {
    en: 'Reading the events buffer failed, so the notification list was polled.',
    zh: '读取 events 日志缓冲区失败，因此改为轮询通知列表。',
  },
  'stream-ended': {
    en: 'The events-buffer stream ended while the push was awaited; polling took over.',
    zh: '等待推送期间 events 日志流中断，已改为轮询。',
  },
};

export function eventsMode(counts: { reads: number; enqueues: number }): CaptureMode {
  return { mode: 'events', reason: null, message: null, zh: null, detail: null, ...counts };
}

export function pollMode(
  reason: PollReason,
  detail: string | null,
  counts: { reads: number; enqueues: number },
): CaptureMode {
  const why = WHY[reason];
  return { mode: 'poll', reason, message: why.en, zh: { message: why.zh }, detail, ...counts };
}
