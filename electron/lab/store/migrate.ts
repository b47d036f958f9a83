/**
 * Brings a database to the latest schema: applies each pending migration in its own
 * transaction, tracked by PRAGMA user_version. A database from a newer PushLab is refused,
 * untouched, rather than half-understood.
 */
import type { Database } from 'better-sqlite3';
import { LabError } from '../errors';
import { MIGRATIONS, type Migration } from './migrations';

export interface MigrationResult {
  readonly from: number;
  readonly to: number;
  readonly applied: readonly string[];
}

/** Reads PRAGMA user_version. */
export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Throws STORAGE_FAILED when the database comes from a newer PushLab; returns its version. */
export function assertKnownSchema(db: Database, latest: number = MIGRATIONS.length): number {
  const version = schemaVersion(db);
  if (version > latest) {
    throw new LabError(
      'STORAGE_FAILED',
      `This database was written by a newer PushLab (schema ${version}; this version knows up to ${latest}).`,
      {
        hint: 'Update PushLab, or start it with a different database file. The database was left untouched.',
        zh: {
          message: `这个数据库由更新版本的 PushLab 写入（结构版本 ${version}；此版本最高支持 ${latest}）。`,
          hint: '请更新 PushLab，或使用其他数据库文件启动它。数据库未被改动。',
        },
      },
    );
  }
  return version;
}

/** Applies pending migrations; throws STORAGE_FAILED for a newer or broken database. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): MigrationResult {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const from = assertKnownSchema(db, migrations.length);
  const applied: string[] = [];
  for (const m of migrations.slice(from)) {
    try {
      db.transaction(() => {
        m.up(db);
        // Inside the transaction: a failure rolls the version back together with the schema.
        db.pragma(`user_version = ${m.version}`);
      })();
    } catch (error) {
      throw new LabError(
        'STORAGE_FAILED',
        `Updating the database to schema ${m.version} (${m.name}) failed.`,
        {
          hint: 'Check free disk space and that the data folder is writable, then restart PushLab. Nothing was lost.',
          detail: error instanceof Error ? error.message : String(error),
          cause: error,
          zh: {
            message: `把数据库更新到结构版本 ${m.version}（${m.name}）失败。`,
            hint: '请检查磁盘剩余空间以及数据文件夹是否可写，然后重启 PushLab。没有丢失任何数据。',
          },
        },
      );
    }
    applied.push(`${String(m.version).padStart(4, '0')}-${m.name}`);
  }
  return { from, to: schemaVersion(db), applied };
}
