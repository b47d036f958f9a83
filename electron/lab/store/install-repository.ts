/**
 * Install jobs and their per-phone attempts. Items are upserted as progress arrives, so a
 * crash mid-install still leaves an honest record of how far each phone got.
 */
import type { Database, Statement } from 'better-sqlite3';
import {
  DEFAULT_INSTALL_OPTIONS,
  type InstallFailure,
  type InstallItem,
  type InstallJob,
  type InstallOptions,
  type InstallPhase,
} from '../../../shared/domain/install';
import { LabError } from '../errors';
import { toApkInfo, type BuildRepository, type BuildRow } from './build-repository';
import { guarded, parseStoredJson } from './storage-guard';

interface JobRow extends BuildRow {
  job_id: string;
  options: string;
  started_at: string;
  finished_at: string | null;
}

interface AttemptRow {
  job_id: string;
  serial: string;
  position: number;
  phase: InstallPhase;
  bytes_pushed: number;
  total_bytes: number;
  failure_reason: string | null;
  failure_message: string | null;
  failure_fix: string | null;
  failure_raw: string | null;
  started_at: string | null;
  finished_at: string | null;
}

const toItem = (row: AttemptRow): InstallItem => ({
  serial: row.serial,
  phase: row.phase,
  bytesPushed: row.bytes_pushed,
  totalBytes: row.total_bytes,
  failure:
    row.failure_reason === null
      ? null
      : {
          reason: row.failure_reason,
          message: row.failure_message ?? '',
          fix: row.failure_fix ?? '',
          raw: row.failure_raw ?? '',
        },
  startedAt: row.started_at,
  finishedAt: row.finished_at,
});

const attemptRow = (jobId: string, item: InstallItem): Omit<AttemptRow, 'position'> => {
  const failure: InstallFailure | null = item.failure;
  return {
    job_id: jobId,
    serial: item.serial,
    phase: item.phase,
    bytes_pushed: item.bytesPushed,
    total_bytes: item.totalBytes,
    failure_reason: failure?.reason ?? null,
    failure_message: failure?.message ?? null,
    failure_fix: failure?.fix ?? null,
    failure_raw: failure?.raw ?? null,
    started_at: item.startedAt,
    finished_at: item.finishedAt,
  };
};

const jobNotFound = (jobId: string): LabError =>
  new LabError('NOT_FOUND', `Install job ${jobId} does not exist.`, {
    hint: 'Start the install again.',
    zh: { message: `安装任务 ${jobId} 不存在。`, hint: '请重新开始安装。' },
  });

const JOB_SELECT = `
  SELECT b.*, j.id AS job_id, j.options, j.started_at, j.finished_at
  FROM install_jobs j JOIN builds b ON b.sha256 = j.build_sha256`;

export class InstallRepository {
  private readonly insertJob: Statement<[string, string, string, string, string | null]>;
  private readonly upsertAttempt: Statement<[Omit<AttemptRow, 'position'>]>;
  private readonly jobExists: Statement<[string], { one: number }>;
  private readonly setFinished: Statement<[string, string]>;
  private readonly selectJob: Statement<[string], JobRow>;
  private readonly selectRecent: Statement<[number], JobRow>;
  private readonly selectAttempts: Statement<[string], AttemptRow>;
  private readonly createTx: (job: InstallJob) => void;
  private readonly updateTx: (jobId: string, item: InstallItem) => void;

