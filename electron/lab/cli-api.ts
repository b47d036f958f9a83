/**
 * The core's richer calls for the CLI, beside LabCore.invoke: what a `pushlab` command needs that a
 * window does not (reach adb now or fail, wait for identities, run a job to its end with progress,
 * answer a prompt from the terminal). Narrow functions over the services, so the CLI goes through
 * the core's API and never holds a service. This file is the device half (`pushlab devices` loads
 * only it); cli-api-lab.ts adds runs, doctor, installs and simulator control for the full core.
 */
import type {
  AdbStatus,
  DeviceView,
  HostStatus,
  IosStatus,
  SimulatorEntry,
} from '../../shared/domain/device';
import type { DoctorResult, DoctorSubject, FixId, FixOutcome } from '../../shared/domain/doctor';
import type {
  ApkInfo,
  InstallJob,
  InstallProgressEvent,
  InstallRequest,
  SimulatorAppInfo,
  SimulatorInstallJob,
  SimulatorInstallRequest,
} from '../../shared/domain/install';
import type { AdbGateway } from './adb/adb-gateway';
import type { DeviceTracking } from './adb/device-tracker';
import type { DeviceRegistry } from './devices/device-registry';
import type { SimulatorStateAction } from './ios/simulator-actions';
import type { SimulatorRegistry } from './ios/simulator-registry';
import type { SimulatorTracker } from './ios/simulator-tracker';
import type { RunsApi } from './runs/engine/runs-api';

/** Phones and simulators: what every command that lists or picks devices needs. */
export interface DeviceCliApi {
  readonly adb: {
    /** One direct attempt to reach the server, starting a local one where allowed. */
    ensureServer(): Promise<void>;
    /** Resolves when the tracker is connected; rejects after `timeoutMs`. */
    waitUntilConnected(timeoutMs: number): Promise<void>;
    /** The tracker's view of the server (its error says why it is unreachable). */
    status(): AdbStatus;
    /** Serials adb lists right now, whatever their state (keyed host/serial across lab hosts). */
    serials(): Promise<string[]>;
    /** Every lab host's status when the lab spans several hosts; undefined with one adb server. */
    hosts(): readonly HostStatus[] | undefined;
  };
  readonly devices: {
    get(serial: string): DeviceView | undefined;
    /** The phone once its identity is read (or failed); rejects after `timeoutMs`. */
    waitForIdentity(serial: string, timeoutMs: number): Promise<DeviceView>;
  };
  readonly simulators: {
    /** Resolves once simctl has been asked (or found missing). */
    settled(): Promise<void>;
    /** Booted simulators as device views. */
    views(): readonly DeviceView[];
    status(): IosStatus;
  };
}

/** Everything the full core offers the CLI. */
export interface CliApi extends DeviceCliApi {
  readonly simulators: DeviceCliApi['simulators'] & {
    /** Every iOS simulator simctl lists; NOT_FOUND where simctl is not available. */
    list(): Promise<SimulatorEntry[]>;
    /** Boots or shuts one down (the same checks as simulators:boot / simulators:shutdown). */
    change(udid: string, action: SimulatorStateAction): Promise<SimulatorEntry>;
  };
  /** The run engine headless: sends before start, start or resume with progress, wait, read results, answer prompts. */
  readonly runs: Pick<
    RunsApi,
    'start' | 'preflight' | 'resume' | 'cancel' | 'settled' | 'list' | 'plan' | 'results' | 'answerPrompt'
  >;
  readonly doctor: {
    run(subject: DoctorSubject): Promise<DoctorResult>;
    fix(subject: DoctorSubject, fix: FixId): Promise<FixOutcome>;
  };
  /** Builds read before any device is touched, then installed to the end with per-device progress. */
  readonly installs: {
    inspectApk(path: string): Promise<ApkInfo>;
    inspectApp(path: string): Promise<SimulatorAppInfo>;
    installApk(
      request: InstallRequest,
      onProgress: (event: InstallProgressEvent) => void,
    ): Promise<InstallJob>;
    installApp(
      request: SimulatorInstallRequest,
      onProgress: (event: InstallProgressEvent) => void,
    ): Promise<SimulatorInstallJob>;
  };
}

/** What the device half is built from (compose-devices.ts's layer). */
export interface DeviceCliDeps {
  readonly gateway: AdbGateway;
  readonly tracker: DeviceTracking;
  readonly registry: DeviceRegistry;
  readonly simulators: SimulatorRegistry;
  readonly simulatorTracker: SimulatorTracker;
}

export function createDeviceCliApi(deps: DeviceCliDeps): DeviceCliApi {
  const { gateway, tracker, registry, simulators, simulatorTracker } = deps;
  return {
    adb: {
      ensureServer: async () => {
        await gateway.ensureServer();
      },
      waitUntilConnected: (timeoutMs) => tracker.waitUntilConnected(timeoutMs),
      status: () => tracker.status(),
      // Several lab hosts list their phones together; one server lists its own.
      serials: async () =>
        (await (tracker.listDevices ? tracker.listDevices() : gateway.listDevices())).map(
          (device) => device.id,
        ),
      hosts: () => tracker.hosts?.(),
    },
    devices: {
      get: (serial) => registry.get(serial),
      waitForIdentity: (serial, timeoutMs) => registry.waitForIdentity(serial, timeoutMs),
    },
    simulators: {
      settled: () => simulatorTracker.settled(),
      views: () => simulators.views(),
      status: () => simulators.status(),
    },
  };
}
