/**
 * Builds under test, keyed by the APK's SHA-256: the same bytes are one build wherever the
 * file lives; the path and file name follow the latest place it was picked from.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { ApkInfo } from '../../../shared/domain/install';
import { guarded, parseStoredJson } from './storage-guard';

/** A build as stored: the APK's identity plus when PushLab first saw it. */
export interface StoredBuild extends ApkInfo {
  readonly firstSeen: string;
}

export interface BuildRow {
  sha256: string;
  package: string;
  version_code: number;
  version_name: string | null;
  min_sdk: number | null;
  target_sdk: number | null;
  label: string | null;
  size: number;
  file_name: string;
  path: string;
  test_only: number;
  native_abis: string;
  first_seen: string;
}

/** Maps a builds row to the APK identity (shared with the install repository's joins). */
export function toApkInfo(row: BuildRow): ApkInfo {
  const abis = parseStoredJson<unknown>(row.native_abis, []);
  return {
    path: row.path,
    fileName: row.file_name,
    sizeBytes: row.size,
    sha256: row.sha256,
    packageName: row.package,
    versionCode: row.version_code,
    versionName: row.version_name,
    minSdk: row.min_sdk,
    targetSdk: row.target_sdk,
    label: row.label,
    testOnly: row.test_only === 1,
    nativeAbis: Array.isArray(abis) ? abis.filter((a): a is string => typeof a === 'string') : [],
  };
}

const toStoredBuild = (row: BuildRow): StoredBuild => ({ ...toApkInfo(row), firstSeen: row.first_seen });

/** The builds row for an APK first seen at `at`. */
export function buildRowOf(apk: ApkInfo, at: string): BuildRow {
  return {
    sha256: apk.sha256,
    package: apk.packageName,
    version_code: apk.versionCode,
    version_name: apk.versionName,
    min_sdk: apk.minSdk,
    target_sdk: apk.targetSdk,
    label: apk.label,
    size: apk.sizeBytes,
    file_name: apk.fileName,
    path: apk.path,
    test_only: apk.testOnly ? 1 : 0,
    native_abis: JSON.stringify(apk.nativeAbis),
    first_seen: at,
  };
}

export class BuildRepository {
  private readonly upsertRow: Statement<[BuildRow]>;
  private readonly selectOne: Statement<[string], BuildRow>;
  private readonly selectAll: Statement<[], BuildRow>;

  public constructor(db: Database) {
    this.upsertRow = db.prepare(`
      INSERT INTO builds (sha256, package, version_code, version_name, min_sdk, target_sdk, label, size,
                          file_name, path, test_only, native_abis, first_seen)
      VALUES (@sha256, @package, @version_code, @version_name, @min_sdk, @target_sdk, @label, @size,
              @file_name, @path, @test_only, @native_abis, @first_seen)
      ON CONFLICT (sha256) DO UPDATE SET
        package = excluded.package, version_code = excluded.version_code, version_name = excluded.version_name,
        min_sdk = excluded.min_sdk, target_sdk = excluded.target_sdk, label = excluded.label, size = excluded.size,
        file_name = excluded.file_name, path = excluded.path, test_only = excluded.test_only,
        native_abis = excluded.native_abis, first_seen = min(first_seen, excluded.first_seen)`);
    this.selectOne = db.prepare('SELECT * FROM builds WHERE sha256 = ?');
    this.selectAll = db.prepare('SELECT * FROM builds ORDER BY first_seen DESC, sha256');
  }

  /** Records a build seen at `at`; a known build keeps its first_seen and takes the latest path. */
  public upsert(apk: ApkInfo, at: string): StoredBuild {
    return guarded({ en: `store build ${apk.fileName}`, zh: `保存构建 ${apk.fileName}` }, () => {
      this.upsertRow.run(buildRowOf(apk, at));
      return toStoredBuild(this.selectOne.get(apk.sha256) as BuildRow);
    });
  }

  public get(sha256: string): StoredBuild | null {
    const row = guarded({ en: 'read a build', zh: '读取构建' }, () => this.selectOne.get(sha256));
    return row ? toStoredBuild(row) : null;
  }

  /** All builds, newest first. */
  public list(): StoredBuild[] {
    return guarded({ en: 'read the build list', zh: '读取构建列表' }, () => this.selectAll.all()).map(
      toStoredBuild,
    );
  }
}
