/**
 * Opens PushLab's database for commands that only read (`pushlab runs`, `pushlab report`):
 * nothing is written, not even SQLite's -wal/-shm side files, so it works in a read-only folder
 * and leaves a shared or archived database exactly as it was.
 *
 * SQLite opens a WAL database read-only only when it may create the -shm file next to it, and
 * better-sqlite3 cannot pass `immutable=1`. So the command works on an in-memory copy: the file
 * read as it is when no -wal holds pending data (no writer has it open: a cleanly closed
 * database keeps everything in the main file), else serialized from a read-only connection in
 * place, which reads the writer's -wal. What the core then changes (an orphaned run marked
 * interrupted, so `pushlab runs` shows it as it is) changes only the copy.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { LabError } from '../errors';
import { assertKnownSchema } from './migrate';
import { MIGRATIONS } from './migrations';

type Db = Database.Database;

const HEADER = 'SQLite format 3\u0000';

function fileError(file: string, error: unknown): LabError {
  const code = (error as NodeJS.ErrnoException).code;
  const words =
    code === 'ENOENT'
      ? 'was not found'
      : code === 'EISDIR'
        ? 'is a folder, not a file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'is not readable (permission denied)'
          : 'cannot be read';
  const wordsZh =
    code === 'ENOENT'
      ? '未找到'
      : code === 'EISDIR'
        ? '是一个文件夹，不是文件'
        : code === 'EACCES' || code === 'EPERM'
          ? '不可读（权限不足）'
          : '无法读取';
  return new LabError(
    code === 'ENOENT' ? 'NOT_FOUND' : 'STORAGE_FAILED',
    `The PushLab database ${file} ${words}.`,
    {
      hint: 'Pass the database the runs were stored in with --db FILE (or --data-dir DIR).',
      detail: error instanceof Error ? error.message : String(error),
      zh: {
        message: `PushLab 数据库 ${file} ${wordsZh}。`,
        hint: '请用 --db FILE（或 --data-dir DIR）指定保存这些运行的数据库。',
      },
    },
  );
}

/** The database file's bytes as a rollback-journal database (same pages; header bytes 18-19). */
function snapshot(file: string): Buffer {
  return asRollbackJournal(readFileSync(file), file);
}

function asRollbackJournal(bytes: Buffer, file: string): Buffer {
  if (bytes.length < 100 || bytes.subarray(0, 16).toString('latin1') !== HEADER) {
    throw new LabError('STORAGE_FAILED', `${file} is not a PushLab database.`, {
      hint: 'Check the path given with --db; PushLab left the file untouched.',
      zh: {
        message: `${file} 不是 PushLab 数据库。`,
        hint: '请检查 --db 指定的路径；PushLab 没有改动该文件。',
      },
    });
  }
  // 2 = WAL; 1 = legacy journal, which an in-memory database can read.
  if (bytes[18] === 2) bytes[18] = 1;
  if (bytes[19] === 2) bytes[19] = 1;
  return bytes;
}

function walHasData(file: string): boolean {
  return (statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0;
}

/** Opens `path` read-only (never created, migrated or written); refuses a schema it cannot read. */
export function openDatabaseReadOnly(path: string): Db {
  const file = resolve(path);
  let db: Db;
  try {
    if (statSync(file).isDirectory()) throw Object.assign(new Error(`EISDIR: ${file}`), { code: 'EISDIR' });
    db = new Database(walHasData(file) ? serializedInPlace(file) : snapshot(file));
  } catch (error) {
    if (error instanceof LabError) throw error;
    throw fileError(file, error);
  }
  try {
    const version = assertKnownSchema(db);
    if (version < MIGRATIONS.length) {
      throw new LabError(
        'STORAGE_FAILED',
        `The database ${file} has an older schema (${version}; this PushLab uses ${MIGRATIONS.length}) and this command only reads.`,
        {
          hint: 'Open it once with the app or a command that writes (e.g. `pushlab devices --db FILE`) where its folder is writable; that updates it.',
          zh: {
            message: `数据库 ${file} 的结构版本较旧（${version}；这个 PushLab 使用 ${MIGRATIONS.length}），而这个命令只读取。`,
            hint: '请在它的文件夹可写的地方，用应用或会写入的命令（例如 `pushlab devices --db FILE`）打开一次；这样会更新它。',
          },
        },
      );
    }
  } catch (error) {
    db.close();
    if (error instanceof LabError) throw error;
    throw new LabError('STORAGE_FAILED', `${file} is not a PushLab database.`, {
      hint: 'Check the path given with --db; PushLab left the file untouched.',
      detail: error instanceof Error ? error.message : String(error),
      zh: {
        message: `${file} 不是 PushLab 数据库。`,
        hint: '请检查 --db 指定的路径；PushLab 没有改动该文件。',
      },
    });
  }
  return db;
}

/** A writer holds pending pages in the -wal: read them in place (SQLite needs the -shm for that). */
function serializedInPlace(file: string): Buffer {
  let bytes: Buffer;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      bytes = db.serialize();
    } finally {
      db.close();
    }
  } catch {
    // No -shm and a read-only folder (a writer that died): the main file's committed state.
    return snapshot(file);
  }
  return asRollbackJournal(bytes, file);
}
