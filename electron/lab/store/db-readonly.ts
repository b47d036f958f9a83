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
    code === 'ENOENT' ? 'was not found' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' || code === 'EPERM' ? 'is not readable (permission denied)' : 'cannot be read';
  return new LabError(code === 'ENOENT' ? 'NOT_FOUND' : 'STORAGE_FAILED', `The PushLab database ${file} ${words}.`, {
    hint: 'Pass the database the runs were stored in with --db FILE (or --data-dir DIR).',
    detail: error instanceof Error ? error.message : String(error),
  });
}

/** The database file's bytes as a rollback-journal database (same pages; header bytes 18-19). */
function snapshot(file: string): Buffer {
  return asRollbackJournal(readFileSync(file), file);
}

function asRollbackJournal(bytes: Buffer, file: string): Buffer {
  if (bytes.length < 100 || bytes.subarray(0, 16).toString('latin1') !== HEADER) {
    throw new LabError('STORAGE_FAILED', `${file} is not a PushLab database.`, { hint: 'Check the path given with --db; PushLab left the file untouched.' });
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
        { hint: 'Open it once with the app or a command that writes (e.g. `pushlab devices --db FILE`) where its folder is writable; that updates it.' },
      );
    }
  } catch (error) {
    db.close();
    if (error instanceof LabError) throw error;
    throw new LabError('STORAGE_FAILED', `${file} is not a PushLab database.`, {
      hint: 'Check the path given with --db; PushLab left the file untouched.',
      detail: error instanceof Error ? error.message : String(error),
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
