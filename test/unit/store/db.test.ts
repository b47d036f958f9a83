import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/lab/store/db';
import { LATEST_SCHEMA_VERSION } from '../../../electron/lab/store/migrations';
import { createRepositories } from '../../../electron/lab/store/repositories';
import { apk, IDENTITY, job, errorOf } from './fixtures';

const tmp = mkdtempSync(join(tmpdir(), 'pushlab-db-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('openDatabase', () => {
  it('opens a file database with WAL, foreign keys, busy timeout and synchronous NORMAL', () => {
    const file = join(tmp, 'deep', 'er', 'pushlab.db');
    const db = openDatabase(file);
    expect(existsSync(file)).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('opens an in-memory database, migrated, without WAL', () => {
    const db = openDatabase(':memory:');
    expect(db.pragma('journal_mode', { simple: true })).toBe('memory');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('keeps everything across a close and reopen', () => {
    const file = join(tmp, 'reopen.db');
    const first = openDatabase(file);
    const a = createRepositories(first);
    a.devices.recordSeen(
      'R58N123',
      { platform: 'android', state: 'device', transport: 'usb' },
      '2025-01-01T00:00:00.000Z',
    );
    a.devices.recordIdentity('R58N123', IDENTITY, '2025-01-01T00:00:01.000Z');
    a.installs.createJob(job('job-1', ['R58N123']));
    a.installs.finishJob('job-1', '2025-05-01T10:01:00.000Z');
    first.close();

    const second = openDatabase(file);
    const b = createRepositories(second);
    expect(b.devices.get('R58N123')?.identity).toEqual(IDENTITY);
    expect(b.devices.identityHistory('R58N123')).toHaveLength(1);
    expect(b.builds.get(apk().sha256)?.packageName).toBe('com.tencent.pushlab.demo');
    expect(b.installs.getJob('job-1')).toEqual({
      ...job('job-1', ['R58N123']),
      finishedAt: '2025-05-01T10:01:00.000Z',
    });
    second.close();
  });

  it('refuses a file that is not a database, and leaves it alone', () => {
    const file = join(tmp, 'notes.db');
    const content = 'my QA notes, definitely not SQLite\n'.repeat(50);
    writeFileSync(file, content);
    const error = errorOf(() => openDatabase(file));
    expect(error.code).toBe('STORAGE_FAILED');
    expect(error.message).toMatch(/is not a PushLab database/);
    expect(error.hint).toMatch(/leaves it untouched/);
    expect(readFileSync(file, 'utf8')).toBe(content);
  });

  it('refuses a folder in place of the database file', () => {
    const dir = join(tmp, 'a-folder.db');
    mkdirSync(dir);
    const error = errorOf(() => openDatabase(dir));
    expect(error.code).toBe('STORAGE_FAILED');
    expect(error.hint).toBeTruthy();
  });

  it('reports a parent path that cannot be created', () => {
    const blocker = join(tmp, 'blocker');
    writeFileSync(blocker, 'x');
    const error = errorOf(() => openDatabase(join(blocker, 'sub', 'pushlab.db')));
    expect(error.code).toBe('STORAGE_FAILED');
    expect(error.message).toMatch(/folder/);
  });

  it('turns use after close into STORAGE_FAILED, not a raw driver error', () => {
    const db = openDatabase(':memory:');
    const repos = createRepositories(db);
    db.close();
    const error = errorOf(() => repos.devices.list());
    expect(error.code).toBe('STORAGE_FAILED');
    expect(error.message).toBe('Could not read the phone list.');
  });
});
