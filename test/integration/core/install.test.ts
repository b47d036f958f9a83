import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INSTALL_OPTIONS, type InstallProgressEvent } from '../../../shared/domain/install';
import { writeTestApk } from '../../virtual-lab/apk/build-apk';
import { openCoreLab, type CoreLab } from '../../support/core-lab';

const PROFILES = [
  'google-pixel-android15-1',
  'samsung-oneui6.1-android14-2',
  'oppo-coloros15-android15-1',
  'vivo-originos5-android15-1',
  'honor-magicos9-android15-2',
  'huawei-harmonyos4.2-android12-2',
  'meizu-flyme12.1-android15-1',
  'oneplus-oxygenos14-android14-3',
  'realme-realmeui6-android15-1',
  'xiaomi-hyperos2-android15-1',
];

describe('installing on many phones at once', () => {
  let env: CoreLab;
  let apkPath: string;
  let serials: string[];

  beforeAll(async () => {
    env = await openCoreLab();
    apkPath = join(env.dir, 'app.apk');
    await writeTestApk(apkPath, {
      packageName: 'com.example.push',
      versionCode: 3,
      versionName: '1.3',
      minSdk: 24,
      padBytes: 4 * 1024 * 1024,
    });
    const phones = await env.lab.addPhones(PROFILES.map((profile) => ({ profile })));
    serials = phones.map((p) => p.serial);
    await Promise.all(serials.map((s) => env.core.services.registry.waitForIdentity(s, 15_000)));
  });
  afterAll(async () => {
    await env?.close();
  });

  it('installs on ten phones in parallel with per-phone byte progress', async () => {
    const events: InstallProgressEvent[] = [];
    const job = await env.core.services.installs.run(
      { apkPath, serials, options: DEFAULT_INSTALL_OPTIONS },
      (e) => events.push(e),
    );
    expect(job.items.map((i) => i.phase)).toEqual(serials.map(() => 'done'));
    for (const serial of serials) {
      const mine = events.filter((e) => e.item.serial === serial);
      expect(mine.some((e) => e.item.phase === 'pushing' && e.item.bytesPushed > 0)).toBe(true);
      expect(mine.some((e) => e.item.phase === 'installing')).toBe(true);
      const phone = env.lab.phones().find((p) => p.serial === serial)!;
      const listed = await env.core.services.gateway
        .device(serial)
        .shell('pm list packages --show-versioncode com.example.push');
      expect(listed, phone.profile).toContain('package:com.example.push versionCode:3');
    }
    const stored = await env.core.invoke('install:jobs', []);
    expect(stored.ok && stored.value[0]?.items.every((i) => i.phase === 'done')).toBe(true);
  });

  it('fails only the phone unplugged mid-install; the others finish', async () => {
    const big = join(env.dir, 'big.apk');
    await writeTestApk(big, { packageName: 'com.example.push', versionCode: 4, padBytes: 24 * 1024 * 1024 });
    const victim = serials[3]!;
    const victimId = env.lab.phones().find((p) => p.serial === victim)!.id;
    let unplugged = false;
    const job = await env.core.services.installs.run(
      { apkPath: big, serials, options: DEFAULT_INSTALL_OPTIONS },
      (e) => {
        if (!unplugged && e.item.serial === victim && e.item.phase === 'pushing' && e.item.bytesPushed > 0) {
          unplugged = true;
          void env.lab.unplug(victimId);
        }
      },
    );
    expect(unplugged).toBe(true);
    const failed = job.items.filter((i) => i.phase === 'failed');
    expect(failed.map((i) => i.serial)).toEqual([victim]);
    expect(failed[0]?.failure?.reason).toMatch(/DEVICE_LOST|TIMEOUT/);
    expect(failed[0]?.failure?.message).toContain(victim);
    expect(failed[0]?.failure?.fix.length).toBeGreaterThan(10);
    expect(job.items.filter((i) => i.phase === 'done')).toHaveLength(serials.length - 1);
    await env.lab.plug(victimId);
  });

  it('rejects a file that is not an APK before any phone is touched', async () => {
    const notApk = join(env.dir, 'notes.apk');
    await writeFile(notApk, 'this is a text file, not an app\n');
    const result = await env.core.invoke('install:start', [
      { apkPath: notApk, serials, options: DEFAULT_INSTALL_OPTIONS },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('NOT_AN_APK');
      expect(result.error.hint).toBeTruthy();
    }
    const listing = await env.core.services.gateway.device(serials[0]!).shell('ls /data/local/tmp');
    expect(listing).not.toMatch(/pushlab-/);
  });

  it('explains a version downgrade and a Xiaomi phone with "Install via USB" off', async () => {
    const old = join(env.dir, 'old.apk');
    await writeTestApk(old, { packageName: 'com.example.push', versionCode: 1, minSdk: 24 });
    const pixel = serials[0]!;
    const job = await env.core.services.installs.run({
      apkPath: old,
      serials: [pixel],
      options: DEFAULT_INSTALL_OPTIONS,
    });
    expect(job.items[0]?.failure?.reason).toBe('INSTALL_FAILED_VERSION_DOWNGRADE');

    const xiaomi = await env.lab.addPhone({ profile: 'xiaomi-hyperos2-android14-2' });
    await env.core.services.registry.waitForIdentity(xiaomi.serial, 15_000);
    (xiaomi.backend as unknown as { setInstallViaUsb(on: boolean): void }).setInstallViaUsb(false);
    const refused = await env.core.services.installs.run({
      apkPath,
      serials: [xiaomi.serial],
      options: DEFAULT_INSTALL_OPTIONS,
    });
    expect(refused.items[0]?.failure?.reason).toBe('INSTALL_FAILED_USER_RESTRICTED');
    expect(refused.items[0]?.failure?.fix).toMatch(/Install via USB/);
  });
});
