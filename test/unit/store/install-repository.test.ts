import type { Database } from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { LabError } from '../../../electron/lab/errors';
import { openDatabase } from '../../../electron/lab/store/db';
import { createRepositories, type Repositories } from '../../../electron/lab/store/repositories';
import { apk, item, job } from './fixtures';

let db: Database;
let repos: Repositories;
beforeEach(() => {
  db = openDatabase(':memory:');
  repos = createRepositories(db);
});

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(LabError);
    return (error as LabError).code;
  }
  throw new Error('expected a LabError');
}

describe('InstallRepository', () => {
  it('round-trips a job with its build, options and items in order', () => {
    const created = job('job-1', ['zz-last-alphabetically', 'R58N123', '192.168.1.20:5555']);
    repos.installs.createJob(created);
    expect(repos.installs.getJob('job-1')).toEqual(created);
    expect(repos.builds.get(created.apk.sha256)?.firstSeen).toBe(created.startedAt);
  });

  it('updates items through push progress, success and failure', () => {
    repos.installs.createJob(job('job-1', ['a', 'b']));
    repos.installs.updateItem(
      'job-1',
      item('a', { phase: 'pushing', bytesPushed: 1024, startedAt: '2025-05-01T10:00:01.000Z' }),
    );
    expect(repos.installs.getJob('job-1')?.items[0]).toMatchObject({ phase: 'pushing', bytesPushed: 1024 });

    const done = item('a', {
      phase: 'done',
      bytesPushed: 20_971_520,
      startedAt: '2025-05-01T10:00:01.000Z',
      finishedAt: '2025-05-01T10:00:09.000Z',
    });
    const failed = item('b', {
      phase: 'failed',
      failure: {
        reason: 'INSTALL_FAILED_USER_RESTRICTED',
        message: 'The phone refused installs over USB.',
        fix: 'Turn on "Install via USB" in Developer options.',
        raw: 'Failure [INSTALL_FAILED_USER_RESTRICTED: Install canceled by user]',
      },
      startedAt: '2025-05-01T10:00:01.000Z',
      finishedAt: '2025-05-01T10:00:03.000Z',
    });
    repos.installs.updateItem('job-1', done);
    repos.installs.updateItem('job-1', failed);
    expect(repos.installs.getJob('job-1')?.items).toEqual([done, failed]);

    // A retry that clears the failure clears every failure column.
    repos.installs.updateItem('job-1', item('b', { phase: 'pushing' }));
    expect(repos.installs.getJob('job-1')?.items[1]?.failure).toBeNull();
  });

  it('appends an item for a serial the job did not start with', () => {
    repos.installs.createJob(job('job-1', ['a']));
    repos.installs.updateItem('job-1', item('late', { phase: 'queued' }));
    repos.installs.updateItem('job-1', item('a', { phase: 'done' }));
    expect(repos.installs.getJob('job-1')?.items.map((i) => [i.serial, i.phase])).toEqual([
      ['a', 'done'],
      ['late', 'queued'],
    ]);
  });

  it('finishes a job', () => {
    repos.installs.createJob(job('job-1', ['a']));
    repos.installs.finishJob('job-1', '2025-05-01T10:05:00.000Z');
    expect(repos.installs.getJob('job-1')?.finishedAt).toBe('2025-05-01T10:05:00.000Z');
  });

  it('refuses progress or finishing for an unknown job', () => {
    expect(codeOf(() => repos.installs.updateItem('ghost', item('a')))).toBe('NOT_FOUND');
    expect(codeOf(() => repos.installs.finishJob('ghost', '2025-05-01T10:05:00.000Z'))).toBe('NOT_FOUND');
    expect(db.prepare('SELECT count(*) AS n FROM install_attempts').get()).toEqual({ n: 0 });
  });

  it('refuses a duplicate job id as a storage failure, leaving the first intact', () => {
    repos.installs.createJob(job('job-1', ['a']));
    expect(codeOf(() => repos.installs.createJob(job('job-1', ['b'])))).toBe('STORAGE_FAILED');
    expect(repos.installs.getJob('job-1')?.items.map((i) => i.serial)).toEqual(['a']);
  });

  it('returns recent jobs newest first, limited', () => {
    const other = apk({ sha256: 'b'.repeat(64), packageName: 'com.other.app' });
    repos.installs.createJob(job('j1', ['a'], { startedAt: '2025-05-01T10:00:00.000Z' }));
    repos.installs.createJob(job('j3', ['a'], { startedAt: '2025-05-03T10:00:00.000Z', apk: other }));
    repos.installs.createJob(job('j2', ['a'], { startedAt: '2025-05-02T10:00:00.000Z' }));
    expect(repos.installs.recentJobs(10).map((j) => j.id)).toEqual(['j3', 'j2', 'j1']);
    expect(repos.installs.recentJobs(2).map((j) => j.id)).toEqual(['j3', 'j2']);
    expect(repos.installs.recentJobs(10)[0]?.apk.packageName).toBe('com.other.app');
    expect(repos.installs.recentJobs(0)).toHaveLength(1);
    expect(repos.installs.getJob('nope')).toBeNull();
  });

  it('fills options a damaged row lost with the defaults', () => {
    repos.installs.createJob(job('job-1', ['a']));
    db.prepare("UPDATE install_jobs SET options = '{\"allowDowngrade\":true}' WHERE id = 'job-1'").run();
    expect(repos.installs.getJob('job-1')?.options).toEqual({
      replace: true,
      allowDowngrade: true,
      grantPermissions: false,
      allowTestOnly: true,
    });
  });
});
