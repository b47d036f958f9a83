import { describe, expect, it } from 'vitest';
import { captureLine } from '../../../renderer/src/runs/capture-line';
import { captureModeOf, readCaptureMode, type CaptureModeView } from '../../../shared/runs/capture-mode';
import type { EvidenceView } from '../../../shared/domain/run';

/** `capture` as the Android capture keeps it (electron/lab/android/capture/capture-mode.ts, storeCapture). */
const eventsMode = (counts: { reads: number; enqueues: number }) => ({
  mode: 'events',
  reason: null,
  message: null,
  zh: null,
  detail: null,
  ...counts,
});
const WHY = {
  'events-refused': {
    en: 'The phone refused to show its events buffer, so the notification list was polled.',
    zh: '手机拒绝显示 events 日志缓冲区，因此改为轮询通知列表。',
  },
  'no-stream': {
    en: 'This connection cannot stream the phone log, so the notification list was polled.',
    zh: '此连接无法持续读取手机日志，因此改为轮询通知列表。',
  },
  asked: {
    en: 'Polling was asked for, so the notification list was polled.',
    zh: '已指定轮询，因此轮询了通知列表。',
  },
} as const;
const pollMode = (
  reason: keyof typeof WHY,
  detail: string | null,
  counts: { reads: number; enqueues: number },
) => ({
  mode: 'poll',
  reason,
  message: WHY[reason].en,
  zh: { message: WHY[reason].zh },
  detail,
  ...counts,
});

/** The 'record' evidence data as storeCapture writes it. */
const record = (capture: unknown): unknown => ({ records: [], readErrors: 0, errors: [], capture });

function modeOf(capture: unknown): CaptureModeView {
  const mode = readCaptureMode(record(capture));
  if (mode === null) throw new Error('no capture mode read');
  return mode;
}

describe('captureLine', () => {
  it('says the events log was followed, with reads for enqueues', () => {
    const mode = modeOf(eventsMode({ reads: 2, enqueues: 3 }));
    expect(captureLine('en', mode)).toEqual({
      mode: 'events',
      text: 'Captured from the events log (2 reads for 3 enqueues)',
      detail: null,
    });
    expect(captureLine('zh-CN', mode).text).toBe('从事件日志采集（3 次入队，读取通知列表 2 次）');
  });

  it('says it polled and why, in the locale, with what the phone said kept apart', () => {
    const mode = modeOf(
      pollMode('events-refused', 'logcat: Unable to open log device', { reads: 40, enqueues: 0 }),
    );
    expect(captureLine('en', mode)).toEqual({
      mode: 'poll',
      text: 'Polled every 150 ms: The phone refused to show its events buffer, so the notification list was polled.',
      detail: 'The phone said: logcat: Unable to open log device',
    });
    const zh = captureLine('zh-CN', mode);
    expect(zh.text).toBe('每 150 毫秒轮询一次：手机拒绝显示 events 日志缓冲区，因此改为轮询通知列表。');
    expect(zh.detail).toBe('手机返回：logcat: Unable to open log device');
  });

  it('uses the interval the evidence names, and the reason id when no words were kept', () => {
    const mode = modeOf({ mode: 'poll', reason: 'stream-ended', pollMs: 100, reads: 1, enqueues: 1 });
    expect(captureLine('zh-CN', mode).text).toBe('每 100 毫秒轮询一次：stream-ended');
    expect(captureLine('en', modeOf({ mode: 'poll' })).text).toBe('Polled every 150 ms');
    expect(captureLine('en', modeOf({ mode: 'events' })).text).toBe('Captured from the events log');
  });
});

describe('readCaptureMode', () => {
  it('reads nothing from records kept before capture modes, or from malformed data', () => {
    expect(readCaptureMode({ records: [] })).toBeNull();
    expect(readCaptureMode(record(null))).toBeNull();
    expect(readCaptureMode(record({ mode: 'stream' }))).toBeNull();
    expect(readCaptureMode('capture')).toBeNull();
    expect(modeOf({ mode: 'events', reads: -1, enqueues: 1.5, detail: 7 })).toMatchObject({
      reads: null,
      enqueues: null,
      detail: null,
    });
  });

  it('takes the last record evidence of an attempt that carries a mode', () => {
    const ev = (id: number, kind: EvidenceView['kind'], data: unknown): EvidenceView => ({
      id,
      kind,
      path: null,
      data,
      at: id,
    });
    const list = [
      ev(1, 'record', record(pollMode('no-stream', null, { reads: 5, enqueues: 0 }))),
      ev(2, 'record', record(eventsMode({ reads: 1, enqueues: 1 }))),
      ev(3, 'send', record(pollMode('asked', null, { reads: 0, enqueues: 0 }))),
      ev(4, 'record', { records: [] }),
    ];
    expect(captureModeOf(list)?.mode).toBe('events');
    expect(captureModeOf(list.slice(0, 1))?.reason).toBe('no-stream');
    expect(captureModeOf([])).toBeNull();
  });
});
