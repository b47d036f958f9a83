/**
 * Evidence and tap-to-redirect over a real adb server to virtual phones: the shade screenshot
 * (exec: screencap through adb), the logcat slice around a push, and a uiautomator tap that lands
 * in the app and finds the push's ext in the app's log.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INSTALL_OPTIONS } from '../../../shared/domain/install';
import type { AdbDeviceIo } from '../../../electron/lab/adb/device-io';
import { launchApp } from '../../../electron/lab/android/commands/launch-app';
import { pressKey } from '../../../electron/lab/android/commands/key-event';
import { takeScreenshot } from '../../../electron/lab/android/commands/take-screenshot';
import { parseLogcat } from '../../../electron/lab/android/parsers/logcat-epoch';
import { captureLogcatSlice } from '../../../electron/lab/android/capture/evidence/logcat-slice';
import { captureShadeScreenshot } from '../../../electron/lab/android/capture/evidence/shade-screenshot';
import { EvidenceStore } from '../../../electron/lab/evidence/evidence-store';
import { systemClock } from '../../../electron/lab/util/clock';
import { tapNotification } from '../../../electron/lab/android/tap/tap-notification';
import type { VirtualAndroid } from '../../virtual-lab';
import { writeTestApk } from '../../virtual-lab/apk/build-apk';
import { openCoreLab, type CoreLab } from '../../support/core-lab';

const PKG = 'com.example.evidence';
const CH = 'pushlab_default';

describe('evidence and tap-to-redirect through adb', () => {
  let env: CoreLab;
  let store: EvidenceStore;
  const phones: Array<{ serial: string; io: AdbDeviceIo; android: VirtualAndroid }> = [];

  beforeAll(async () => {
    env = await openCoreLab();
    store = new EvidenceStore(join(env.dir, 'evidence'), systemClock);
    await writeTestApk(join(env.dir, 'a.apk'), {
      packageName: PKG,
      versionCode: 1,
      targetSdk: 34,
      minSdk: 24,
      permissions: ['android.permission.POST_NOTIFICATIONS'],
    });
    const added = await env.lab.addPhones([
      { profile: 'xiaomi-hyperos2-android14-2', id: 'xiaomi' },
      { profile: 'google-pixel-android15-1', id: 'pixel' },
    ]);
    const serials = added.map((p) => p.serial);
    for (const s of serials) await env.core.services.registry.waitForIdentity(s, 15_000);
    const job = await env.core.services.installs.run({
      apkPath: join(env.dir, 'a.apk'),
      serials,
      options: DEFAULT_INSTALL_OPTIONS,
    });
    expect(job.items.every((i) => i.phase === 'done')).toBe(true);
    for (const p of added) {
      const io = env.core.services.gateway.device(p.serial);
      const android = p.backend as VirtualAndroid;
      await launchApp(io, PKG);
      android.setPostNotifications(PKG, { granted: true });
      await pressKey(io, 'HOME');
      phones.push({ serial: p.serial, io, android });
    }
  });
  afterAll(async () => {
    await env?.close();
  });

  it('takes a shade screenshot that shows the rows, and leaves the shade closed', async () => {
    const { serial, io, android } = phones[0] as (typeof phones)[number];
    const closed = await takeScreenshot(io);
    android.postNotification(PKG, { channelId: CH, title: 'Shade shot', text: 'visible in the picture' });
    const saved = await captureShadeScreenshot(io, store, serial, { settleMs: 50 });
    const png = await readFile(join(store.root, saved.relativePath));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.equals(closed)).toBe(false);
    expect(saved.sizeBytes).toBe(png.length);
    expect((await takeScreenshot(io)).equals(closed)).toBe(true);
  });

  it('keeps the logcat slice of the push window, with the push service and the app lines', async () => {
    const { serial, io, android } = phones[1] as (typeof phones)[number];
    const from = Date.now(); // virtual phones share the host clock
    await new Promise((r) => setTimeout(r, 5));
    android.postNotification(PKG, { channelId: CH, title: 'Sliced', text: 'x', ext: 'pushlab://slice' });
    const outcome = await tapNotification(
      io,
      { title: 'Sliced', text: 'x' },
      { package: PKG, ext: 'pushlab://slice', settleMs: 50, landingTimeoutMs: 3_000 },
    );
    expect(outcome).toMatchObject({
      method: 'uiautomator',
      tapped: true,
      landed: true,
      foregroundPackage: PKG,
      extSeen: true,
    });
    const slice = await captureLogcatSlice(io, store, {
      serial,
      fromPhoneMs: from,
      toPhoneMs: Date.now() + 1_000,
      package: PKG,
    });
    expect(slice).toMatchObject({ mode: 'since', timeFiltered: true, truncated: false, appLines: 1 });
    const lines = parseLogcat(await readFile(slice.path, 'utf8'), { utc: true }).lines;
    expect(lines).toHaveLength(slice.lines);
    expect(lines.every((l) => (l.timeMs as number) >= from)).toBe(true);
    expect(lines.map((l) => l.tag)).toEqual(
      expect.arrayContaining([
        'FirebaseMessaging',
        'StatusBarManagerService',
        'ActivityTaskManager',
        'PushLabDemo',
      ]),
    );
    expect(lines.find((l) => l.tag === 'PushLabDemo')?.message).toBe('opened ext=pushlab://slice');
    expect(android.notifications(PKG).some((n) => n.title === 'Sliced')).toBe(false);
  });

  it('taps on the Xiaomi too, by text, and reports a post that is not in the shade', async () => {
    const { io, android } = phones[0] as (typeof phones)[number];
    await pressKey(io, 'HOME');
    android.postNotification(PKG, {
      channelId: CH,
      title: 'Title X',
      text: 'Tap by text',
      ext: 'pushlab://x',
    });
    expect(
      await tapNotification(
        io,
        { title: null, text: 'Tap by text' },
        { package: PKG, ext: 'pushlab://x', settleMs: 50, landingTimeoutMs: 3_000 },
      ),
    ).toMatchObject({
      tapped: true,
      landed: true,
      extSeen: true,
    });
    const missing = await tapNotification(
      io,
      { title: 'never posted', text: null },
      { package: PKG, settleMs: 50 },
    );
    expect(missing).toMatchObject({ tapped: false, landed: null });
  });
});
