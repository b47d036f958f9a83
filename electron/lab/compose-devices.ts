/**
 * The device half of the composition root: database, adb gateway and tracker, iOS simulators and
 * the device registry. `createLabCore` builds the rest on top of it; `createDeviceCore` is this
 * half alone, for callers that only list devices (`pushlab devices`), so they load neither the run
 * engine, senders, reports nor the schemas those modules build when they are imported.
 */
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { AdbGateway } from './adb/adb-gateway';
import { DeviceTracker, type DeviceTracking } from './adb/device-tracker';
import { LabHosts } from './adb/lab-hosts';
import { LOCAL_HOST } from '../../shared/domain/lab-host';
import { createDeviceCliApi, type DeviceCliApi } from './cli-api';
import type { LabCoreOptions } from './compose-types';
// The platforms' device sources alone (not android-platform / ios-platform, which load the run
// engine and the doctor): a device listing stays light.
import { AdbDevices } from './android/adb-devices';
import { DeviceRegistry } from './devices/device-registry';
import { SimulatorRegistry } from './ios/simulator-registry';
import { SimulatorTracker } from './ios/simulator-tracker';
import { openDatabase } from './store/db';
import { openDatabaseReadOnly } from './store/db-readonly';
import { ensurePrivateDir } from './store/private-files';
import { createRepositories, type Repositories } from './store/repositories';
import { systemClock, type Clock } from './util/clock';
import { createLogger, type Logger } from './util/logger';

/**
 * One adb server, or several lab hosts seen as one (their phones keyed `<host>/<serial>`). With a
 * hosts file the app edits live, even one server is tracked as lab hosts, so hosts can join later.
 */
function adbTracking(
  options: LabCoreOptions,
  clock: Clock,
  logger: Logger,
): {
  gateway: AdbGateway;
  tracker: DeviceTracking;
  primaryTracker: DeviceTracker;
  labHosts: LabHosts | null;
} {
  if ((options.hosts && options.hosts.length > 1) || options.hostsFile) {
    const list = options.hosts?.length
      ? options.hosts
      : [{ name: LOCAL_HOST, address: options.adb.host, port: options.adb.port }];
    const hosts = new LabHosts(list, options.adb, clock, logger);
    return { gateway: hosts.primary, tracker: hosts, primaryTracker: hosts.primaryTracker, labHosts: hosts };
  }
  const gateway = new AdbGateway(options.adb, logger.child('adb'));
  const tracker = new DeviceTracker(gateway, clock, logger.child('tracker'));
  return { gateway, tracker, primaryTracker: tracker, labHosts: null };
}

export interface DeviceLayer {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly env: NodeJS.ProcessEnv;
  readonly db: Database;
  readonly repos: Repositories;
  readonly gateway: AdbGateway;
  readonly tracker: DeviceTracking;
  /** The primary host's own tracker (the demo retargets it to the virtual lab's server). */
  readonly primaryTracker: DeviceTracker;
  /** The lab hosts, when tracked as such (several hosts, or a hosts list the app edits); else null. */
  readonly labHosts: LabHosts | null;
  readonly simulatorTracker: SimulatorTracker;
  readonly simulators: SimulatorRegistry;
  /** The adb phones' device source (the registry merges it with the simulators). */
  readonly adbDevices: AdbDevices;
  readonly registry: DeviceRegistry;
}

/** The device half alone: the CLI's device calls (cli-api.ts); LocalLabCore fits this shape too. */
export interface DeviceCore {
  readonly cli: DeviceCliApi;
  close(): Promise<void>;
}

/** Builds the device services (nothing started yet: see startDeviceLayer). */
export function createDeviceLayer(options: LabCoreOptions): DeviceLayer {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger({ scope: 'pushlab' });
  const dbPath = options.dbPath ?? join(options.dataDir, 'pushlab.db');
  // Notification texts, screenshots and device tokens: the user's alone (0700, whatever the umask).
  if (!options.readOnly) ensurePrivateDir(options.dataDir);
  const db = options.readOnly ? openDatabaseReadOnly(dbPath) : openDatabase(dbPath);
  const repos = createRepositories(db);
  const { gateway, tracker, primaryTracker, labHosts } = adbTracking(options, clock, logger);
  const env = options.env ?? process.env;
  // simctl has no event stream: poll about once a second while xcrun exists (tests go faster).
  const simPollMs = Number.parseInt(env.PUSHLAB_SIMCTL_POLL_MS ?? '', 10);
  const simulatorTracker = new SimulatorTracker({
    env,
    clock,
    logger: logger.child('simctl'),
    ...(simPollMs >= 50 ? { pollMs: simPollMs, recheckMs: Math.max(simPollMs, 500) } : {}),
  });
  const simulators = new SimulatorRegistry({
    tracker: simulatorTracker,
    repo: repos.devices,
    clock,
    logger: logger.child('simulators'),
  });
  const adbDevices = new AdbDevices({
    tracker,
    gateway,
    repo: repos.devices,
    clock,
    logger: logger.child('devices'),
  });
  const registry = new DeviceRegistry({ sources: [adbDevices, simulators] });
  return {
    clock,
    logger,
    env,
    db,
    repos,
    gateway,
    tracker,
    primaryTracker,
    labHosts,
    simulatorTracker,
    simulators,
    adbDevices,
    registry,
  };
}

export function startDeviceLayer(layer: DeviceLayer, options: LabCoreOptions): void {
  layer.registry.start();
  // Store-only shells (`pushlab report`) read the database and never look for devices.
  if (options.trackDevices !== false) layer.registry.track();
}

/** Phones and simulators only: what `createLabCore` would build for them, and nothing else. */
export function createDeviceCore(options: LabCoreOptions): DeviceCore {
  const layer = createDeviceLayer(options);
  const { registry, tracker, gateway, simulators, simulatorTracker, db } = layer;
  startDeviceLayer(layer, options);
  let closed = false;
  return {
    cli: createDeviceCliApi({ registry, tracker, gateway, simulators, simulatorTracker }),
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      registry.untrack();
      db.close();
      if (options.stopOwnedAdbServer) await gateway.stopOwnedServer();
    },
  };
}
