import { describe, expect, it } from 'vitest';
import {
  parseNotificationEvents,
  type NotificationEvent,
} from '../../../../electron/lab/android/parsers/notification-events';
import {
  EVENTS_PROBE_COMMAND,
  eventsStreamCommand,
} from '../../../../electron/lab/android/commands/capture/notification-events';
import type { VirtualAndroid } from '../../../virtual-lab/android/index';
import { APP, READ_PHONES, sh, withApp } from './helpers';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs a following command on the phone; returns its output so far and a stop function. */
function follow(p: VirtualAndroid, command: string) {
  const control = new AbortController();
  let out = '';
  const done = p.shell(command, {
    stdin: (async function* () {})(),
    stdout: async (c) => void (out += c.toString()),
    stderr: async (c) => void (out += c.toString()),
    signal: control.signal,
  });
  return {
    text: () => out,
    events: (): NotificationEvent[] => parseNotificationEvents(out),
    stop: async () => {
      control.abort();
      return done;
    },
    done,
  };
}

async function until(check: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(5);
  }
}

const post = (p: VirtualAndroid, title: string) =>
  p.postNotification(APP, { channelId: 'pushlab_default', title, text: 'x' });

describe('virtual phone: NotificationManagerService lines in the events buffer', () => {
  it('a post writes notification_enqueue with the app uid, id and status (app_provided on Android 15)', async () => {
    for (const profile of [READ_PHONES.xiaomi, READ_PHONES.oppo]) {
      const p = await withApp(profile);
      p.setPostNotifications(APP, { granted: true });
      expect(post(p, 'hello').posted).toBe(true);
      const text = (await sh(p, 'logcat -b events -d -v epoch -s notification_enqueue')).out;
      const [event] = parseNotificationEvents(text);
      const record = p.notifications(APP)[0];
      expect(event).toMatchObject({ pkg: APP, uid: p.installedPackage(APP)?.uid, id: record?.id, status: 0 });
      expect(text.trimEnd().endsWith(p.state.sdk >= 35 ? ',0,1]' : ',0]')).toBe(true);
    }
  });

  it('follows the buffer from a time, filtered to the notification tags, until the host closes it', async () => {
    const p = await withApp(READ_PHONES.pixel);
    p.setPostNotifications(APP, { granted: true });
    post(p, 'old');
    const probe = (await sh(p, EVENTS_PROBE_COMMAND)).out;
    const lastMs = Number(/(\d+)\.(\d{3})/.exec(probe)?.slice(1).join(''));
    await sleep(5);
    const stream = follow(p, eventsStreamCommand(lastMs + 1));
    await sleep(20);
    expect(stream.events()).toEqual([]); // "old" is not replayed
    post(p, 'new');
    await until(() => stream.events().length === 1);
    await sh(p, `am force-stop ${APP}`);
    await until(() => stream.events().length === 2);
    expect(stream.events().map((e) => [e.tag, e.reason])).toEqual([
      ['notification_enqueue', null],
      ['notification_cancel_all', 5],
    ]);
    expect(stream.text()).not.toContain('am_'); // other tags are filtered out on the phone
    await expect(stream.stop()).resolves.toBe(0);
  });

  it('blocking a channel logs notification_cancel per record with reason 17 (CHANNEL_BANNED)', async () => {
    const p = await withApp(READ_PHONES.xiaomi);
    p.setPostNotifications(APP, { granted: true });
    post(p, 'a');
    p.setChannel(APP, 'pushlab_default', { importance: 0 });
    const events = parseNotificationEvents((await sh(p, 'logcat -b events -d -v epoch')).out);
    expect(events.map((e) => [e.tag, e.reason])).toEqual([
      ['notification_enqueue', null],
      ['notification_cancel', 17],
    ]);
  });

  it('a ROM that closes the buffer to the shell: refused errors out, empty prints nothing', async () => {
    const p = await withApp(READ_PHONES.oppo, { options: { eventsLog: 'refused' } });
    const refused = await sh(p, EVENTS_PROBE_COMMAND);
    expect(refused.status).toBe(1);
    expect(refused.err).toContain('Permission denied');
    p.setEventsLog('empty');
    p.setPostNotifications(APP, { granted: true });
    post(p, 'hidden');
    expect(await sh(p, EVENTS_PROBE_COMMAND)).toEqual({ status: 0, out: '', err: '' });
    // Other buffers are unaffected.
    expect((await sh(p, 'logcat -d -t 5')).out).not.toBe('');
  });

  it('counts the commands it runs', async () => {
    const p = await withApp(READ_PHONES.pixel);
    const before = p.commandCounts.total;
    await sh(p, 'dumpsys notification --noredact p com.x');
    await sh(p, 'getprop ro.build.version.sdk');
    expect(p.commandCounts.total - before).toBe(2);
    expect(p.commandCounts.byName.get('dumpsys notification')).toBe(1);
    expect(p.commandCounts.byName.get('getprop')).toBeGreaterThanOrEqual(1);
  });
});
