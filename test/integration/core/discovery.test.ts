import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, openCoreLab, type CoreLab } from '../../support/core-lab';

/** Expected identity per profile, from reading each real capture (see test/fixtures/getprop). */
const PHONES = [
  { profile: 'xiaomi-hyperos2-android14-2', manufacturer: 'Xiaomi', rom: 'HyperOS', channel: 'xiaomi' },
  { profile: 'huawei-harmonyos4.2-android12-2', manufacturer: 'HUAWEI', rom: 'HarmonyOS', channel: 'huawei' },
  { profile: 'honor-magicos9-android15-2', manufacturer: 'HONOR', rom: 'MagicOS', channel: 'honor' },
  { profile: 'oppo-coloros15-android15-1', manufacturer: 'OPPO', rom: 'ColorOS', channel: 'oppo' },
  { profile: 'vivo-originos5-android15-1', manufacturer: 'vivo', rom: 'OriginOS', channel: 'vivo' },
  { profile: 'meizu-flyme12.1-android15-1', manufacturer: 'Meizu', rom: 'Flyme', channel: 'meizu' },
  { profile: 'samsung-oneui6.1-android14-2', manufacturer: 'samsung', rom: 'One UI', channel: 'fcm' },
] as const;

describe('device discovery over a real adb server', () => {
  let env: CoreLab;

  beforeAll(async () => {
    env = await openCoreLab();
  });
  afterAll(async () => {
    await env?.close();
  });

  it('identifies phones of seven vendors with ROM and push channel', async () => {
    const phones = await env.lab.addPhones(PHONES.map((p) => ({ profile: p.profile })));
    for (const [i, phone] of phones.entries()) {
      const view = await env.core.services.registry.waitForIdentity(phone.serial, 15_000);
      const expected = PHONES[i]!;
      expect(view.state).toBe('device');
      expect(view.transport).toBe('tcp');
      expect(view.identityStatus).toBe('ready');
      expect(view.identity?.manufacturer.toLowerCase()).toBe(expected.manufacturer.toLowerCase());
      expect(view.identity?.rom.name).toBe(expected.rom);
      expect(view.identity?.pushChannel).toBe(expected.channel);
      expect(view.identity?.pushServices.length).toBeGreaterThan(0);
    }
    const snapshot = await env.core.invoke('devices:snapshot', []);
    expect(snapshot.ok && snapshot.value.devices.length).toBe(PHONES.length);
  });

  it('shows an unauthorized phone with what to do, then identifies it once allowed', async () => {
    const phone = await env.lab.addPhone({ profile: 'google-pixel-android15-1', authorized: false });
    // adb shows the connection as offline while the AUTH exchange runs, then unauthorized.
    const pending = await eventually(
      () => {
        const v = env.core.services.registry.get(phone.serial);
        return v?.state === 'unauthorized' ? v : undefined;
      },
      10_000,
      'unauthorized phone',
    );
    expect(pending.identity).toBeNull();
    env.lab.authorize(phone.id);
    const view = await eventually(
      () => {
        const v = env.core.services.registry.get(phone.serial);
        return v?.identityStatus === 'ready' ? v : undefined;
      },
      10_000,
      'authorized phone identity',
    );
    expect(view.state).toBe('device');
    expect(view.identity?.pushChannel).toBe('fcm');
  });

  it('drops an unplugged phone live and brings it back on replug', async () => {
    const phone = await env.lab.addPhone({ profile: 'vivo-funtouchos9-android9-2' });
    await env.core.services.registry.waitForIdentity(phone.serial, 15_000);
    const published: string[][] = [];
    const off = env.core.subscribe((event, payload) => {
      if (event === 'devices:changed')
        published.push(
          (payload as unknown as { devices: Array<{ serial: string }> }).devices.map((d) => d.serial),
        );
    });
    await env.lab.unplug(phone.id);
    // The UI learns of it from a pushed event, not by asking again.
    await eventually(
      () => published.some((serials) => !serials.includes(phone.serial)),
      5_000,
      'removal published',
    );
    expect(env.core.services.registry.get(phone.serial)).toBeUndefined();
    await env.lab.plug(phone.id);
    const back = await env.core.services.registry.waitForIdentity(phone.serial, 15_000);
    expect(back.identity?.rom.name).toBe('Funtouch OS');
    off();
  });

  it('notices a network phone that dropped without adb announcing it', async () => {
    const phone = await env.lab.addPhone({ profile: 'meizu-flyme8.1-android9-2' });
    await env.core.services.registry.waitForIdentity(phone.serial, 15_000);
    // Cut the TCP link the way a dying Wi-Fi does; the next command tells adb, and us.
    await (phone as unknown as { adbd: { close(): Promise<void> } }).adbd.close();
    const failed = await env.core.services.gateway
      .device(phone.serial)
      .shell('echo hi', { timeoutMs: 3_000 })
      .catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: expect.stringMatching(/DEVICE_LOST|DEVICE_OFFLINE|TIMEOUT/) });
    const view = await eventually(
      () => {
        const v = env.core.services.registry.get(phone.serial);
        return v && v.state !== 'device' ? v : undefined;
      },
      5_000,
      'phone no longer ready',
    );
    expect(['offline', 'connecting']).toContain(view.state);
  });

  it('keeps every phone it has seen in the database', async () => {
    const db = (await import('better-sqlite3')).default;
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(env.dir)).toContain('pushlab.db');
    const conn = new db(`${env.dir}/pushlab.db`, { readonly: true });
    const rows = conn.prepare('select serial from devices').all() as Array<{ serial: string }>;
    conn.close();
    expect(rows.length).toBeGreaterThanOrEqual(PHONES.length + 2);
  });
});
