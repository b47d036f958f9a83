/**
 * Domain values for store tests.
 */
import type { DeviceIdentity } from '../../../shared/domain/device';
import type { ApkInfo, InstallItem, InstallJob } from '../../../shared/domain/install';
import { DEFAULT_INSTALL_OPTIONS } from '../../../shared/domain/install';
import { expect } from 'vitest';
import { LabError } from '../../../electron/lab/errors';

export const IDENTITY: DeviceIdentity = {
  manufacturer: 'Xiaomi',
  brand: 'Redmi',
  model: '23117RK66C',
  marketingName: 'Redmi K70',
  device: 'vermeer',
  androidVersion: '14',
  sdk: 34,
  rom: { name: 'HyperOS', version: '1.0.5.0' },
  pushChannel: 'xiaomi',
  pushChannelReason: { key: 'channel.reason.miui', values: { prop: 'ro.mi.os.version.name' } },
  pushServices: [
    {
      package: 'com.xiaomi.xmsf',
      channel: 'xiaomi',
      name: 'Xiaomi push service',
      versionCode: 50_100,
      minimumVersionCode: null,
      meetsMinimum: null,
    },
  ],
  abis: ['arm64-v8a', 'armeabi-v7a'],
  fingerprint: 'Redmi/vermeer/vermeer:14/UKQ1.230804.001/V816.0.5.0.UNKCNXM:user/release-keys',
};

/** The same identity with every object's keys in reverse order. */
export function reordered<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reordered) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reordered(v)]),
    ) as T;
  }
  return value;
}

export function apk(over: Partial<ApkInfo> = {}): ApkInfo {
  return {
    path: '/home/qa/builds/app-release.apk',
    fileName: 'app-release.apk',
    sizeBytes: 20_971_520,
    sha256: 'a'.repeat(64),
    packageName: 'com.tencent.pushlab.demo',
    versionCode: 120034,
    versionName: '12.0.34',
    minSdk: 23,
    targetSdk: 35,
    label: 'Push Demo',
    testOnly: false,
    nativeAbis: ['arm64-v8a', 'armeabi-v7a'],
    ...over,
  };
}

export function item(serial: string, over: Partial<InstallItem> = {}): InstallItem {
  return {
    serial,
    phase: 'queued',
    bytesPushed: 0,
    totalBytes: 20_971_520,
    failure: null,
    startedAt: null,
    finishedAt: null,
    ...over,
  };
}

export function job(id: string, serials: readonly string[], over: Partial<InstallJob> = {}): InstallJob {
  return {
    id,
    apk: apk(),
    options: { ...DEFAULT_INSTALL_OPTIONS, grantPermissions: true },
    items: serials.map((s) => item(s)),
    startedAt: '2025-05-01T10:00:00.000Z',
    finishedAt: null,
    ...over,
  };
}

/** Runs `run`, expects it to throw a LabError, and returns it. */
export function errorOf(run: () => unknown): LabError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(LabError);
    return error as LabError;
  }
  throw new Error('expected a LabError');
}
