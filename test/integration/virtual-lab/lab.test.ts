/**
 * VirtualLab against a private adb 29.0.6 server: phones appear, authorize, unplug/plug, and
 * connect twenty at a time; everything is torn down afterwards.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Adb from '@devicefarmer/adbkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PROFILES,
  isProfile,
  startAdbServer,
  VirtualAndroid,
  VirtualLab,
  type AdbServerHandle,
} from '../../virtual-lab';
import { writeTestApk } from '../../virtual-lab/apk/build-apk';
import { loadProfileProps } from '../../virtual-lab/harness/profiles';

let server: AdbServerHandle;
let lab: VirtualLab;
let dir: string;

async function adbDevices(): Promise<Map<string, string>> {
  const { stdout } = await server.adb(['devices']);
  const states = new Map<string, string>();
  for (const line of stdout.split('\n').slice(1)) {
    const [serial, state] = line.split('\t');
    if (serial && state) states.set(serial, state);
  }
  return states;
}

function portAccepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

beforeAll(async () => {
  server = await startAdbServer();
  lab = await VirtualLab.start({ adbPort: server.port });
  dir = await mkdtemp(join(tmpdir(), 'pushlab-lab-it-'));
});

afterAll(async () => {
  await lab?.close();
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('VirtualLab', () => {
  it('DEMO_PROFILES names one real capture per vendor family', () => {
    const families = ['xiaomi', 'huawei', 'honor', 'oppo', 'vivo', 'meizu', 'samsung', 'pixel', 'oneplus'];
    expect(DEMO_PROFILES).toHaveLength(families.length);
    for (const profile of DEMO_PROFILES) expect(isProfile(profile)).toBe(true);
    for (const family of families)
      expect(DEMO_PROFILES.some((profile) => profile.includes(family))).toBe(true);
  });

  it('addPhone makes the phone appear as a device with the capture identity', async () => {
    const profile = 'google-pixel-android15-1';
    const phone = await lab.addPhone({ profile, id: 'pixel' });
    expect(phone).toMatchObject({
      id: 'pixel',
      profile,
      plugged: true,
      authorized: true,
      serial: `127.0.0.1:${phone.port}`,
    });
    expect(phone.port < 5554 || phone.port > 5585).toBe(true);
    const { stdout } = await server.adb(['devices', '-l']);
    const model = (loadProfileProps(profile)['ro.product.model'] ?? '').replace(/[^A-Za-z0-9]/g, '_');
    expect(stdout).toMatch(new RegExp(`^127\\.0\\.0\\.1:${phone.port}\\s+device .*model:${model} `, 'm'));
    const adbkit = Adb.createClient({ host: '127.0.0.1', port: server.port }).getDevice(phone.serial);
    expect((await Adb.util.readAll(await adbkit.shell('echo hi'))).toString()).toBe('hi\n');
    expect(
      (await server.adb(['-s', phone.serial, 'shell', 'getprop', 'ro.product.model'])).stdout.trim(),
    ).toBe(loadProfileProps(profile)['ro.product.model']);
  });

  it('an unauthorized phone is listed unauthorized, then device after authorize()', async () => {
    const phone = await lab.addPhone({
      profile: 'xiaomi-hyperos2-android14-2',
      id: 'locked',
      authorized: false,
    });
    expect(phone.authorized).toBe(false);
    expect((await adbDevices()).get(phone.serial)).toBe('unauthorized');
    lab.authorize('locked');
    await expect.poll(async () => (await adbDevices()).get(phone.serial), { timeout: 5000 }).toBe('device');
    expect(lab.phone('locked').authorized).toBe(true);
  });

  it('unplug removes the phone from adb like a cable pull; plug brings it back on the same port', async () => {
    const phone = await lab.addPhone({ profile: 'vivo-originos5-android15-1', id: 'cable' });
    const tracker = await Adb.createClient({ host: '127.0.0.1', port: server.port }).trackDevices();
    const removed = new Promise<string>((resolve) =>
      tracker.on('remove', (device: { id: string }) => resolve(device.id)),
    );
    try {
      await lab.unplug('cable');
      expect(phone.plugged).toBe(false);
      expect((await adbDevices()).has(phone.serial)).toBe(false);
      expect(await portAccepts(phone.port)).toBe(false);
      expect(await removed).toBe(phone.serial);
      expect(lab.status().phones.find((view) => view.id === 'cable')?.plugged).toBe(false);

      const port = phone.port;
      await lab.plug('cable');
      expect(phone.port).toBe(port);
      expect((await adbDevices()).get(phone.serial)).toBe('device');
      expect((await server.adb(['-s', phone.serial, 'shell', 'echo', 'back'])).stdout).toBe('back\n');
    } finally {
      tracker.end();
    }
  });

  it('phones run the Android emulation: adb install streams a real APK into it (abb_exec and exec:cmd)', async () => {
    const apk = join(dir, 'demo.apk');
    await writeTestApk(apk, { packageName: 'dev.pushlab.labtest', versionCode: 12, padBytes: 2_000_000 });
    const [modern, legacy] = await lab.addPhones([
      { profile: 'oppo-coloros15-android15-1', id: 'android15' },
      { profile: 'vivo-funtouchos9-android9-2', id: 'android9' },
    ]);
    expect(modern?.backend.features()).toContain('abb_exec');
    expect(legacy?.backend.features()).not.toContain('abb_exec');
    for (const phone of [modern, legacy]) {
      if (phone === undefined) throw new Error('phone missing');
      expect(phone.backend).toBeInstanceOf(VirtualAndroid);
      const { stdout } = await server.adb(['-s', phone.serial, 'install', apk]);
      expect(stdout).toMatch(/^Success$/m);
      expect((phone.backend as VirtualAndroid).installedPackage('dev.pushlab.labtest')?.versionCode).toBe(12);
      expect(
        (await server.adb(['-s', phone.serial, 'shell', 'pm', 'path', 'dev.pushlab.labtest'])).stdout,
      ).toMatch(/^package:\/data\/app\/.*base\.apk$/m);
    }
    const adbkit = Adb.createClient({ host: '127.0.0.1', port: server.port }).getDevice(modern?.serial ?? '');
    expect(await adbkit.isInstalled('dev.pushlab.labtest')).toBe(true);
  });

  it('connects 20 phones in parallel with unique ids', async () => {
    const specs = Array.from({ length: 20 }, (_, i) => ({
      profile: DEMO_PROFILES[i % DEMO_PROFILES.length] as string,
    }));
    const phones = await lab.addPhones(specs);
    expect(new Set(phones.map((phone) => phone.id)).size).toBe(20);
    expect(new Set(phones.map((phone) => phone.port)).size).toBe(20);
    const states = await adbDevices();
    for (const phone of phones) expect(states.get(phone.serial)).toBe('device');
    const status = lab.status();
    expect(status.running).toBe(true);
    expect(status.phones.length).toBeGreaterThanOrEqual(20);
    expect(Object.keys(status.phones[0] ?? {}).sort()).toEqual([
      'authorized',
      'id',
      'plugged',
      'port',
      'profile',
      'serial',
    ]);
  });

  it('rejects unknown profiles, duplicate ids and reserved ports', async () => {
    await expect(lab.addPhone({ profile: 'nokia-3310' })).rejects.toThrow(/Unknown virtual phone profile/);
    await expect(lab.addPhone({ profile: '../../etc/passwd' })).rejects.toThrow(
      /Unknown virtual phone profile/,
    );
    await expect(lab.addPhone({ profile: 'google-pixel-android15-1', id: 'pixel' })).rejects.toThrow(
      /already exists/,
    );
    await expect(lab.addPhone({ profile: 'google-pixel-android15-1', port: 5555 })).rejects.toThrow(
      /reserves/,
    );
    expect(() => lab.phone('nobody')).toThrow(/No virtual phone/);
  });

  it('close() unplugs everything and stops every adbd', async () => {
    const phones = lab.phones();
    await lab.close();
    expect(lab.status().running).toBe(false);
    expect([...(await adbDevices()).keys()]).toEqual([]);
    for (const phone of phones) expect(await portAccepts(phone.port)).toBe(false);
  });
});
