/**
 * The composition root: builds every core service from config, clock, logger and database, and
 * returns the LabCore the shells drive. Nothing else in the core constructs services.
 */
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { EventChannel, EventPayloads } from '../../shared/ipc';
import type { AdbGateway } from './adb/adb-gateway';
import type { DeviceTracking } from './adb/device-tracker';
import type { LabCore, LabEventListener } from './api';
import { readApk } from './apk/read-apk';
import type { CliApi } from './cli-api';
import { createLabCliApi } from './cli-api-lab';
import type { LabCoreOptions } from './compose-types';
import { createDeviceLayer, startDeviceLayer } from './compose-devices';
import type { DeviceRegistry } from './devices/device-registry';
import { DoctorService } from './doctor/doctor-service';
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
import { platformFor, platformRequests, type PlatformTable } from './platform/device-platform';
import { createSender } from './push';
import { gatedInvoke } from './request-gate';
import { RunService } from './runs/engine/run-service';
import { MatrixService } from './runs/matrix/matrix-service';
import { resolveSecret, secretRefsOf } from './secrets/resolve-secret';
import { createPushTokenBook } from './secrets/push-token-book';
import { followLabServer } from './virtual-lab-adb';
import { adbProbe, HostsSetting, singleServerHosts } from './adb/hosts-setting';

export interface LabCoreInternals {
  readonly registry: DeviceRegistry;
  readonly tracker: DeviceTracking;
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

/**
 * LabCore in the same process: `cli` is the CLI's richer API (cli-api.ts); `services` is for tests
 * only (the CLI never touches them).
 */
export type LocalLabCore = LabCore & { readonly cli: CliApi; readonly services: LabCoreInternals };

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
  const virtualLab = options.virtualLab
    ? followLabServer(options.virtualLab, gateway, layer.primaryTracker)
    : undefined;
  const evidence = new EvidenceStore(join(options.dataDir, 'evidence'), clock);
  const takenAt = (): string => clock.iso();
  const pushTokens = createPushTokenBook({
    ...(options.secrets ? { secrets: options.secrets } : {}),
    now: takenAt,
  });
  // One DevicePlatform per platform: adding one to Platform makes the compiler ask for it here.
  const platforms = {
    android: createAndroidPlatform({
      devices: layer.adbDevices,
      gateway,
      logger: logger.child('doctor'),
      takenAt,
      ...(options.runEvidence === null ? {} : { evidence: options.runEvidence ?? adbEvidencePort(evidence) }),
      ...(options.runTap === null ? {} : { tap: options.runTap ?? adbTapPort(options.appium ?? null) }),
      pushTokens,
      view: (serial) => registry.get(serial),
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
    platformRequests: platformRequests(platforms),
    screenshot: (serial) => platformFor(platforms, serial, registry.get(serial)).screenshot(serial),
    evidence,
    virtualLab,
    runs,
    matrix,
    secrets: options.secrets,
    ...(options.approvePrograms ? { approver: options.approvePrograms } : {}),
    hosts: new HostsSetting({
      hosts: layer.labHosts ?? singleServerHosts(tracker),
      file: layer.labHosts && options.hostsFile ? options.hostsFile : null,
      logger: logger.child('hosts'),
      probe: adbProbe(options.adb.bin, logger.child('hosts-check')),
    }),
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
    cli: createLabCliApi({
      gateway,
      tracker,
      registry,
      simulators,
      simulatorTracker,
      runs,
      doctor,
      installs,
      appInstalls,
    }),
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
    invoke: gatedInvoke(handlers, { shell: options.shell, logger }),
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
