import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INSTALL_OPTIONS } from '../../../shared/domain/install';
import { launchApp } from '../../../electron/lab/android/commands/launch-app';
import { readNotifications } from '../../../electron/lab/android/commands/capture/read-notifications';
import { readPhoneClock } from '../../../electron/lab/android/commands/capture/read-phone-clock';
import type { NotificationRecordInfo } from '../../../electron/lab/android/parsers/notification-records';
import { watchNotifications } from '../../../electron/lab/android/capture/notification-watcher';
import { waitForNotification } from '../../../electron/lab/android/capture/wait-for-notification';
import type { AdbDeviceIo } from '../../../electron/lab/adb/device-io';
import type { VirtualAndroid } from '../../virtual-lab';
import { writeTestApk } from '../../virtual-lab/apk/build-apk';
import { eventually, openCoreLab, type CoreLab } from '../../support/core-lab';

const PKG = 'com.example.capture';
const OTHER = 'com.example.capture.other';

describe('notification capture on virtual phones', () => {
  let env: CoreLab;
  const phones: Array<{ io: AdbDeviceIo; android: VirtualAndroid }> = [];

  beforeAll(async () => {
    env = await openCoreLab();
    const perms = ['android.permission.POST_NOTIFICATIONS'];
    await writeTestApk(join(env.dir, 'a.apk'), {
      packageName: PKG,
      versionCode: 1,
      targetSdk: 34,
      minSdk: 24,
      permissions: perms,
    });
    await writeTestApk(join(env.dir, 'b.apk'), {
      packageName: OTHER,
      versionCode: 1,
      targetSdk: 34,
      minSdk: 24,
      permissions: perms,
    });
    const added = await env.lab.addPhones([
      { profile: 'google-pixel-android15-1', id: 'pixel' },
      { profile: 'xiaomi-hyperos2-android14-2', id: 'xiaomi' },
    ]);
    const serials = added.map((p) => p.serial);
    for (const s of serials) await env.core.services.registry.waitForIdentity(s, 15_000);
    for (const apk of ['a.apk', 'b.apk']) {
      const job = await env.core.services.installs.run({
        apkPath: join(env.dir, apk),
        serials,
        options: DEFAULT_INSTALL_OPTIONS,
      });
      expect(job.items.every((i) => i.phase === 'done')).toBe(true);
    }
    for (const p of added) {
      const io = env.core.services.gateway.device(p.serial);
      const android = p.backend as VirtualAndroid;
      for (const pkg of [PKG, OTHER]) {
        await launchApp(io, pkg); // creates the app's channels
        android.setPostNotifications(pkg, { granted: true });
      }
      phones.push({ io, android });
    }
  });
  afterAll(async () => {
    await env?.close();
  });

  it('detects a post made after the watch started and reads back title, text and channel', async () => {
    for (const { io, android } of phones) {
      const since = Date.now();
      const waiting = waitForNotification(io, {
        package: PKG,
        since,
        timeoutMs: 5_000,
        match: (r) => r.title === `hello ${io.serial}`,
      });
      await new Promise((r) => setTimeout(r, 300)); // the baseline is taken by now
      const postedAt = Date.now();
      expect(
        android.postNotification(PKG, {
          channelId: 'pushlab_default',
          title: `hello ${io.serial}`,
          text: 'offline push (capture test)',
        }),
      ).toMatchObject({ posted: true });
      const result = await waiting;
      if (result.timedOut) throw new Error(`not detected on ${io.serial}: ${JSON.stringify(result.errors)}`);
      expect(result.record).toMatchObject({
        pkg: PKG,
        channelId: 'pushlab_default',
        title: `hello ${io.serial}`,
        text: 'offline push (capture test)',
      });
      // The virtual phone shares the host clock: shown time is the post time, within a few ms.
      expect(result.latencyMs).toBeGreaterThanOrEqual(0);
      expect(Math.abs(result.latencyMs - (postedAt - since))).toBeLessThan(50);
      expect(result.detectedAtMs - postedAt).toBeLessThan(1_000);
    }
  });

  it('ignores a record of another package while watching', async () => {
    const { io, android } = phones[0] as (typeof phones)[number];
    const seen: NotificationRecordInfo[] = [];
    const watch = watchNotifications(io, { packages: [PKG], onRecord: (r) => seen.push(r) });
    await watch.ready;
    android.postNotification(OTHER, { channelId: 'pushlab_default', title: 'not mine', text: 'x' });
    // The other package's record is on the phone (NMS's substring filter even lists it) ...
    await eventually(() => android.notifications(OTHER).some((n) => n.title === 'not mine'), 2_000);
    const listed = await readNotifications(io, { package: PKG });
    expect(listed.some((r) => r.pkg === OTHER && r.title === 'not mine')).toBe(true);
    // ... but the watcher, which read it several times meanwhile, reported nothing.
    await new Promise((r) => setTimeout(r, 500));
    android.postNotification(PKG, { channelId: 'pushlab_default', title: 'mine', text: 'y' });
    await eventually(() => seen.length > 0, 3_000, "the watched package's post");
    watch.stop();
    await watch.stopped;
    expect(seen.map((r) => [r.pkg, r.title])).toEqual([[PKG, 'mine']]);
  });

  it('times out when the app is blocked and posts nothing', async () => {
    const { io, android } = phones[1] as (typeof phones)[number];
    android.blockApp(PKG);
    try {
      const since = Date.now();
      const waiting = waitForNotification(io, { package: PKG, since, timeoutMs: 1_500 });
      await new Promise((r) => setTimeout(r, 200));
      expect(
        android.postNotification(PKG, { channelId: 'pushlab_default', title: 'blocked', text: 'z' }),
      ).toEqual({ posted: false, reason: 'app-blocked' });
      const result = await waiting;
      expect(result).toEqual({ timedOut: true, errors: [] });
    } finally {
      android.blockApp(PKG, false);
    }
  });

  it('reads the phone clock, or says clearly that it cannot', async () => {
    // Today's virtual phone has no `date`; either way the answer must be right or a plain refusal.
    const io = (phones[0] as (typeof phones)[number]).io;
    const outcome = await readPhoneClock(io).then(
      (r) => r,
      (e: unknown) => e,
    );
    if (outcome instanceof Error)
      expect(outcome).toMatchObject({ code: 'COMMAND_FAILED', hint: expect.stringContaining('date +%s') });
    else expect(Math.abs((outcome as { epochMs: number }).epochMs - Date.now())).toBeLessThan(2_000);
  });
});
