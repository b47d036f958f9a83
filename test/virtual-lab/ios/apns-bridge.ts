/**
 * Connects the local APNs server to fake simulators, as Apple's sandbox reaches a real simulator
 * on a Mac (Xcode 14+): every app on a simulator gets a device token (simulatorDeviceToken), the
 * server learns it, and a push the server accepts for that token is handed to the simulator the
 * way `simctl push` does it — so iOS's rules apply (notification permission, foreground apps,
 * silent pushes) and the result lands in DeliveredNotifications.plist. Pushes are delivered one
 * at a time in the order APNs accepted them.
 */
import type { AcceptedNotification, ApnsServer } from '../apns/server';
import type { ApnsEnvironment } from '../apns/rules';
import { simulatorDeviceToken, type FakeXcrun } from './fake-xcrun';

export interface SimulatorApp {
  readonly udid: string;
  readonly bundleId: string;
  /** The environment the app's build registered in (default sandbox, as a Debug build does). */
  readonly environment?: ApnsEnvironment;
}

export interface SimulatorDelivery {
  readonly apnsId: string;
  readonly udid: string;
  readonly bundleId: string;
  /** The fake simctl's exit code: 0 when the simulator took the push (shown or not). */
  readonly code: number;
  readonly stderr: string;
}

export interface ApnsSimulatorBridge {
  /** The token of each registered app: `${udid} ${bundleId}` -> hex token. */
  token(app: SimulatorApp): string;
  readonly deliveries: readonly SimulatorDelivery[];
  /** Resolves once every push accepted so far has been handed to its simulator. */
  idle(): Promise<void>;
  close(): void;
}

export function connectApnsToSimulators(
  server: ApnsServer,
  fake: FakeXcrun,
  apps: readonly SimulatorApp[],
): ApnsSimulatorBridge {
  const byToken = new Map<string, SimulatorApp>();
  for (const app of apps) {
    const token = simulatorDeviceToken(app.udid, app.bundleId, app.environment ?? 'sandbox');
    byToken.set(token, app);
    server.addDevice({ token, topic: app.bundleId, environment: app.environment ?? 'sandbox' });
  }
  const deliveries: SimulatorDelivery[] = [];
  let queue: Promise<void> = Promise.resolve();

  const deliver = async (n: AcceptedNotification): Promise<void> => {
    const app = byToken.get(n.deviceToken);
    if (!app) return;
    const result = await fake.simctl(['push', app.udid, app.bundleId, '-'], JSON.stringify(n.payload), {
      FAKE_SIMCTL_VIA: 'apns',
    });
    deliveries.push({
      apnsId: n.apnsId,
      udid: app.udid,
      bundleId: app.bundleId,
      code: result.code,
      stderr: result.stderr,
    });
  };
  const off = server.onNotification((n) => {
    queue = queue.then(() => deliver(n)).catch(() => undefined);
  });

  return {
    token: (app) => simulatorDeviceToken(app.udid, app.bundleId, app.environment ?? 'sandbox'),
    deliveries,
    idle: () => queue,
    close: () => void off(),
  };
}
