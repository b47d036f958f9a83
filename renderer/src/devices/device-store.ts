/**
 * Phones and the adb server as the board shows them: a snapshot first, then every
 * `devices:changed` event (live plug/unplug, no refresh button). Framework-free zustand store.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  AdbStatus,
  DeviceSnapshot,
  DeviceView,
  HostStatus,
  IosStatus,
  SimulatorEntry,
} from '../../../shared/domain/device';
import type { ErrorInfo } from '../../../shared/errors';
import type { EvidenceFile, PushLabBridge } from '../../../shared/ipc';

export interface ScreenshotState {
  readonly status: 'taking' | 'ready' | 'failed';
  readonly file: EvidenceFile | null;
  readonly error: ErrorInfo | null;
}

export interface DeviceState {
  readonly loaded: boolean;
  readonly adb: AdbStatus | null;
  readonly devices: readonly DeviceView[];
  /** iOS simulators' status (null from cores without iOS support). */
  readonly ios: IosStatus | null;
  /** The snapshot request failed (bridge down); cleared by the next snapshot or event. */
  readonly loadError: ErrorInfo | null;
  /** endedAt of the outage whose "adb restarted" note the user dismissed. */
  readonly dismissedOutage: string | null;
  /** Every lab host's adb server (null with one host: the snapshot then has no `hosts`). */
  readonly hosts: readonly HostStatus[] | null;
  /** The board's host filter: a host's name, or null for every host (host-groups.ts). */
  readonly hostFilter: string | null;
  /** Per host name: endedAt of the outage whose recovery note the user dismissed. */
  readonly dismissedHostOutages: Readonly<Record<string, string>>;
  readonly screenshots: Readonly<Record<string, ScreenshotState>>;
  readonly refreshing: Readonly<Record<string, ErrorInfo | true>>;
  /** Every iOS simulator, booted or not (empty where simctl is not available). */
  readonly simulators: readonly SimulatorEntry[];
  /** Boot / shut down requests still running, by UDID. */
  readonly simulatorActions: Readonly<Record<string, SimulatorStateAction>>;
  /** The last failed simulator action (or list), until the next one starts. */
  readonly simulatorError: { readonly udid: string | null; readonly error: ErrorInfo } | null;
}

export type SimulatorStateAction = 'boot' | 'shutdown';

export interface DeviceActions {
  /** Subscribes to events, then loads the snapshot; returns the unsubscribe function. */
  start(): () => void;
  load(): Promise<void>;
  applySnapshot(snapshot: DeviceSnapshot): void;
  dismissOutage(): void;
  dismissHostOutage(name: string): void;
  setHostFilter(name: string | null): void;
  takeScreenshot(serial: string): Promise<void>;
  closeScreenshot(serial: string): void;
  refreshIdentity(serial: string): Promise<void>;
  /** Re-lists simulators (after each devices:changed, since the core re-emits on every simctl change). */
  loadSimulators(): Promise<void>;
  changeSimulator(udid: string, action: SimulatorStateAction): Promise<void>;
}

export type DeviceStore = StoreApi<DeviceState & DeviceActions>;

const without = <T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> => {
  const copy = { ...record };
  delete copy[key];
  return copy;
};

/** Creates the device store over a bridge (window.pushlab or the web bridge). */
export function createDeviceStore(bridge: PushLabBridge): DeviceStore {
  // Counts events so a snapshot reply older than an event that overtook it is dropped.
  let eventSeq = 0;
  // Counts simulator lists asked for, so an older reply never overwrites a newer one.
  let simulatorSeq = 0;

  return createStore<DeviceState & DeviceActions>()((set, get) => ({
    loaded: false,
    adb: null,
    devices: [],
    ios: null,
    loadError: null,
    dismissedOutage: null,
    hosts: null,
    hostFilter: null,
    dismissedHostOutages: {},
    screenshots: {},
    refreshing: {},
    simulators: [],
    simulatorActions: {},
    simulatorError: null,

    start() {
      const off = bridge.on('devices:changed', (snapshot) => {
        eventSeq += 1;
        get().applySnapshot(snapshot);
      });
      void get().load();
      return off;
    },

    async load() {
      const seq = eventSeq;
      const result = await bridge.invoke('devices:snapshot');
      if (!result.ok) {
        set({ loadError: result.error, loaded: true });
        return;
      }
      if (seq === eventSeq) get().applySnapshot(result.value);
    },

    applySnapshot(snapshot) {
      const present = new Set(snapshot.devices.map((d) => d.serial));
      const screenshots = Object.fromEntries(
        Object.entries(get().screenshots).filter(([s]) => present.has(s)),
      );
      set({
        loaded: true,
        adb: snapshot.adb,
        devices: snapshot.devices,
        ios: snapshot.ios ?? null,
        hosts: snapshot.hosts ?? null,
        loadError: null,
        screenshots,
      });
      if (snapshot.ios?.available === true) void get().loadSimulators();
      else if (get().simulators.length > 0) set({ simulators: [] });
    },

    async loadSimulators() {
      simulatorSeq += 1;
      const seq = simulatorSeq;
      const result = await bridge.invoke('simulators:list');
      if (seq !== simulatorSeq) return;
      if (result.ok) set({ simulators: result.value });
      else set({ simulatorError: { udid: null, error: result.error } });
    },

    async changeSimulator(udid, action) {
      if (get().simulatorActions[udid]) return;
      set({ simulatorActions: { ...get().simulatorActions, [udid]: action }, simulatorError: null });
      const result = await bridge.invoke(action === 'boot' ? 'simulators:boot' : 'simulators:shutdown', udid);
      set({ simulatorActions: without(get().simulatorActions, udid) });
      if (!result.ok) set({ simulatorError: { udid, error: result.error } });
      await get().loadSimulators();
    },

    dismissOutage() {
      set({ dismissedOutage: get().adb?.lastOutage?.endedAt ?? null });
    },

    dismissHostOutage(name) {
      const endedAt = get().hosts?.find((h) => h.name === name)?.lastOutage?.endedAt;
      if (endedAt) set({ dismissedHostOutages: { ...get().dismissedHostOutages, [name]: endedAt } });
    },

    setHostFilter(name) {
      set({ hostFilter: name });
    },

    async takeScreenshot(serial) {
      set({ screenshots: { ...get().screenshots, [serial]: { status: 'taking', file: null, error: null } } });
      const result = await bridge.invoke('devices:screenshot', serial);
      // The user may have closed the dialog meanwhile: then the result is not wanted.
      if (!get().screenshots[serial]) return;
      const next: ScreenshotState = result.ok
        ? { status: 'ready', file: result.value, error: null }
        : { status: 'failed', file: null, error: result.error };
      set({ screenshots: { ...get().screenshots, [serial]: next } });
    },

    closeScreenshot(serial) {
      set({ screenshots: without(get().screenshots, serial) });
    },

    async refreshIdentity(serial) {
      set({ refreshing: { ...get().refreshing, [serial]: true } });
      const result = await bridge.invoke('devices:refreshIdentity', serial);
      if (result.ok) {
        const view = result.value;
        set({
          devices: get().devices.map((d) => (d.serial === view.serial ? view : d)),
          refreshing: without(get().refreshing, serial),
        });
      } else {
        set({ refreshing: { ...get().refreshing, [serial]: result.error } });
      }
    },
  }));
}