  public constructor(db: Database, builds: BuildRepository) {
    this.insertJob = db.prepare(
      'INSERT INTO install_jobs (id, build_sha256, options, started_at, finished_at) VALUES (?, ?, ?, ?, ?)',
    );
    // A new serial goes after the job's existing items; an update keeps its position.
    this.upsertAttempt = db.prepare(`
      INSERT INTO install_attempts (job_id, serial, position, phase, bytes_pushed, total_bytes, failure_reason,
        failure_message, failure_fix, failure_raw, started_at, finished_at)
      VALUES (@job_id, @serial, (SELECT count(*) FROM install_attempts WHERE job_id = @job_id), @phase,
        @bytes_pushed, @total_bytes, @failure_reason, @failure_message, @failure_fix, @failure_raw, @started_at,
        @finished_at)
      ON CONFLICT (job_id, serial) DO UPDATE SET
        phase = excluded.phase, bytes_pushed = excluded.bytes_pushed, total_bytes = excluded.total_bytes,
        failure_reason = excluded.failure_reason, failure_message = excluded.failure_message,
        failure_fix = excluded.failure_fix, failure_raw = excluded.failure_raw,
        started_at = excluded.started_at, finished_at = excluded.finished_at`);
    this.jobExists = db.prepare('SELECT 1 AS one FROM install_jobs WHERE id = ?');
    this.setFinished = db.prepare('UPDATE install_jobs SET finished_at = ? WHERE id = ?');
    this.selectJob = db.prepare(`${JOB_SELECT} WHERE j.id = ?`);
    this.selectRecent = db.prepare(`${JOB_SELECT} ORDER BY j.started_at DESC, j.rowid DESC LIMIT ?`);
    this.selectAttempts = db.prepare(
      'SELECT * FROM install_attempts WHERE job_id = ? ORDER BY position, serial',
    );
    this.createTx = db.transaction((job: InstallJob) => {
      // The job references its build; record it here too so a job can never dangle.
      builds.upsert(job.apk, job.startedAt);
      this.insertJob.run(job.id, job.apk.sha256, JSON.stringify(job.options), job.startedAt, job.finishedAt);
      for (const item of job.items) this.upsertAttempt.run(attemptRow(job.id, item));
    });
    this.updateTx = db.transaction((jobId: string, item: InstallItem) => {
      if (!this.jobExists.get(jobId)) throw jobNotFound(jobId);
      this.upsertAttempt.run(attemptRow(jobId, item));
    });
  }

  /** Stores a new job with its build and initial items. */
  public createJob(job: InstallJob): void {
    guarded({ en: `store install job ${job.id}`, zh: `保存安装任务 ${job.id}` }, () => this.createTx(job));
  }

  /** Creates or updates one phone's attempt within a job. */
  public updateItem(jobId: string, item: InstallItem): void {
    guarded({ en: `store install progress for ${item.serial}`, zh: `保存 ${item.serial} 的安装进度` }, () =>
      this.updateTx(jobId, item),
    );
  }

  /** Marks a job finished at `at`. */
  public finishJob(jobId: string, at: string): void {
    const { changes } = guarded({ en: `finish install job ${jobId}`, zh: `结束安装任务 ${jobId}` }, () =>
      this.setFinished.run(at, jobId),
    );
    if (changes === 0) throw jobNotFound(jobId);
  }

  public getJob(id: string): InstallJob | null {
    const row = guarded({ en: 'read an install job', zh: '读取安装任务' }, () => this.selectJob.get(id));
    return row ? this.toJob(row) : null;
  }

  /** The latest jobs, newest first (limit clamped to 1..500). */
  public recentJobs(limit: number): InstallJob[] {
    const bounded = Math.min(500, Math.max(1, Math.floor(Number.isFinite(limit) ? limit : 20)));
    return guarded({ en: 'read recent install jobs', zh: '读取最近的安装任务' }, () =>
      this.selectRecent.all(bounded),
    ).map((row) => this.toJob(row));
  }

  private toJob(row: JobRow): InstallJob {
    const options = parseStoredJson<Partial<InstallOptions>>(row.options, {});
    return {
      id: row.job_id,
      apk: toApkInfo(row),
      options: { ...DEFAULT_INSTALL_OPTIONS, ...options },
      items: guarded({ en: 'read install attempts', zh: '读取安装尝试' }, () =>
        this.selectAttempts.all(row.job_id),
      ).map(toItem),
      startedAt: row.started_at,
      finishedAt: row.finished_at,
    };
  }
}
