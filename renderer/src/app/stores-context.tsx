/**
 * Creates the renderer's stores once per bridge, starts their event subscriptions and hands
 * them to components through context.
 */
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { PushLabBridge } from '../../../shared/ipc';
import { createDeviceStore, type DeviceStore } from '../devices/device-store';
import { createDoctorStore, type DoctorStore } from '../doctor/doctor-store';
import { createInstallStore, type InstallStore } from '../install/install-store';
import { createLabStore, type LabStore } from '../lab/lab-store';
import { createMatrixStore, type MatrixStore } from '../matrix/matrix-store';
import { createRunsStore, type RunsStore } from '../runs/runs-store';
import { createSecretsStore, type SecretsStore } from '../runs/secrets-store';
import { createNavStore, type NavStore } from './nav-store';

export interface Stores {
  readonly bridge: PushLabBridge;
  readonly devices: DeviceStore;
  readonly install: InstallStore;
  readonly lab: LabStore;
  readonly doctor: DoctorStore;
  readonly runs: RunsStore;
  readonly secrets: SecretsStore;
  readonly matrix: MatrixStore;
  readonly nav: NavStore;
}

function pageStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // Storage disabled by privacy settings: the doctor just remembers nothing.
  }
}

const StoresContext = createContext<Stores | null>(null);

/** Provides the stores for `bridge` and keeps them subscribed while mounted. */
export function StoresProvider({ bridge, children }: { bridge: PushLabBridge; children: ReactNode }) {
  const stores = useMemo<Stores>(
    () => ({
      bridge,
      devices: createDeviceStore(bridge),
      install: createInstallStore(bridge),
      lab: createLabStore(bridge),
      doctor: createDoctorStore(bridge, { storage: pageStorage() }),
      runs: createRunsStore(bridge),
      secrets: createSecretsStore(bridge),
      matrix: createMatrixStore(bridge),
      nav: createNavStore(),
    }),
    [bridge],
  );

  useEffect(() => {
    const stops = [
      stores.devices.getState().start(),
      stores.install.getState().start(),
      stores.lab.getState().start(),
      stores.runs.getState().start(),
      stores.matrix.getState().start(),
    ];
    return () => {
      for (const stop of stops) stop();
    };
  }, [stores]);

  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

/** The renderer's stores. */
export function useStores(): Stores {
  const value = useContext(StoresContext);
  if (!value) throw new Error('useStores must be used inside <StoresProvider>');
  return value;
}
