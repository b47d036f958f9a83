/**
 * A run's prepare step and the token book: the token the plan gives is recorded as "plan" (no
 * adb command), a token read from logcat with its preset; the note shows 8 characters; a book that
 * fails never fails the run.
 */
import { describe, expect, it } from 'vitest';
import { tokenFromLogcat } from '../../../electron/lab/android/run/token-from-logcat';
import type { PhoneSession } from '../../../electron/lab/android/run/phone-session';
import type { PushTokenBook, PushTokenEntry } from '../../../electron/lab/secrets/push-token-book';

const LINE =
  '12-07 08:00:02.000  1234  1234 I TUIOfflinePush-TUIOfflinePushManager: setOfflinePushConfig businessID = 7 pushToken = NEWtoken5678abc';

function session(token: string | null, book: PushTokenBook, asked: string[]): PhoneSession {
  return {
    run: {
      plan: {
        app: { package: 'com.pushlab.demo', tokens: { fromLogcat: { preset: 'tencent-offline-push' } } },
        timeouts: { stepMs: 1000 },
      },
    },
    phone: { serial: 'A1', channel: 'fcm' },
    io: {
      serial: 'A1',
      shell: async (command: string) => {
        asked.push(command);
        return Buffer.from(LINE);
      },
    },
    ports: { tokens: book },
    token,
  } as unknown as PhoneSession;
}

function book(fail = false): PushTokenBook & { entries: PushTokenEntry[] } {
  const entries: PushTokenEntry[] = [];
  return {
    entries,
    persisted: () => true,
    list: async () => [],
    record: async (entry) => {
      if (fail) throw new Error('store broke');
      entries.push(entry);
      return true;
    },
  };
}

describe('tokenFromLogcat and the token book', () => {
  it('records the plan token as "plan" without asking the phone', async () => {
    const asked: string[] = [];
    const b = book();
    expect(await tokenFromLogcat(session('PLANtoken1234', b, asked))).toBeNull();
    expect(asked).toEqual([]);
    expect(b.entries).toEqual([
      {
        serial: 'A1',
        package: 'com.pushlab.demo',
        channel: 'fcm',
        token: 'PLANtoken1234',
        source: { kind: 'plan' },
      },
    ]);
  });

  it('records a token read from logcat with its preset, and shows 8 characters', async () => {
    const asked: string[] = [];
    const b = book();
    const s = session(null, b, asked);
    expect(await tokenFromLogcat(s)).toBe('push token from logcat: NEWtoken…');
    expect(s.token).toBe('NEWtoken5678abc');
    expect(b.entries[0]?.source).toEqual({ kind: 'logcat', preset: 'tencent-offline-push' });
  });

  it('goes on when the book fails', async () => {
    const s = session(null, book(true), []);
    expect(await tokenFromLogcat(s)).toBe('push token from logcat: NEWtoken…');
    expect(s.token).toBe('NEWtoken5678abc');
  });
});
