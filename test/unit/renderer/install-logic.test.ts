import { describe, expect, it } from 'vitest';
import type { ApkInfo, InstallItem, InstallJob } from '../../../shared/domain/install';
import { DEFAULT_INSTALL_OPTIONS } from '../../../shared/domain/install';
import {
  applyProgress,
  effectiveSelection,
  jobCounts,
  mergeItem,
  mergeJob,
  mergeJobs,
  progressValue,
  sdkConflict,
  selectableTargets,
  offersSimulatorBuilds,
  shortHash,
} from '../../../renderer/src/install/install-logic';
import { OLD_SAMSUNG, XIAOMI } from '../../support/sample-devices';

const apk: ApkInfo = {
  path: '/tmp/app.apk',
  fileName: 'app.apk',
  sizeBytes: 1000,
  sha256: 'ab'.repeat(32),
  packageName: 'dev.pushlab.sample',
  versionCode: 3,
  versionName: '1.0.3',
  minSdk: 28,
  targetSdk: 35,
  label: null,
  testOnly: false,
  nativeAbis: [],
};

const item = (serial: string, partial: Partial<InstallItem> = {}): InstallItem => ({
  serial,
  phase: 'queued',
  bytesPushed: 0,
  totalBytes: 1000,
  failure: null,
  startedAt: null,
  finishedAt: null,
  ...partial,
});

const job = (
  id: string,
  startedAt: string,
  items: InstallItem[],
  finishedAt: string | null = null,
): InstallJob => ({
  id,
  apk,
  options: DEFAULT_INSTALL_OPTIONS,
  items,
  startedAt,
  finishedAt,
});

describe('mergeItem', () => {
  it('keeps whichever is further along, so late snapshots never roll progress back', () => {
    const pushing = item('a', { phase: 'pushing', bytesPushed: 600 });
    const queued = item('a');
    expect(mergeItem(pushing, queued)).toBe(pushing);
    expect(mergeItem(queued, pushing)).toBe(pushing);
    expect(mergeItem(pushing, item('a', { phase: 'pushing', bytesPushed: 200 }))).toBe(pushing);
    const done = item('a', { phase: 'done', bytesPushed: 1000, finishedAt: 'x' });
    expect(mergeItem(done, pushing)).toBe(done);
  });
});

describe('jobs', () => {
  it('inserts newest first and updates in place', () => {
    const older = job('j1', '2026-01-01T10:00:00Z', [item('a')]);
    const newer = job('j2', '2026-01-01T11:00:00Z', [item('a')]);
    const list = mergeJob(mergeJob([], older), newer);
    expect(list.map((j) => j.id)).toEqual(['j2', 'j1']);
    const finished = job(
      'j1',
      '2026-01-01T10:00:00Z',
      [item('a', { phase: 'done', finishedAt: 'x' })],
      '2026-01-01T10:01:00Z',
    );
    const updated = mergeJob(list, finished);
    expect(updated.map((j) => j.id)).toEqual(['j2', 'j1']);
    expect(updated[1]?.finishedAt).toBe('2026-01-01T10:01:00Z');
    expect(mergeJobs([], [older, newer]).map((j) => j.id)).toEqual(['j2', 'j1']);
  });

  it('applies progress to the right phone of the right job, keeping the phone order', () => {
    const list = [job('j1', '2026-01-01T10:00:00Z', [item('a'), item('b')])];
    const { jobs, applied } = applyProgress(list, {
      jobId: 'j1',
      item: item('b', { phase: 'pushing', bytesPushed: 500 }),
    });
    expect(applied).toBe(true);
    expect(jobs[0]?.items.map((i) => [i.serial, i.phase, i.bytesPushed])).toEqual([
      ['a', 'queued', 0],
      ['b', 'pushing', 500],
    ]);
    expect(list[0]?.items[1]?.phase).toBe('queued');
  });

  it('reports progress for a job it does not know yet as not applied', () => {
    const { jobs, applied } = applyProgress([], { jobId: 'later', item: item('a') });
    expect(applied).toBe(false);
    expect(jobs).toEqual([]);
  });

  it('counts outcomes', () => {
    const j = job('j', 't', [
      item('a', { phase: 'done' }),
      item('b', { phase: 'failed' }),
      item('c', { phase: 'installing' }),
    ]);
    expect(jobCounts(j)).toEqual({ total: 3, done: 1, failed: 1, running: 1 });
  });
});

describe('progress bar values', () => {
  it('shows bytes while pushing, indeterminate while installing, full when done', () => {
    expect(progressValue(item('a'))).toEqual({ value: 0, max: 1000 });
    expect(progressValue(item('a', { phase: 'pushing', bytesPushed: 250 }))).toEqual({
      value: 250,
      max: 1000,
    });
    expect(progressValue(item('a', { phase: 'installing', bytesPushed: 1000 }))).toEqual({
      value: undefined,
      max: 1000,
    });
    expect(progressValue(item('a', { phase: 'done', bytesPushed: 1000 }))).toEqual({
      value: 1000,
      max: 1000,
    });
    // A zero-byte total must not produce a 0/0 bar.
    expect(progressValue(item('a', { phase: 'done', totalBytes: 0 }))).toEqual({ value: 1, max: 1 });
  });
});

describe('selection and checks', () => {
  it('warns only when the phone is older than minSdk', () => {
    expect(sdkConflict(apk, OLD_SAMSUNG)).toEqual({ sdk: 27, minSdk: 28 });
    expect(sdkConflict(apk, XIAOMI)).toBeNull();
    expect(sdkConflict({ ...apk, minSdk: null }, OLD_SAMSUNG)).toBeNull();
  });

  it('offers the iOS .app only where simulators are available or listed', () => {
    expect(offersSimulatorBuilds({ available: false }, [XIAOMI])).toBe(false);
    expect(offersSimulatorBuilds(null, [XIAOMI])).toBe(false);
    expect(offersSimulatorBuilds({ available: true }, [])).toBe(true);
    expect(offersSimulatorBuilds({ available: false }, [{ ...XIAOMI, platform: 'ios' }])).toBe(true);
  });

  it('"Select all ready phones" leaves out a phone below the APK\'s minSdk', () => {
    const serials = (list: ReturnType<typeof selectableTargets>) => list.map((d) => d.serial);
    expect(serials(selectableTargets([XIAOMI, OLD_SAMSUNG], apk, null))).toEqual([XIAOMI.serial]);
    expect(serials(selectableTargets([XIAOMI, OLD_SAMSUNG], null, null)).sort()).toEqual(
      [XIAOMI.serial, OLD_SAMSUNG.serial].sort(),
    );
    expect(serials(selectableTargets([OLD_SAMSUNG], { ...apk, minSdk: 21 }, null))).toEqual([
      OLD_SAMSUNG.serial,
    ]);
  });

  it('drops selected phones that are gone or not ready, in board order', () => {
    expect(effectiveSelection(['c', 'gone', 'a'], ['a', 'b', 'c'])).toEqual(['a', 'c']);
  });

  it('shortens hashes', () => {
    expect(shortHash('0123456789abcdef')).toBe('0123456789ab');
  });
});
