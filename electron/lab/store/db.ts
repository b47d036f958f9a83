/**
 * Opens PushLab's SQLite database with the settings a desktop app wants (WAL for file
 * databases, foreign keys, a busy timeout, synchronous NORMAL) and migrates it. Failures
 * become STORAGE_FAILED with a hint; the file is never deleted or replaced.
 */
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { LocalizedErrorText } from '../../../shared/errors';
import { LabError } from '../errors';
import { assertKnownSchema, migrate } from './migrate';
import { chmodPrivate, ensurePrivateDir, precreatePrivateFile, PRIVATE_FILE_MODE } from './private-files';

export type Db = Database.Database;

const BUSY_TIMEOUT_MS = 5000;

function storageError(message: string, hint: string, error: unknown, zh: LocalizedErrorText): LabError {
  const detail = error instanceof Error ? error.message : String(error);
  return new LabError('STORAGE_FAILED', message, { hint, detail, cause: error, zh });
}

/** Opens (creating if needed) and migrates the database at `path`, or an in-memory one. */
export function openDatabase(path: string): Db {
  const memory = path === ':memory:';
  const file = memory ? path : resolve(path);
  if (!memory) {
    try {
      ensurePrivateDir(dirname(file));
      // better-sqlite3 would create it 0644 & ~umask: made first, 0600.
      precreatePrivateFile(file);
    } catch (error) {
      throw storageError(
        `PushLab cannot create the folder for its database (${dirname(file)}).`,
        'Check that the data folder is writable, or choose another location.',
        error,
        {
          message: `PushLab 无法为它的数据库创建文件夹（${dirname(file)}）。`,
          hint: '请检查数据文件夹是否可写，或选择其他位置。',
        },
      );
    }
  }
  let db: Db;
  try {
    db = new Database(file);
  } catch (error) {
    throw storageError(
      `PushLab cannot open its database at ${file}.`,
      'Check that the path is a file you can write to (not a folder), or choose another location.',
      error,
      {
        message: `PushLab 无法打开它在 ${file} 的数据库。`,
        hint: '请检查该路径是你可以写入的文件（不是文件夹），或选择其他位置。',
      },
    );
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // The first read of the header is where "not a database" surfaces. A database from a newer
    // PushLab is refused before anything (even the journal mode) is written to it.
    assertKnownSchema(db);
    if (!memory) {
      db.pragma('journal_mode = WAL');
      // SQLite copies the database's mode to -wal and -shm; set it anyway, whatever made them.
      for (const suffix of ['-wal', '-shm']) chmodPrivate(`${file}${suffix}`, PRIVATE_FILE_MODE);
    }
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
  } catch (error) {
    db.close();
    if (error instanceof LabError) throw error;
    const notDb = /not a database|file is encrypted/i.test(error instanceof Error ? error.message : '');
    throw storageError(
      notDb ? `${file} is not a PushLab database.` : `PushLab cannot use its database at ${file}.`,
      notDb
        ? 'Move that file aside or choose another database path; PushLab leaves it untouched.'
        : 'Check that the file is writable and not locked by another program, then try again.',
      error,
      notDb
        ? {
            message: `${file} 不是 PushLab 数据库。`,
            hint: '请把该文件移到别处，或选择其他数据库路径；PushLab 不会改动它。',
          }
        : {
            message: `PushLab 无法使用它在 ${file} 的数据库。`,
            hint: '请检查该文件可写且没有被其他程序锁定，然后重试。',
          },
    );
  }
  try {
    migrate(db);
  } catch (error) {
    db.close();
    if (error instanceof LabError) throw error;
    throw storageError(
      `PushLab cannot prepare its database at ${file}.`,
      'Check that the file is writable.',
      error,
      {
        message: `PushLab 无法准备它在 ${file} 的数据库。`,
        hint: '请检查该文件是否可写。',
      },
    );
  }
  return db;
}
