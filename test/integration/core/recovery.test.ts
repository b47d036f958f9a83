import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdbStatus } from '../../../shared/domain/device';
import { eventually, openCoreLab, type CoreLab } from '../../support/core-lab';

const run = promisify(execFile);

describe('adb server outages', () => {
  let env: CoreLab;

  beforeAll(async () => {
    env = await openCoreLab({ startServer: true });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('recovers by itself after the server dies, with phones back within 5 s', async () => {
    const phones = await env.lab.addPhones([
      { profile: 'google-pixel-android15-1' },
      { profile: 'oppo-coloros7.1-android10-2' },
    ]);
    for (const p of phones) await env.core.services.registry.waitForIdentity(p.serial, 15_000);
    const statuses: AdbStatus[] = [];
    env.core.services.tracker.on('status', (s) => statuses.push(s));

    const killedAt = Date.now();
    await run(env.adbBin, ['-P', String(env.adbPort), 'kill-server'], { env: env.adbEnv });
    // The registry still shows the phones until the tracker notices: wait for the outage first.
    await eventually(() => statuses.some((s) => s.state === 'reconnecting'), 5_000, 'the outage noticed');
    await eventually(
      () => env.core.services.tracker.status().state === 'connected',
      5_000,
      'the server back',
    );
    for (const p of phones) {
      await eventually(
        () => env.core.services.registry.get(p.serial)?.identityStatus === 'ready',
        5_000,
        `${p.serial} back`,
      );
    }
    const recoveredMs = Date.now() - killedAt;
    expect(recoveredMs).toBeLessThan(5_000);
    const now = env.core.services.tracker.status();
    expect(now.state).toBe('connected');
    expect(now.lastOutage?.reason).toMatch(/went away|No adb server/);
  });
});
