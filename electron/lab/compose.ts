/**
 * The composition root: builds every core service from config, clock, logger and database, and
 * returns the LabCore the shells drive. Nothing else in the core constructs services.
 */
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type {
  EventChannel,
  EventPayloads,
  RequestArgs,
  RequestChannel,
  RequestResult,
} from '../../shared/ipc';
import { fail, ok, type Result } from '../../shared/result';
import type { AdbGateway } from './adb/adb-gateway';
import type { DeviceTracker } from './adb/device-tracker';
import type { LabCore, LabEventListener } from './api';
import { readApk } from './apk/read-apk';
import type { LabCoreOptions } from './compose-types';
import { createDeviceLayer, startDeviceLayer } from './compose-devices';
import type { DeviceRegistry } from './devices/device-registry';
import { DoctorService } from './doctor/doctor-service';
import { toErrorInfo } from './errors';
import { EvidenceStore } from './evidence/evidence-store';
import { createHandlers, type Handlers } from './handlers';
import { InstallService } from './install/install-service';
import { SimulatorInstallService } from './install/simulator-install-service';
import { adbEvidencePort, adbTapPort, createAndroidPlatform } from './android/android-platform';
import {
  createIosPlatform,
  readAppBundle,
  requireSimctl,
  type SimulatorRegistry,
  type SimulatorTracker,
} from './ios/ios-platform';
import type { PlatformTable } from './platform/device-platform';
import { createSender } from './push';
import { RunService } from './runs/engine/run-service';
import { MatrixService } from './runs/matrix/matrix-service';
import { resolveSecret, secretRefsOf } from './secrets/resolve-secret';
import { followLabServer } from './virtual-lab-adb';

export interface LabCoreInternals {
  readonly registry: DeviceRegistry;
  readonly tracker: DeviceTracker;
  readonly gateway: AdbGateway;
  readonly installs: InstallService;
  /** .app builds on iOS simulators (simctl install). */
  readonly appInstalls: SimulatorInstallService;
  readonly doctor: DoctorService;
  readonly runs: RunService;
  /** iOS simulators (xcrun simctl), shown in the registry beside the phones. */
  readonly simulators: SimulatorRegistry;
  readonly simulatorTracker: SimulatorTracker;
  readonly matrix: MatrixService;
}

/** LabCore plus direct service access for the CLI and tests (same process, no IPC). */
export type LocalLabCore = LabCore & { readonly services: LabCoreInternals };

