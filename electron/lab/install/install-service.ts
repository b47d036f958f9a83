/**
 * Installs one APK on many phones in parallel. The APK is read and validated before any phone
 * is touched; each phone then runs independently (through its platform, which refuses an APK where
 * it does not fit), so one unplugged phone fails alone.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type {
  ApkInfo,
  InstallItem,
  InstallJob,
  InstallProgressEvent,
  InstallRequest,
} from '../../../shared/domain/install';
import type { DeviceView, Platform } from '../../../shared/domain/device';
import { LabError } from '../errors';
import type { BuildRepository } from '../store/build-repository';
import type { InstallRepository } from '../store/install-repository';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import { platformFor, type DevicePlatform } from '../platform/device-platform';

export interface InstallServiceDeps {
  readonly registry: { get(serial: string): DeviceView | undefined };
  /** Each platform installs the builds it takes and refuses the others with what to do. */
  readonly platforms: Readonly<Record<Platform, Pick<DevicePlatform, 'id' | 'serialPattern' | 'install'>>>;
  readonly builds: BuildRepository;
  readonly installs: InstallRepository;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly readApk: (path: string) => Promise<ApkInfo>;
}

/** Progress events per phone at most this often while bytes move (phase changes always go out). */
const PROGRESS_INTERVAL_MS = 100;

export class InstallService extends EventEmitter<{
  progress: [InstallProgressEvent];
  finished: [InstallJob];
}> {
  private readonly running = new Map<string, Promise<InstallJob>>();

  public constructor(private readonly deps: InstallServiceDeps) {
    super();
  }

  /** Reads and records an APK; throws NOT_AN_APK / APK_UNREADABLE before anything else happens. */
  public async inspect(path: string): Promise<ApkInfo> {
    const apk = await this.deps.readApk(path);
    this.deps.builds.upsert(apk, this.deps.clock.iso());
    return apk;
  }

  /** Starts a job and returns it at once; progress and the end arrive as events. */
  public async start(request: InstallRequest): Promise<InstallJob> {
    const { job } = await this.begin(request);
    return job;
  }

  /** Runs a job to the end (CLI); `onProgress` sees only this job's events. */
  public async run(
    request: InstallRequest,
    onProgress?: (event: InstallProgressEvent) => void,
  ): Promise<InstallJob> {
    const { done } = await this.begin(request, onProgress);
    return done;
  }

  public recentJobs(limit = 20): readonly InstallJob[] {
    return this.deps.installs.recentJobs(limit);
  }

  public async waitForAll(): Promise<void> {
    await Promise.allSettled([...this.running.values()]);
  }

  private async begin(
    request: InstallRequest,
    onProgress?: (event: InstallProgressEvent) => void,
  ): Promise<{ job: InstallJob; done: Promise<InstallJob> }> {
    const serials = [...new Set(request.serials)];
    if (serials.length === 0) {
      throw new LabError('INVALID_ARGUMENT', 'Choose at least one phone to install on.', {
        zh: { message: '请至少选择一台要安装的手机。' },
      });
    }
    const apk = await this.inspect(request.apkPath);
    const startedAt = this.deps.clock.iso();
    const id = randomUUID();
    const items = new Map<string, InstallItem>(
      serials.map((serial) => [
        serial,
        {
          serial,
          phase: 'queued',
          bytesPushed: 0,
          totalBytes: apk.sizeBytes,
          failure: null,
          startedAt: null,
          finishedAt: null,
        },
      ]),
    );
    const snapshot = (finishedAt: string | null): InstallJob => ({
      id,
      apk,
      options: request.options,
      items: [...items.values()],
      startedAt,
      finishedAt,
    });
    const job = snapshot(null);
    this.deps.installs.createJob(job);
    const done = this.execute(id, apk, request, items, snapshot, onProgress);
    this.running.set(id, done);
    void done.finally(() => this.running.delete(id));
    return { job, done };
  }

  private async execute(
    jobId: string,
    apk: ApkInfo,
    request: InstallRequest,
    items: Map<string, InstallItem>,
    snapshot: (finishedAt: string | null) => InstallJob,
    onProgress?: (event: InstallProgressEvent) => void,
  ): Promise<InstallJob> {
    const remotePath = `/data/local/tmp/pushlab-${apk.sha256.slice(0, 12)}-${randomBytes(3).toString('hex')}.apk`;
    await Promise.all(
      [...items.keys()].map((serial) => {
        const lastSent = { at: 0, phase: '' };
        const view = this.deps.registry.get(serial);
        return platformFor(this.deps.platforms, serial, view).install.apk({
          serial,
          apk,
          options: request.options,
          view,
          remotePath,
          now: () => this.deps.clock.iso(),
          update: (item) => {
            items.set(serial, item);
            const now = this.deps.clock.now();
            if (
              item.phase === lastSent.phase &&
              item.phase === 'pushing' &&
              now - lastSent.at < PROGRESS_INTERVAL_MS
            )
              return;
            lastSent.at = now;
            lastSent.phase = item.phase;
            this.record(jobId, item);
            const event = { jobId, item };
            onProgress?.(event);
            this.emit('progress', event);
          },
        });
      }),
    );
    const finished = snapshot(this.deps.clock.iso());
    for (const item of finished.items) this.record(jobId, item);
    this.safely(() => this.deps.installs.finishJob(jobId, finished.finishedAt ?? this.deps.clock.iso()));
    this.emit('finished', finished);
    return finished;
  }

  private record(jobId: string, item: InstallItem): void {
    this.safely(() => this.deps.installs.updateItem(jobId, item));
  }

  private safely(write: () => unknown): void {
    try {
      write();
    } catch (error) {
      this.deps.logger.error('could not store install progress', { error: String(error) });
    }
  }
}
