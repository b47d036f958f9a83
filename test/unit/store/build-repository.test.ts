import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { readApk } from '../../../electron/lab/apk/read-apk';
import { BuildRepository } from '../../../electron/lab/store/build-repository';
import { openDatabase } from '../../../electron/lab/store/db';
import { writeTestApk } from '../../virtual-lab/apk';
import { apk } from './fixtures';

const tmp = mkdtempSync(join(tmpdir(), 'pushlab-builds-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let repo: BuildRepository;
beforeEach(() => {
  repo = new BuildRepository(openDatabase(':memory:'));
});

describe('BuildRepository', () => {
  it('round-trips an APK identity', () => {
    const info = apk({
      versionName: null,
      minSdk: null,
      targetSdk: null,
      label: null,
      testOnly: true,
      nativeAbis: [],
    });
    expect(repo.upsert(info, '2025-01-01T00:00:00.000Z')).toEqual({
      ...info,
      firstSeen: '2025-01-01T00:00:00.000Z',
    });
    expect(repo.get(info.sha256)).toEqual({ ...info, firstSeen: '2025-01-01T00:00:00.000Z' });
  });

  it('keeps one row per sha256: first_seen stays, path follows the latest copy', () => {
    repo.upsert(apk(), '2025-01-01T00:00:00.000Z');
    const moved = apk({ path: '/tmp/copy/renamed.apk', fileName: 'renamed.apk' });
    const stored = repo.upsert(moved, '2025-02-01T00:00:00.000Z');
    expect(stored.firstSeen).toBe('2025-01-01T00:00:00.000Z');
    expect(stored.path).toBe('/tmp/copy/renamed.apk');
    expect(stored.fileName).toBe('renamed.apk');
    expect(repo.list()).toHaveLength(1);
  });

  it('lists builds newest first and returns null for unknown hashes', () => {
    repo.upsert(apk({ sha256: '1'.repeat(64), versionCode: 1 }), '2025-01-01T00:00:00.000Z');
    repo.upsert(apk({ sha256: '3'.repeat(64), versionCode: 3 }), '2025-03-01T00:00:00.000Z');
    repo.upsert(apk({ sha256: '2'.repeat(64), versionCode: 2 }), '2025-02-01T00:00:00.000Z');
    expect(repo.list().map((b) => b.versionCode)).toEqual([3, 2, 1]);
    expect(repo.get('f'.repeat(64))).toBeNull();
  });

  it('stores what readApk reads from a real test APK, unchanged', async () => {
    const path = join(tmp, 'demo.apk');
    await writeTestApk(path, {
      packageName: 'com.pushlab.store',
      versionCode: 5,
      versionName: '0.5',
      label: 'Store',
      testOnly: true,
      nativeAbis: ['arm64-v8a', 'x86'],
    });
    const info = await readApk(path);
    const { firstSeen, ...stored } = repo.upsert(info, '2025-01-01T00:00:00.000Z');
    expect(firstSeen).toBe('2025-01-01T00:00:00.000Z');
    expect(stored).toEqual(info);
  });

  it('keeps long version codes exactly', () => {
    const long = 3 * 2 ** 32 + 7;
    repo.upsert(apk({ versionCode: long }), '2025-01-01T00:00:00.000Z');
    expect(repo.get(apk().sha256)?.versionCode).toBe(long);
  });
});
