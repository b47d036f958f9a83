import { describe, expect, it } from 'vitest';
import type { DeviceView } from '../../../shared/domain/device';
import type { ApkInfo, InstallItem } from '../../../shared/domain/install';
import { DEFAULT_INSTALL_OPTIONS } from '../../../shared/domain/install';
import { installOnPhone } from '../../../electron/lab/android/install/install-on-phone';
import { LabError } from '../../../electron/lab/errors';
import { FakeDeviceIo, type ShellRule } from '../../support/fake-device-io';

const apk: ApkInfo = {
  path: '/tmp/app.apk',
  fileName: 'app.apk',
  sizeBytes: 1024,
  sha256: 'ab'.repeat(32),
  packageName: 'com.example.app',
  versionCode: 7,
  versionName: '1.7',
  minSdk: 24,
  targetSdk: 34,
  label: 'Example',
  testOnly: false,
  nativeAbis: [],
};

function view(serial: string, patch: Partial<DeviceView> = {}): DeviceView {
  return {
    serial,
    platform: 'android',
    state: 'device',
    transport: 'usb',
    identity: null,
    identityStatus: 'ready',
    identityError: null,
    firstSeen: '',
    lastSeen: '',
    ...patch,
  };
}

async function run(
  rules: ShellRule[],
  v: DeviceView | null = view('S1'),
  io = new FakeDeviceIo('S1', rules),
) {
  const updates: InstallItem[] = [];
  const item = await installOnPhone({
    apk,
    options: { ...DEFAULT_INSTALL_OPTIONS, grantPermissions: true },
    io,
    view: v ?? undefined,
    remotePath: '/data/local/tmp/pushlab-test.apk',
    now: () => '2026-01-01T00:00:00.000Z',
    update: (i) => updates.push(i),
  });
  return { item, updates, io };
}

describe('installOnPhone', () => {
  it('pushes, installs with the chosen flags, removes the copy and reports done', async () => {
    const { item, updates, io } = await run([[/^pm install/, 'Performing Streamed Install\nSuccess\n']]);
    expect(item.phase).toBe('done');
    expect(io.pushes).toEqual([
      { localPath: '/tmp/app.apk', remotePath: '/data/local/tmp/pushlab-test.apk' },
    ]);
    expect(io.commands).toEqual([
      'pm install -r -t -g /data/local/tmp/pushlab-test.apk',
      'rm -f /data/local/tmp/pushlab-test.apk',
    ]);
    expect(updates.map((u) => u.phase)).toEqual(['pushing', 'pushing', 'pushing', 'installing', 'done']);
    expect(updates[2]?.bytesPushed).toBe(1024);
  });

  it('explains a pm failure in plain words and still removes the copy', async () => {
    const { item, io } = await run([
      [/^pm install/, 'Failure [INSTALL_FAILED_VERSION_DOWNGRADE: Downgrade detected]\n'],
    ]);
    expect(item.phase).toBe('failed');
    expect(item.failure?.reason).toBe('INSTALL_FAILED_VERSION_DOWNGRADE');
    expect(item.failure?.fix).toMatch(/downgrade/i);
    expect(item.failure?.raw).toContain('Downgrade detected');
    expect(io.commands.at(-1)).toBe('rm -f /data/local/tmp/pushlab-test.apk');
  });

  it('fails only this phone when it is unplugged mid-push', async () => {
    const io = new FakeDeviceIo('S1');
    io.pushBehaviour = async (options) => {
      options.onProgress?.(100);
      throw new LabError('DEVICE_LOST', 'Phone S1 was disconnected while copying the file to the phone.', {
        hint: 'Reconnect the phone and try again.',
      });
    };
    const { item } = await run([], view('S1'), io);
    expect(item.phase).toBe('failed');
    expect(item.failure).toMatchObject({ reason: 'DEVICE_LOST', fix: 'Reconnect the phone and try again.' });
    expect(io.commands.some((c) => c.startsWith('pm install'))).toBe(false);
  });

  it('refuses before touching a phone whose Android is older than minSdk', async () => {
    const identity = { sdk: 22 } as DeviceView['identity'];
    const { item, io } = await run([], view('S1', { identity }));
    expect(item.failure?.reason).toBe('INSTALL_FAILED_OLDER_SDK');
    expect(io.pushes).toEqual([]);
  });

  it('refuses phones that are not connected or not authorized', async () => {
    expect((await run([], null)).item.failure?.reason).toBe('DEVICE_NOT_FOUND');
    const unauthorized = await run([], view('S1', { state: 'unauthorized' }));
    expect(unauthorized.item.failure).toMatchObject({
      reason: 'DEVICE_NOT_READY',
      fix: expect.stringMatching(/Allow/),
    });
    expect(unauthorized.io.pushes).toEqual([]);
  });

  it("keeps the zh-CN text of its own refusals, and none for the phone's INSTALL_* reasons", async () => {
    const missing = (await run([], null)).item.failure;
    expect(missing?.zh).toEqual({
      message: '手机 S1 没有连接。',
      fix: '请插上手机并允许 USB 调试，然后重试。',
    });
    const unauthorized = (await run([], view('S1', { state: 'unauthorized' }))).item.failure;
    expect(unauthorized?.zh?.message).toBe('手机 S1 处于 unauthorized 状态，还不能安装。');
    expect(unauthorized?.zh?.fix).toMatch(/允许/);
    const old = (await run([], view('S1', { identity: { sdk: 22 } as DeviceView['identity'] }))).item.failure;
    expect(old?.reason).toBe('INSTALL_FAILED_OLDER_SDK');
    expect(old?.zh).toBeUndefined();
  });
});
