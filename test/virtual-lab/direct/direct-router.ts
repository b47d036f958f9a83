/**
 * Delivers what a vendor's push server accepted straight from a direct sender (no Tencent) to the
 * virtual phone that owns the token, by the same phone-side rules as the Tencent router: the phone
 * must be plugged in, the app installed, the channel's push service ready; FCM does not wake a
 * stopped app and hands a notification message to a foreground app instead of showing it; a
 * vendor fault (`drops`) loses it. The phone's own notification rules decide the rest. Each
 * vendor emulator (FCM here; the Chinese vendors' emulators the same way) calls `deliver` with the
 * notification it accepted; every decision goes into a ground-truth log.
 */
import { appendLog } from '../android/logbuffer';
import { visibleSurface } from '../android/actions';
import { pushServiceReady, type RoutedPhone } from '../tencent/router';

export interface DirectNotification {
  /** null: the vendor message had no title (Android then shows the app's name). */
  readonly title: string | null;
  readonly text: string;
  readonly channelId: string | null;
  readonly ext?: string;
}

export type DirectRouteReason =
  | 'posted'
  | 'unknown-token'
  | 'phone-absent'
  | 'wrong-channel'
  | 'not-installed'
  | 'push-service-missing'
  | 'fcm-app-stopped'
  | 'foreground-in-app'
  | 'vendor-dropped'
  | `notification-${string}`;

export interface DirectDecision {
  readonly channel: string;
  readonly serial: string | null;
  readonly shown: boolean;
  readonly reason: DirectRouteReason;
  readonly notificationKey: string | null;
  readonly at: number;
}

export interface DirectRouterOptions {
  /** The phones plugged in now. */
  readonly phones: () => readonly RoutedPhone[];
  /** The app that registered the tokens. */
  readonly package: string;
  /** Token -> serial of the phone whose app registered it. */
  readonly tokens: ReadonlyMap<string, string>;
  /** The app's label: the title Android shows for a notification without one. */
  readonly appLabel: string;
  /** The app's default notification channel, used when the message names none. */
  readonly defaultChannelId: string;
  /** A faulty vendor: the pushes it loses for this phone. */
  readonly drops?: (channel: string, serial: string) => boolean;
  readonly now?: () => number;
}

export interface DirectRouter {
  readonly log: readonly DirectDecision[];
  deliver(channel: string, token: string, notification: DirectNotification): DirectDecision;
}

export function createDirectRouter(options: DirectRouterOptions): DirectRouter {
  const now = options.now ?? Date.now;
  const log: DirectDecision[] = [];
  const deliver = (channel: string, token: string, n: DirectNotification): DirectDecision => {
    const serial = options.tokens.get(token) ?? null;
    const decide = (reason: DirectRouteReason, shown = false, key: string | null = null): DirectDecision => {
      const decision = { channel, serial, shown, reason, notificationKey: key, at: now() };
      log.push(decision);
      return decision;
    };
    if (serial === null) return decide('unknown-token');
    const phone = options.phones().find((p) => p.serial === serial);
    if (phone === undefined) return decide('phone-absent');
    if (phone.channel !== channel) return decide('wrong-channel');
    const { android } = phone;
    const app = android.installedPackage(options.package);
    if (app === undefined) return decide('not-installed');
    const serviceOk =
      phone.servicePackage === undefined
        ? pushServiceReady(android, phone.channel)
        : android.installedPackage(phone.servicePackage)?.enabled === true;
    if (!serviceOk) return decide('push-service-missing');
    if (options.drops?.(channel, serial) === true) return decide('vendor-dropped');
    if (channel === 'fcm' && app.stopped) return decide('fcm-app-stopped');
    if (channel === 'fcm' && visibleSurface(android.state) === options.package)
      return decide('foreground-in-app');
    const outcome = android.postNotification(options.package, {
      channelId: n.channelId ?? options.defaultChannelId,
      title: n.title ?? options.appLabel,
      text: n.text,
      ...(n.ext === undefined ? {} : { ext: n.ext }),
    });
    if (!outcome.posted) return decide(`notification-${outcome.reason}`);
    return decide('posted', true, outcome.key);
  };
  return { log, deliver };
}

/**
 * What Tencent's offline-push SDK logs once the app handed its vendor token to Tencent
 * (TUIOfflinePushManager.setOfflinePushConfig; shared/runs/token-presets.ts "tencent-offline-push").
 */
export function logPushToken(phone: RoutedPhone, token: string, businessId: number): void {
  appendLog(phone.android.state, {
    pid: 12_345,
    priority: 'I',
    tag: 'TUIOfflinePush-TUIOfflinePushManager',
    message: `setOfflinePushConfig businessID = ${businessId} pushToken = ${token}`,
  });
}
