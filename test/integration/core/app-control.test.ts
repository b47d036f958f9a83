import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INSTALL_OPTIONS } from '../../../shared/domain/install';
import { forceStop } from '../../../electron/lab/android/commands/force-stop';
import { launchApp } from '../../../electron/lab/android/commands/launch-app';
import { readForeground } from '../../../electron/lab/android/commands/read-foreground';
import { readKeyguard } from '../../../electron/lab/android/commands/read-keyguard';
import { readPackageInfo } from '../../../electron/lab/android/commands/read-package-info';
import { readWakefulness } from '../../../electron/lab/android/commands/read-wakefulness';
import { screenOff } from '../../../electron/lab/android/commands/screen-power';
import { sendToBackground } from '../../../electron/lab/android/commands/send-to-background';
import { unlockIfInsecure } from '../../../electron/lab/android/commands/unlock';
import { writeTestApk } from '../../virtual-lab/apk/build-apk';
import { openCoreLab, type CoreLab } from '../../support/core-lab';

describe('app control building blocks on a virtual phone', () => {
  let env: CoreLab;
  let serial: string;
  const pkg = 'com.example.control';

  beforeAll(async () => {
    env = await openCoreLab();
    const phone = await env.lab.addPhone({ profile: 'google-pixel-android15-1' });
    serial = phone.serial;
    await env.core.services.registry.waitForIdentity(serial, 15_000);
    const apk = join(env.dir, 'control.apk');
    await writeTestApk(apk, { packageName: pkg, versionCode: 1, minSdk: 24 });
    const job = await env.core.services.installs.run({
      apkPath: apk,
      serials: [serial],
      options: DEFAULT_INSTALL_OPTIONS,
    });
    expect(job.items[0]?.phase).toBe('done');
  });
  afterAll(async () => {
    await env?.close();
  });

  it('launches, backgrounds and force-stops the app, reading state back each time', async () => {
    const io = env.core.services.gateway.device(serial);
    expect((await readPackageInfo(io, pkg))?.stopped).toBe(true); // fresh install: stopped state
    await launchApp(io, pkg);
    expect((await readForeground(io))?.package).toBe(pkg);
    expect((await readPackageInfo(io, pkg))?.stopped).toBe(false);
    await sendToBackground(io);
    expect((await readForeground(io))?.package).not.toBe(pkg);
    await forceStop(io, pkg);
    expect((await readPackageInfo(io, pkg))?.stopped).toBe(true);
  });

  it('turns the screen off and unlocks an insecure lock screen', async () => {
    const io = env.core.services.gateway.device(serial);
    await screenOff(io);
    expect(await readWakefulness(io)).toBe('asleep');
    expect((await readKeyguard(io)).showing).toBe(true);
    await unlockIfInsecure(io);
    expect(await readWakefulness(io)).toBe('awake');
    expect((await readKeyguard(io)).showing).toBe(false);
  });

  it('saves a PNG screenshot as evidence', async () => {
    const result = await env.core.invoke('devices:screenshot', [serial]);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.path).toMatch(/evidence\/screenshots\/127\.0\.0\.1_\d+-.*\.png$/);
      expect(result.value.sizeBytes).toBeGreaterThan(100);
      expect(result.value.dataUrl).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    }
  });
});
