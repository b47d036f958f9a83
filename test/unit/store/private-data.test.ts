/**
 * The data folder is private whatever the umask: with umask 000 (everything would be 0777/0666)
 * the folder, the database and its WAL/SHM, and evidence files still come out 0700 / 0600.
 */
import { chmodSync, existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLabCore } from '../../../electron/lab/compose';
import { EvidenceStore } from '../../../electron/lab/evidence/evidence-store';
import { openDatabase } from '../../../electron/lab/store/db';
import { silentLogger } from '../../../electron/lab/util/logger';

const mode = (path: string) => statSync(path).mode & 0o777;
const posix = process.platform !== 'win32';

let work: string;
let savedUmask: number;

beforeAll(async () => {
  savedUmask = process.umask(0o000);
  work = await mkdtemp(join(tmpdir(), 'pushlab-private-'));
});

afterAll(async () => {
  process.umask(savedUmask);
  await rm(work, { recursive: true, force: true });
});

describe.runIf(posix)('private data under umask 000', () => {
  it('creates the data folder 0700 and the database, WAL and SHM 0600', async () => {
    const dataDir = join(work, 'fresh', 'data');
    const core = await createLabCore({
      dataDir,
      adb: { host: '127.0.0.1', port: 1, bin: 'adb', startServer: false },
      shell: 'test',
      logger: silentLogger,
      trackDevices: false,
    });
    try {
      expect(mode(dataDir)).toBe(0o700);
      const db = join(dataDir, 'pushlab.db');
      expect(mode(db)).toBe(0o600);
      expect(existsSync(`${db}-wal`)).toBe(true);
      expect(mode(`${db}-wal`)).toBe(0o600);
      expect(mode(`${db}-shm`)).toBe(0o600);
    } finally {
      await core.close();
    }
  });

  it('tightens a data folder and database that an older version left open', async () => {
    const dataDir = join(work, 'old');
    await mkdir(dataDir, { recursive: true });
    chmodSync(dataDir, 0o755);
    openDatabase(join(dataDir, 'pushlab.db')).close();
    chmodSync(join(dataDir, 'pushlab.db'), 0o644);
    const db = openDatabase(join(dataDir, 'pushlab.db'));
    try {
      expect(mode(join(dataDir, 'pushlab.db'))).toBe(0o600);
    } finally {
      db.close();
    }
    const core = await createLabCore({
      dataDir,
      adb: { host: '127.0.0.1', port: 1, bin: 'adb', startServer: false },
      shell: 'test',
      logger: silentLogger,
      trackDevices: false,
    });
    await core.close();
    expect(mode(dataDir)).toBe(0o700);
  });

  it('writes evidence files 0600 in 0700 folders', async () => {
    const root = join(work, 'evidence');
    const store = new EvidenceStore(root, {
      now: () => Date.UTC(2026, 0, 1),
      iso: () => '2026-01-01T00:00:00.000Z',
    });
    const saved = await store.save('logcat', 'emulator-5554', 'txt', 'a private notification text');
    const shot = await store.saveScreenshot('emulator-5554', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect(mode(root)).toBe(0o700);
    expect(mode(join(root, 'logcat'))).toBe(0o700);
    expect(mode(join(root, 'screenshots'))).toBe(0o700);
    expect(mode(saved.path)).toBe(0o600);
    expect(mode(shot.path)).toBe(0o600);
  });
});
