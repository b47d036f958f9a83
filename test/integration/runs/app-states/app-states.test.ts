import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INSTALL_OPTIONS } from '../../../../shared/domain/install';
import type { AdbDeviceIo } from '../../../../electron/lab/adb/device-io';
import {
  enterState,
  leaveState,
  verifyState,
  type AccountStatus,
  type StateContext,
} from '../../../../electron/lab/android/app-states';
import { systemClock } from '../../../../electron/lab/util/clock';
import type { VirtualAndroid } from '../../../virtual-lab';
import { writeTestApk } from '../../../virtual-lab/apk/build-apk';
import { openCoreLab, type CoreLab } from '../../../support/core-lab';

const PKG = 'com.example.states';

describe('app states on a virtual phone', () => {
  let env: CoreLab;
  let io: AdbDeviceIo;
  let android: VirtualAndroid;
  let ctx: StateContext;
  let account: AccountStatus = 'logged-in';

  beforeAll(async () => {
    env = await openCoreLab();
    await writeTestApk(join(env.dir, 'app.apk'), {
      packageName: PKG,
      versionCode: 1,
      targetSdk: 34,
      minSdk: 24,
    });
    const [phone] = await env.lab.addPhones([{ profile: 'google-pixel-android15-1', id: 'pixel' }]);
    if (!phone) throw new Error('no phone');
    await env.core.services.registry.waitForIdentity(phone.serial, 15_000);
    const job = await env.core.services.installs.run({
      apkPath: join(env.dir, 'app.apk'),
      serials: [phone.serial],
      options: DEFAULT_INSTALL_OPTIONS,
    });
    expect(job.items.every((i) => i.phase === 'done')).toBe(true);
    io = env.core.services.gateway.device(phone.serial);
    android = phone.backend as VirtualAndroid;
    ctx = {
      package: PKG,
      clock: systemClock,
      sdk: 35,
      channel: 'fcm',
      pollIntervalMs: 200,
      rebootTimeoutMs: 20_000,
      accountActions: {
        login: async () => void (account = 'logged-in'),
        logout: async () => void (account = 'logged-out'),
        kick: async () => void (account = 'kicked'),
        status: async () => account,
      },
    };
  });
  afterAll(async () => {
    await env?.close();
  });

  const app = () => android.installedPackage(PKG);

  it('foreground and background', async () => {
    const fg = await enterState(io, 'foreground', ctx);
    expect(fg.reason).toBeNull();
    expect(android.state.foreground.package).toBe(PKG);
    const bg = await enterState(io, 'background', ctx);
    expect(bg.ok).toBe(true);
    expect(android.state.foreground.package).not.toBe(PKG);
    expect(android.state.processes.has(PKG)).toBe(true);
  });

  it('screen-locked, then left unlocked', async () => {
    const r = await enterState(io, 'screen-locked', ctx);
    expect(r.reason).toBeNull();
    expect(android.state.screen).toBe('asleep');
    expect(android.state.keyguard.showing).toBe(true);
    expect((await leaveState(io, 'screen-locked', ctx)).ok).toBe(true);
    expect(android.state.keyguard.showing).toBe(false);
  });

  it('swiped-away keeps the stopped flag clear; force-stopped sets it', async () => {
    const swiped = await enterState(io, 'swiped-away', ctx);
    expect(swiped.reason).toBeNull();
    expect(app()?.stopped).toBe(false);
    expect(android.state.processes.has(PKG)).toBe(false);
    const stopped = await enterState(io, 'force-stopped', ctx);
    expect(stopped.reason).toBeNull();
    expect(app()?.stopped).toBe(true);
    // The stopped app is not "swiped away": the read-back tells them apart.
    const wrong = await verifyState(io, 'swiped-away', ctx);
    expect(wrong.ok).toBe(false);
    expect(wrong.reason).toContain('stopped flag is stopped=true');
  });

  it('doze: deep IDLE while in, ACTIVE and charging again after leaving', async () => {
    const r = await enterState(io, 'doze', ctx);
    expect(r.reason).toBeNull();
    expect(android.deepIdleState()).toBe('IDLE');
    const left = await leaveState(io, 'doze', ctx);
    expect(left.reason).toBeNull();
    expect(android.deepIdleState()).toBe('ACTIVE');
    expect((await io.shell('dumpsys battery')).includes('UPDATES STOPPED')).toBe(false);
  });

  it('logged-out and kicked-offline go through the account actions', async () => {
    expect((await enterState(io, 'logged-out', ctx)).ok).toBe(true);
    expect((await leaveState(io, 'logged-out', ctx)).ok).toBe(true);
    expect((await enterState(io, 'kicked-offline', ctx)).ok).toBe(true);
    expect(account).toBe('kicked');
    expect((await leaveState(io, 'kicked-offline', ctx)).ok).toBe(true);
  });

  it('after-reboot: the phone drops off adb, comes back, and the app is not running', async () => {
    android.onReboot((booted) => {
      void (async () => {
        await env.lab.unplug('pixel');
        await new Promise((r) => setTimeout(r, 500));
        await env.lab.plug('pixel');
        booted();
      })();
    });
    const bootBefore = (await io.shell('cat /proc/sys/kernel/random/boot_id')).trim();
    const r = await enterState(io, 'after-reboot', ctx);
    expect(r.reason).toBeNull();
    expect((await io.shell('cat /proc/sys/kernel/random/boot_id')).trim()).not.toBe(bootBefore);
    expect(android.state.processes.has(PKG)).toBe(false);
    expect(app()?.stopped).toBe(false); // launched before the reboot; a reboot keeps the flag as it was
    expect((await leaveState(io, 'after-reboot', ctx)).ok).toBe(true);
  });
});
