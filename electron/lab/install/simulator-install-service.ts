/**
 * Installs one simulator build (.app) on many iOS simulators in parallel, the sibling of
 * InstallService for APKs: the bundle's Info.plist is read before any simulator is touched (bundle
 * id, version, minimum iOS), each simulator then runs `simctl install` on its own, and progress
 * and the end arrive as the same install events. Jobs are kept in memory (the install tables are
 * keyed by APK hashes), so the history shows them until PushLab quits.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { basename, isAbsolute } from 'node:path';
import type { DeviceView, Platform } from '../../../shared/domain/device';
import type {
  InstallItem,
  InstallProgressEvent,
  SimulatorAppInfo,
  SimulatorInstallJob,
  SimulatorInstallRequest,
} from '../../../shared/domain/install';
import { LabError } from '../errors';
import { platformFor, type DevicePlatform } from '../platform/device-platform';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';

/** What an .app's Info.plist says (see ios/commands/install-app). */
export interface AppBundleInfo {
  readonly bundleId: string;
  readonly version: string | null;
  readonly build: string | null;
  readonly name: string | null;
  readonly minimumOsVersion: string | null;
}

export interface SimulatorInstallDeps {
  /** Every device view by serial (phones and simulators), to refuse the ones an .app does not fit. */
  readonly devices: { get(serial: string): DeviceView | undefined };
  /** Each platform installs the builds it takes and refuses the others with what to do. */
  readonly platforms: Readonly<Record<Platform, Pick<DevicePlatform, 'id' | 'serialPattern' | 'install'>>>;
  /** Reads a simulator .app's Info.plist (bundle id, version, minimum iOS). */
  readonly readApp: (path: string) => Promise<AppBundleInfo>;
  readonly clock: Clock;
  readonly logger: Logger;
}

const KEEP_JOBS = 50;

export class SimulatorInstallService extends EventEmitter<{
  progress: [InstallProgressEvent];
  finished: [SimulatorInstallJob];
}> {
  private readonly jobs: SimulatorInstallJob[] = [];
  private readonly running = new Map<string, Promise<SimulatorInstallJob>>();

  public constructor(private readonly deps: SimulatorInstallDeps) {
    super();
  }

  /** Reads the .app's Info.plist; a file that is not a simulator .app is refused with what to do. */
  public async inspect(given: string): Promise<SimulatorAppInfo> {
    const path = given.replace(/\/+$/, '');
    if (!isAbsolute(path)) {
      throw new LabError('INVALID_ARGUMENT', `"${basename(path).slice(0, 80)}" is not a full path.`, {
        hint: 'Give the whole path of the .app, e.g. /Users/me/Library/Developer/Xcode/DerivedData/…/Build/Products/Debug-iphonesimulator/App.app.',
        zh: {
          message: `"${basename(path).slice(0, 80)}" 不是完整路径。`,
          hint: '请给出 .app 的完整路径，例如 /Users/me/Library/Developer/Xcode/DerivedData/…/Build/Products/Debug-iphonesimulator/App.app。',
        },
      });
    }
    if (/\.apk$/i.test(path)) {
      throw new LabError(
        'INVALID_ARGUMENT',
        `${basename(path)} is an Android APK, not an iOS simulator app.`,
        {
          hint: 'Install APKs on Android phones; for simulators give the .app folder Xcode built for the simulator.',
          zh: {
            message: `${basename(path)} 是 Android APK，不是 iOS 模拟器应用。`,
            hint: 'APK 请装到 Android 手机上；模拟器请提供 Xcode 为模拟器构建的 .app 文件夹。',
          },
        },
      );
    }
    const info = await this.deps.readApp(path);
    return {
      path,
      fileName: basename(path),
      bundleId: info.bundleId,
      version: info.version,
      build: info.build,
      name: info.name,
      minimumOsVersion: info.minimumOsVersion,
    };
  }

  public async start(request: SimulatorInstallRequest): Promise<SimulatorInstallJob> {
    return (await this.begin(request)).job;
  }

  /** Runs a job to the end (CLI); `onProgress` sees only this job's events. */
  public async run(
    request: SimulatorInstallRequest,
    onProgress?: (event: InstallProgressEvent) => void,
  ): Promise<SimulatorInstallJob> {
    return (await this.begin(request, onProgress)).done;
  }

  public recentJobs(limit = 20): readonly SimulatorInstallJob[] {
    return this.jobs.slice(0, limit);
  }

  public async waitForAll(): Promise<void> {
    await Promise.allSettled([...this.running.values()]);
  }

  private async begin(
    request: SimulatorInstallRequest,
    onProgress?: (event: InstallProgressEvent) => void,
  ): Promise<{ job: SimulatorInstallJob; done: Promise<SimulatorInstallJob> }> {
    const serials = [...new Set(request.serials)];
    if (serials.length === 0) {
      throw new LabError('INVALID_ARGUMENT', 'Choose at least one simulator to install on.', {
        zh: { message: '请至少选择一个要安装的模拟器。' },
      });
    }
    const app = await this.inspect(request.appPath);
    const id = randomUUID();
    const startedAt = this.deps.clock.iso();
    const items = new Map<string, InstallItem>(
      serials.map((serial) => [
        serial,
        {
          serial,
          phase: 'queued',
          bytesPushed: 0,
          totalBytes: 0,
          failure: null,
          startedAt: null,
          finishedAt: null,
        },
      ]),
    );
    const snapshot = (finishedAt: string | null): SimulatorInstallJob => ({
      id,
      kind: 'app',
      app,
      items: [...items.values()],
      startedAt,
      finishedAt,
    });
    const job = snapshot(null);
    this.remember(job);
    const done = this.execute(app, items, snapshot, onProgress);
    this.running.set(id, done);
    void done.finally(() => this.running.delete(id));
    return { job, done };
  }

  private async execute(
    app: SimulatorAppInfo,
    items: Map<string, InstallItem>,
    snapshot: (finishedAt: string | null) => SimulatorInstallJob,
    onProgress?: (event: InstallProgressEvent) => void,
  ): Promise<SimulatorInstallJob> {
    const jobId = snapshot(null).id;
    await Promise.all(
      [...items.keys()].map((serial) => {
        const view = this.deps.devices.get(serial);
        return platformFor(this.deps.platforms, serial, view).install.app({
          app,
          serial,
          view,
          now: () => this.deps.clock.iso(),
          update: (item) => {
            items.set(serial, item);
            const event = { jobId, item };
            onProgress?.(event);
            this.emit('progress', event);
          },
        });
      }),
    );
    const finished = snapshot(this.deps.clock.iso());
    this.remember(finished);
    this.deps.logger.info('app installed on simulators', {
      bundleId: app.bundleId,
      done: finished.items.filter((i) => i.phase === 'done').length,
      total: finished.items.length,
    });
    this.emit('finished', finished);
    return finished;
  }

  private remember(job: SimulatorInstallJob): void {
    const at = this.jobs.findIndex((j) => j.id === job.id);
    if (at >= 0) this.jobs.splice(at, 1);
    this.jobs.unshift(job);
    this.jobs.length = Math.min(this.jobs.length, KEEP_JOBS);
  }
}
