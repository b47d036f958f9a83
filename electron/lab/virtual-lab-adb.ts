/**
 * The virtual lab announces its phones to its own private adb server, never to the user's. While it
 * runs, the core follows it there, so the board shows the virtual phones; phones on the user's
 * server come back when the lab stops. A core already on the lab's server (`npm run demo`) stays.
 */
import type { VirtualLabStatus } from '../../shared/domain/lab';
import type { AdbGateway } from './adb/adb-gateway';
import type { DeviceTracker } from './adb/device-tracker';
import type { AdbConfig } from './adb/adb-config';
import type { VirtualLabController } from './virtual-lab-port';

const sameServer = (a: { host: string; port: number }, b: { host: string; port: number }): boolean =>
  a.host === b.host && a.port === b.port;

export function followLabServer(
  lab: VirtualLabController,
  gateway: AdbGateway,
  tracker: DeviceTracker,
): VirtualLabController {
  const home: AdbConfig = gateway.config;
  const server = lab.adbServer;
  if (server === undefined || sameServer(server, home)) return lab;
  const labConfig: AdbConfig = { ...home, host: server.host, port: server.port };
  const switchTo = (config: AdbConfig): void => {
    if (sameServer(gateway.config, config)) return;
    gateway.retarget(config);
    tracker.retarget();
  };
  return {
    adbServer: server,
    status: () => lab.status(),
    // The core's tracker starts the private server (when allowed) while the lab waits for it.
    async start(phoneCount?: number): Promise<VirtualLabStatus> {
      switchTo(labConfig);
      try {
        return await lab.start(phoneCount);
      } catch (error) {
        switchTo(home);
        throw error;
      }
    },
    async stop(): Promise<VirtualLabStatus> {
      const status = await lab.stop();
      switchTo(home);
      return status;
    },
    plug: (phoneId, plugged) => lab.plug(phoneId, plugged),
    onChange: (listener) => lab.onChange(listener),
    ...(lab.demoPlan ? { demoPlan: () => lab.demoPlan?.() } : {}),
  };
}