function currentUser(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

export async function createLabCore(options: LabCoreOptions): Promise<LocalLabCore> {
  const layer = createDeviceLayer(options);
  const { clock, logger, env, db, repos, gateway, tracker, simulatorTracker, simulators, registry } = layer;
  const virtualLab = options.virtualLab ? followLabServer(options.virtualLab, gateway, tracker) : undefined;
  const evidence = new EvidenceStore(join(options.dataDir, 'evidence'), clock);
  const takenAt = (): string => clock.iso();
  // One DevicePlatform per platform: adding one to Platform makes the compiler ask for it here.
  const platforms = {
    android: createAndroidPlatform({
      devices: layer.adbDevices,
      gateway,
      logger: logger.child('doctor'),
      takenAt,
      ...(options.runEvidence === null ? {} : { evidence: options.runEvidence ?? adbEvidencePort(evidence) }),
      ...(options.runTap === null ? {} : { tap: options.runTap ?? adbTapPort(options.appium ?? null) }),
    }),
    ios: createIosPlatform({
      simulators,
      takenAt,
      ...(options.runEvidence === null ? {} : { evidence }),
    }),
  } satisfies PlatformTable;
  const installs = new InstallService({
    registry,
    platforms,
    builds: repos.builds,
    installs: repos.installs,
    clock,
    logger: logger.child('install'),
    readApk,
  });
  const appInstalls = new SimulatorInstallService({
    devices: registry,
    platforms,
    readApp: readAppBundle,
    clock,
    logger: logger.child('install-app'),
  });
  const doctor = new DoctorService({
    registry,
    platforms,
    repo: repos.doctor,
    clock,
    logger: logger.child('doctor'),
    user: options.user ?? currentUser(),
  });
  const secretOptions = { env, ...(options.secrets ? { store: options.secrets } : {}) };
  const runs = new RunService({
    repo: repos.runs,
    phones: registry,
    platforms: { android: platforms.android.runs, ios: platforms.ios.runs },
    doctor,
    installs,
    createSender: (plan, operator) =>
      createSender(plan.sender, {
        clock,
        logger: logger.child('sender'),
        resolveSecret: (ref) => resolveSecret(ref, secretOptions),
        operator,
        env,
        simctl: () => simulators.runner(),
      }),
    // Every secret the sender names must be readable before a run is stored.
    verifySender: async (plan) => {
      for (const ref of secretRefsOf(plan.sender)) await resolveSecret(ref, secretOptions);
      // The simctl sender needs Xcode here and now: say so before a run is stored.
      if (plan.sender.kind === 'simctl') await requireSimctl(simulatorTracker);
    },
    ...(options.capturePollMs === undefined ? {} : { pollMs: options.capturePollMs }),
    clock,
    logger: logger.child('runs'),
  });
  const matrix = new MatrixService({ runs: repos.matrix, signoffs: repos.signoffs, clock });
  const handlers: Handlers = createHandlers({
    doctor,
    appInfo: {
      version: options.appVersion ?? '0.0.0',
      dataDir: options.dataDir,
      shell: options.shell === 'electron' ? 'electron' : 'web',
      platform: process.platform,
    },
    registry,
    gateway,
    installs,
    appInstalls,
    simulators,
    evidence,
    virtualLab,
    runs,
    matrix,
    secrets: options.secrets,
    ...(options.approvePrograms ? { approver: options.approvePrograms } : {}),
  });

  const listeners = new Set<LabEventListener>();
  const emit = <E extends EventChannel>(event: E, payload: EventPayloads[E]): void => {
    for (const listener of listeners) {
      try {
        listener(event, payload);
      } catch (error) {
        logger.error('event listener failed', { event, error: String(error) });
      }
    }
  };
  registry.on('changed', (snapshot) => emit('devices:changed', snapshot));
  installs.on('progress', (event) => emit('install:progress', event));
  installs.on('finished', (job) => emit('install:finished', job));
  appInstalls.on('progress', (event) => emit('install:progress', event));
  appInstalls.on('finished', (job) => emit('install:finished', job));
  const unsubscribeLab = virtualLab?.onChange((status) => emit('lab:changed', status));
  const unsubscribeRuns = runs.onProgress((event) => emit('runs:progress', event));

  startDeviceLayer(layer, options);

  let closed = false;
  return {
    services: {
      registry,
      tracker,
      gateway,
      installs,
      appInstalls,
      doctor,
      runs,
      matrix,
      simulators,
      simulatorTracker,
    },
    async invoke<C extends RequestChannel>(
      channel: C,
      args: RequestArgs<C>,
    ): Promise<Result<RequestResult<C>>> {
      const handler = handlers[channel] as (...a: RequestArgs<C>) => Promise<RequestResult<C>>;
      try {
        return ok(await handler(...args));
      } catch (error) {
        const info = toErrorInfo(error);
        if (info.code === 'INTERNAL') logger.error('request failed', { channel, error: String(error) });
        return fail(info);
      }
    },
    subscribe(listener: LabEventListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      unsubscribeLab?.();
      await runs.close();
      unsubscribeRuns();
      registry.untrack();
      await installs.waitForAll();
      await appInstalls.waitForAll();
      listeners.clear();
      db.close();
      if (options.stopOwnedAdbServer) await gateway.stopOwnedServer();
    },
  };
}
