import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoctorCheck, DoctorResult } from '../../../shared/domain/doctor';
import { DEFAULT_INSTALL_OPTIONS } from '../../../shared/domain/install';
import { launchApp } from '../../../electron/lab/android/commands/launch-app';
import type { VirtualAndroid } from '../../virtual-lab';
import { writeTestApk } from '../../virtual-lab/apk/build-apk';
import { openCoreLab, type CoreLab } from '../../support/core-lab';

const PKG = 'com.example.pushdemo';

describe('the push-readiness doctor on virtual phones', () => {
  let env: CoreLab;
  const phones: Record<'pixel' | 'oppo' | 'xiaomi', { serial: string; android: VirtualAndroid }> =
    {} as never;

  const run = async (serial: string, channelIds: string[] = ['pushlab_default']): Promise<DoctorResult> => {
    const result = await env.core.invoke('doctor:run', [{ serial, package: PKG, channelIds }]);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  const check = (result: DoctorResult, id: string): DoctorCheck => {
    const found = result.report.checks.find((c) => c.id === id);
    if (!found) throw new Error(`no check ${id} in ${result.report.checks.map((c) => c.id).join(', ')}`);
    return found;
  };
  const fix = async (
    serial: string,
    fixId: Parameters<typeof env.core.services.doctor.fix>[1],
    channelIds = ['pushlab_default'],
  ) => env.core.services.doctor.fix({ serial, package: PKG, channelIds }, fixId);

  beforeAll(async () => {
    env = await openCoreLab();
    const apk = join(env.dir, 'push.apk');
    await writeTestApk(apk, {
      packageName: PKG,
      versionCode: 1,
      targetSdk: 34,
      minSdk: 24,
      permissions: ['android.permission.POST_NOTIFICATIONS'],
    });
    const added = await env.lab.addPhones([
      { profile: 'google-pixel-android15-1', id: 'pixel' },
      { profile: 'oppo-coloros15-android15-1', id: 'oppo' },
      { profile: 'xiaomi-hyperos2-android14-2', id: 'xiaomi' },
    ]);
    for (const p of added) {
      await env.core.services.registry.waitForIdentity(p.serial, 15_000);
      phones[p.id as 'pixel'] = { serial: p.serial, android: p.backend as VirtualAndroid };
    }
    const job = await env.core.services.installs.run({
      apkPath: apk,
      serials: added.map((p) => p.serial),
      options: DEFAULT_INSTALL_OPTIONS,
    });
    expect(job.items.every((i) => i.phase === 'done')).toBe(true);
  });
  afterAll(async () => {
    await env?.close();
  });

  it('finds a never-launched app in the stopped state and fixes it by launching once', async () => {
    const { serial } = phones.pixel;
    const before = await run(serial);
    expect(check(before, 'app.stopped')).toMatchObject({
      status: 'fail',
      fixes: expect.arrayContaining(['launch-app']),
    });
    const outcome = await fix(serial, 'launch-app');
    expect(outcome.ok).toBe(true);
    expect(outcome.before.find((c) => c.id === 'app.stopped')?.status).toBe('fail');
    expect(outcome.after.find((c) => c.id === 'app.stopped')?.status).toBe('ok');
  });

  it('finds POST_NOTIFICATIONS denied and user-fixed, and grants it', async () => {
    const { serial, android } = phones.pixel;
    android.setPostNotifications(PKG, { granted: false, flags: ['USER_SET', 'USER_FIXED'] });
    const result = await run(serial);
    const permission = check(result, 'notifications.permission');
    expect(permission.status).toBe('fail');
    expect(permission.evidence).toMatch(/POST_NOTIFICATIONS.*granted=false/);
    expect(permission.fixes).toContain('grant-post-notifications');
    const outcome = await fix(serial, 'grant-post-notifications');
    expect(outcome.ok).toBe(true);
    expect(outcome.after.find((c) => c.id === 'notifications.permission')?.status).toBe('ok');
    const flags = await fix(serial, 'clear-notification-permission-flags');
    expect(flags.ok).toBe(true);
    expect(check(await run(serial), 'notifications.permission-flags').status).toBe('ok');
  });

  it('finds a blocked channel (no adb fix: it opens the settings screen for a human)', async () => {
    const { serial, android } = phones.pixel;
    android.setChannel(PKG, 'pushlab_default', { importance: 0 });
    const result = await run(serial);
    expect(check(result, 'channel:pushlab_default').status).toBe('fail');
    expect(check(result, 'channel:pushlab_default').fixes).toContain('open-app-notification-settings');
    const opened = await fix(serial, 'open-app-notification-settings');
    expect(opened).toMatchObject({ ok: true, message: { key: 'fix.openedOnPhone' } });
    android.setChannel(PKG, 'pushlab_default', { importance: 3 });
    expect(check(await run(serial), 'channel:pushlab_default').status).toBe('ok');
  });

  it('finds the ChannelID an OPPO push config names missing, in OPPO words', async () => {
    const { serial } = phones.oppo;
    await launchApp(env.core.services.gateway.device(serial), PKG);
    const result = await run(serial, ['oppo_push_channel']);
    const channel = check(result, 'channel:oppo_push_channel');
    expect(channel.status).toBe('fail');
    expect(channel.advice.key).toMatch(/oppo/i);
  });

  it('warns about Do Not Disturb, a restricted standby bucket and Doze, and fixes the last two', async () => {
    const { serial, android } = phones.pixel;
    android.setZenMode('priority');
    android.setStandbyBucket(PKG, 'restricted');
    android.setDozeAllowlisted(PKG, false);
    const result = await run(serial);
    expect(check(result, 'dnd.mode').status).toBe('warn');
    // Drift against the previous snapshot names what changed on the phone since.
    expect(result.drift.map((d) => d.checkId)).toEqual(
      expect.arrayContaining(['dnd.mode', 'battery.standby']),
    );
    expect(['warn', 'fail']).toContain(check(result, 'battery.standby').status);
    expect(['warn', 'fail']).toContain(check(result, 'battery.doze').status);
    expect((await fix(serial, 'standby-bucket-active')).ok).toBe(true);
    expect((await fix(serial, 'doze-allowlist')).ok).toBe(true);
    const after = await run(serial);
    expect(check(after, 'battery.standby').status).toBe('ok');
    expect(check(after, 'battery.doze').status).toBe('ok');
    android.setZenMode('off');
  });

  it('fixes MIUI autostart, and reports a refused fix as failed with the phone’s words', async () => {
    const { serial, android } = phones.xiaomi;
    await launchApp(env.core.services.gateway.device(serial), PKG);
    const result = await run(serial);
    expect(['warn', 'fail']).toContain(check(result, 'vendor.autostart').status);
    android.setAdbSecuritySettings(false);
    const refused = await fix(serial, 'allow-miui-autostart');
    expect(refused.ok).toBe(false);
    expect(refused.message.key).toBe('fix.refused');
    expect(refused.detail).toMatch(/SecurityException/);
    android.setAdbSecuritySettings(true);
    const done = await fix(serial, 'allow-miui-autostart');
    expect(done.ok).toBe(true);
    expect(done.after.find((c) => c.id === 'vendor.autostart')?.status).toBe('ok');
  });

  it('keeps every snapshot and logs every fix', async () => {
    const history = await env.core.invoke('doctor:history', [phones.pixel.serial, PKG]);
    expect(history.ok && history.value.length).toBeGreaterThanOrEqual(5);
    expect(env.core.services.doctor).toBeDefined();
  });

  it('says clearly when the package is not installed', async () => {
    const result = await env.core.invoke('doctor:run', [
      { serial: phones.pixel.serial, package: 'com.example.nothere', channelIds: [] },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatchObject({
        code: 'NOT_FOUND',
        message: expect.stringContaining('com.example.nothere'),
      });
  });

  it('keeps a partial report when the phone goes away mid-check', async () => {
    const { serial } = phones.oppo;
    const handle = env.lab.phones().find((p) => p.serial === serial) as unknown as {
      adbd: { close(): Promise<void> };
    };
    await handle.adbd.close();
    const result: DoctorResult | Error = await run(serial, ['oppo_push_channel']).catch((e: unknown) =>
      e instanceof Error ? e : new Error(String(e)),
    );
    if (result instanceof Error) {
      // adb noticed first: the phone is already gone, which is said plainly too.
      expect(result.message).toMatch(/DEVICE_(NOT_FOUND|NOT_READY|LOST)/);
    } else {
      expect(result.report.complete).toBe(false);
      expect(result.report.incompleteReason?.code).toMatch(/DEVICE_LOST|DEVICE_OFFLINE|TIMEOUT/);
      const stored = await env.core.invoke('doctor:history', [serial, PKG]);
      expect(stored.ok && stored.value[0]?.complete).toBe(false);
    }
  });
});
