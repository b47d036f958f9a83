/**
 * A CLI session: the same core the app uses, composed for one command, with a clear error when
 * adb cannot be reached instead of a hang.
 */
import type { DeviceView } from '../../shared/domain/device';
import type { ErrorInfo } from '../../shared/errors';
import type { DeviceCore } from '../lab/compose-devices';
import type { LocalLabCore } from '../lab/compose';
import { LabError, toErrorInfo } from '../lab/errors';
import { createLogger, silentLogger } from '../lab/util/logger';
import type { GlobalOptions } from './options';

const CONNECT_TIMEOUT_MS = 10_000;
const IDENTITY_TIMEOUT_MS = 30_000;

export async function openSession(options: GlobalOptions): Promise<LocalLabCore> {
  const core = await composeCore(options);
  try {
    await connectAdb(core, options);
  } catch (error) {
    await core.close();
    throw error;
  }
  return core;
}

/**
 * For commands that also reach iOS simulators (devices, install of an .app, doctor on a
 * simulator): an unreachable adb server is reported, not fatal, so simulators still work on a Mac
 * without adb. `adbError` says why Android phones are unavailable; null when adb answered.
 */
export async function openSessionAdbOptional(
  options: GlobalOptions,
): Promise<{ core: LocalLabCore; adbError: ErrorInfo | null }> {
  const core = await composeCore(options);
  try {
    await connectAdb(core, options);
    return { core, adbError: null };
  } catch (error) {
    return { core, adbError: toErrorInfo(error) };
  }
}

/**
 * Phones and simulators only (`pushlab devices`): the device half of the core, without the run
 * engine, senders and reports, so the command starts fast. Same adb handling as above.
 */
export async function openDeviceSession(
  options: GlobalOptions,
): Promise<{ core: DeviceCore; adbError: ErrorInfo | null }> {
  const { createDeviceCore } = await import('../lab/compose-devices');
  const core = createDeviceCore(coreOptions(options));
  try {
    await connectAdb(core, options);
    return { core, adbError: null };
  } catch (error) {
    return { core, adbError: toErrorInfo(error) };
  }
}

const coreOptions = (options: GlobalOptions) =>
  ({
    dataDir: options.dataDir,
    ...(options.dbPath ? { dbPath: options.dbPath } : {}),
    adb: options.adb,
    ...(options.hosts ? { hosts: options.hosts } : {}),
    // A server this command started is stopped when it ends; a server already running stays.
    stopOwnedAdbServer: true,
    shell: 'cli',
    logger: options.verbose ? createLogger({ level: 'debug' }) : silentLogger,
  }) as const;

// The full core is imported when a command needs it, so `pushlab devices` never loads it.
async function composeCore(options: GlobalOptions): Promise<LocalLabCore> {
  const { createLabCore } = await import('../lab/compose');
  return createLabCore(coreOptions(options));
}

async function connectAdb(core: DeviceCore, options: GlobalOptions): Promise<void> {
  const { tracker, gateway } = core.services;
  // One direct attempt first (starting a local server when allowed): a dead or wrong address
  // fails now, instead of after the tracker's retries.
  await gateway.ensureServer();
  try {
    await tracker.waitUntilConnected(CONNECT_TIMEOUT_MS);
  } catch {
    const status = tracker.status();
    throw new LabError(
      status.error?.code ?? 'ADB_UNREACHABLE',
      status.error?.message ?? `No adb server answers at ${options.adb.host}:${options.adb.port}.`,
      {
        hint: status.error?.hint ?? 'Start adb with `adb start-server`, or pass --adb-host/--adb-port.',
        ...(status.error?.detail ? { detail: status.error.detail } : {}),
        // The tracker's own error keeps its zh text; only the fallback sentence is written here.
        zh: status.error
          ? status.error.zh
          : {
              message: `${options.adb.host}:${options.adb.port} 上没有 adb 服务应答。`,
              hint: '请用 `adb start-server` 启动 adb，或传入 --adb-host/--adb-port。',
            },
      },
    );
  }
}

/**
 * The core for commands that only read what is stored (runs, report): no adb server is started,
 * asked or tracked, and the database is opened read-only (nothing written, not even -wal/-shm),
 * so they work with no phone, no adb and on a database in a read-only folder.
 */
export async function openStoreSession(options: GlobalOptions): Promise<LocalLabCore> {
  const { createLabCore } = await import('../lab/compose');
  return createLabCore({
    dataDir: options.dataDir,
    ...(options.dbPath ? { dbPath: options.dbPath } : {}),
    adb: { ...options.adb, startServer: false },
    trackDevices: false,
    readOnly: true,
    shell: 'cli',
    logger: options.verbose ? createLogger({ level: 'debug' }) : silentLogger,
  });
}

/** Every phone adb lists right now, each with its identity settled (ready or failed). */
export async function settledDevices(core: DeviceCore): Promise<DeviceView[]> {
  const { gateway, registry, tracker } = core.services;
  // Several lab hosts list their phones together (keyed host/serial); one server lists its own.
  const listed = await (tracker.listDevices ? tracker.listDevices() : gateway.listDevices());
  const views: DeviceView[] = [];
  for (const device of listed) {
    const view = await registry
      .waitForIdentity(device.id, IDENTITY_TIMEOUT_MS)
      .catch(() => registry.get(device.id));
    if (view) views.push(view);
  }
  return views.sort((a, b) => a.serial.localeCompare(b.serial));
}
