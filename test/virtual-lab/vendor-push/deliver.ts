/**
 * Hands what a vendor push fake accepted to the virtual phone that owns the token, by that
 * vendor's rules, the way the Tencent router hands Tencent's pushes on: the phone must be in the
 * lab with the vendor's push service and the app installed; a data (pass-through) message reaches
 * the app and shows nothing; during the vendor's quiet hours (when enabled) held messages do not
 * show; a low-class message beyond the vendor's daily per-phone cap is dropped (test messages are
 * exempt); otherwise the phone posts the notification on the push's channel (or the app's default)
 * and Android's own rules (blocked app, missing or blocked channel) decide. Unlike Tencent, a
 * vendor notification also shows while the app is in the foreground. Every decision is logged.
 */
import { dailyDeviceCap, inQuietHours } from '../../../shared/push/vendor-limits';
import { pushServiceReady, type RoutedPhone } from '../tencent/router';
import type { AcceptedVendorPush } from './types';

export type VendorRouteReason =
  | 'posted'
  | 'unknown-token'
  | 'phone-absent'
  | 'push-service-missing'
  | 'not-installed'
  | 'pass-through'
  | 'quiet-hours'
  | 'quota-exceeded'
  | 'notification-not-installed'
  | 'notification-app-blocked'
  | 'notification-no-channel'
  | 'notification-channel-blocked'
  | 'notification-op-ignored'
  | 'notification-too-many';

export interface VendorGroundTruth {
  readonly vendor: AcceptedVendorPush['vendor'];
  readonly messageId: string;
  readonly serial: string | null;
  readonly shown: boolean;
  readonly reason: VendorRouteReason;
  readonly channelId: string | null;
  readonly notificationKey: string | null;
  readonly at: number;
}

export interface VendorDeliveryOptions {
  readonly phones: () => readonly RoutedPhone[];
  /** Which phone holds each token (the app that registered it is the push's package). */
  readonly owners: ReadonlyMap<string, string>;
  /** Channel when the push names none; default pushlab_default. */
  readonly defaultChannelId?: string;
  /** Apply the vendor's documented quiet hours (shared/push/vendor-limits); default off. */
  readonly quietHours?: boolean;
  /** Per-phone daily caps for the low class; default the vendor's documented ones. */
  readonly lowClassCap?: number;
  /** The phone's local hour for quiet hours; default UTC of `now`. */
  readonly localHour?: (at: number) => number;
  readonly now?: () => number;
}

export interface VendorDelivery {
  readonly log: readonly VendorGroundTruth[];
  deliver(push: AcceptedVendorPush): VendorGroundTruth;
  stop(): void;
}

const DAY_MS = 86_400_000;

export function connectVendorPushToPhones(
  server: { onPush(listener: (push: AcceptedVendorPush) => void): () => void },
  options: VendorDeliveryOptions,
): VendorDelivery {
  const now = options.now ?? Date.now;
  const log: VendorGroundTruth[] = [];
  const used = new Map<string, number>();

  const deliver = (push: AcceptedVendorPush): VendorGroundTruth => {
    const serial = options.owners.get(push.token) ?? null;
    const channelId = push.channelId ?? options.defaultChannelId ?? 'pushlab_default';
    const decide = (reason: VendorRouteReason, key: string | null = null): VendorGroundTruth => {
      const truth: VendorGroundTruth = {
        vendor: push.vendor,
        messageId: push.messageId,
        serial,
        shown: reason === 'posted',
        reason,
        channelId: push.kind === 'data' ? null : channelId,
        notificationKey: key,
        at: now(),
      };
      log.push(truth);
      return truth;
    };
    if (serial === null) return decide('unknown-token');
    const phone = options.phones().find((p) => p.serial === serial);
    if (phone === undefined) return decide('phone-absent');
    if (!pushServiceReady(phone.android, push.vendor)) return decide('push-service-missing');
    if (phone.android.installedPackage(push.package) === undefined) return decide('not-installed');
    if (push.kind === 'data') return decide('pass-through');
    const hour = options.localHour?.(now()) ?? new Date(now()).getUTCHours();
    if (options.quietHours === true && inQuietHours(push.vendor, hour, push.messageClass))
      return decide('quiet-hours');
    if (push.messageClass === 'low' && !push.testMessage) {
      const cap = options.lowClassCap ?? dailyDeviceCap(push.vendor, 'low');
      const key = `${serial}|${push.vendor}|${Math.floor(now() / DAY_MS)}`;
      const count = used.get(key) ?? 0;
      if (cap !== null && count >= cap) return decide('quota-exceeded');
      used.set(key, count + 1);
    }
    const outcome = phone.android.postNotification(push.package, {
      channelId,
      title: push.title ?? '',
      text: push.body ?? '',
      ...(push.ext === null ? {} : { ext: push.ext }),
    });
    return outcome.posted ? decide('posted', outcome.key) : decide(`notification-${outcome.reason}`);
  };

  const off = server.onPush((push) => {
    deliver(push);
  });
  return { log, deliver, stop: off };
}
