/**
 * THE delivery of direct pushes (no Tencent): hands what a push server accepted from a direct
 * sender (the six vendor emulators and the loopback FCM server) to the virtual phone that owns the
 * token, by that channel's rules, the way the Tencent router hands Tencent's pushes on. The phone
 * must be in the lab with the channel's push service and the app installed; a faulty vendor
 * (`drops`, the world's vendorDrops) loses the push. FCM does not wake a stopped app and hands a
 * notification message to a foreground app instead of showing it; a vendor notification also shows
 * while the app is in the foreground. A data (pass-through) message reaches the app and shows
 * nothing; OPPO on Android 8+ shows nothing without a channel_id; during the vendor's quiet hours
 * (when enabled; vivo holds only operational pushes, 23:00-07:00) held messages do not show; a
 * message beyond the vendor's daily per-phone cap for its class is dropped (test messages are
 * exempt; days and hours are China time, where the vendors count); otherwise the phone posts the
 * notification on the push's channel (or the app's default) and Android's own rules (blocked app,
 * missing or blocked channel) decide. Every decision is logged.
 */
import type { PushChannel } from '../../../shared/domain/device';
import { dailyDeviceCap, inQuietHours } from '../../../shared/push/vendor-limits';
import { visibleSurface } from '../android/actions';
import type { VirtualAndroid } from '../android/index';
import { pushServiceReady } from '../tencent/router';
import {
  chinaTime,
  type AcceptedVendorPush,
  type DirectChannel,
  type DirectVendor,
  type PushSource,
} from './types';

export type VendorRouteReason =
  | 'posted'
  | 'unknown-token'
  | 'vendor-dropped'
  | 'phone-absent'
  | 'push-service-missing'
  | 'not-installed'
  | 'fcm-app-stopped'
  | 'foreground-in-app'
  | 'pass-through'
  | 'oppo-no-channel-id'
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

/** A phone the delivery may post on (the Tencent router's RoutedPhone is one). */
export interface VendorPhone {
  readonly serial: string;
  readonly android: VirtualAndroid;
  /** The phone's push channel; with servicePackage, that channel's service runs under that package. */
  readonly channel?: PushChannel;
  readonly servicePackage?: string;
}

export interface VendorDeliveryOptions {
  readonly phones: () => readonly VendorPhone[];
  /** Which phone holds each token (the app that registered it is the push's package). */
  readonly owners: ReadonlyMap<string, string>;
  /** Channel when the push names none; default pushlab_default. */
  readonly defaultChannelId?: string;
  /** The app's label: the title Android shows for a notification without one; default empty. */
  readonly appLabel?: string;
  /** Apply the vendor's documented quiet hours (shared/push/vendor-limits); default off. */
  readonly quietHours?: boolean;
  /** Per-phone daily caps for the low class, one for all vendors or by vendor; default the documented ones. */
  readonly lowClassCap?: number | Partial<Readonly<Record<DirectVendor, number>>>;
  /** The phone's local hour at the push's arrival, for quiet hours; default China time. */
  readonly localHour?: (at: number) => number;
  readonly now?: () => number;
  /** A faulty vendor (the world's vendorDrops): the pushes it loses for this phone, accepted but never delivered. */
  readonly drops?: (channel: DirectChannel, serial: string) => boolean;
}

export interface VendorDelivery {
  readonly log: readonly VendorGroundTruth[];
  deliver(push: AcceptedVendorPush): VendorGroundTruth;
  /** Delivers another server's pushes from now on (the direct paths' FCM server), with its tokens' owners. */
  connect(source: PushSource, owners?: ReadonlyMap<string, string>): () => void;
  stop(): void;
}

const ANDROID_O = 26;

function capFor(
  push: AcceptedVendorPush,
  vendor: DirectVendor,
  options: VendorDeliveryOptions,
): number | null {
  const override = options.lowClassCap;
  const low = typeof override === 'number' ? override : override?.[vendor];
  return push.messageClass === 'low' && low !== undefined ? low : dailyDeviceCap(vendor, push.messageClass);
}

function serviceReady(phone: VendorPhone, channel: DirectChannel): boolean {
  if (phone.servicePackage === undefined || phone.channel !== channel)
    return pushServiceReady(phone.android, channel);
  return phone.android.installedPackage(phone.servicePackage)?.enabled === true;
}

/** Delivers every push the server(s) accept from now on; `deliver` hands one over directly. */
export function connectVendorPushToPhones(
  servers: PushSource | readonly PushSource[],
  options: VendorDeliveryOptions,
): VendorDelivery {
  const now = options.now ?? Date.now;
  const log: VendorGroundTruth[] = [];
  const used = new Map<string, number>();
  const owners = new Map(options.owners);

  const deliver = (push: AcceptedVendorPush): VendorGroundTruth => {
    const serial = owners.get(push.token) ?? null;
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
    if (options.drops?.(push.vendor, serial) === true) return decide('vendor-dropped');
    const phone = options.phones().find((p) => p.serial === serial);
    if (phone === undefined) return decide('phone-absent');
    const { android } = phone;
    if (!serviceReady(phone, push.vendor)) return decide('push-service-missing');
    const app = android.installedPackage(push.package);
    if (app === undefined) return decide('not-installed');
    if (push.vendor === 'fcm') {
      if (app.stopped) return decide('fcm-app-stopped');
      if (push.kind === 'notification' && visibleSurface(android.state) === push.package)
        return decide('foreground-in-app');
    }
    if (push.kind === 'data') return decide('pass-through');
    if (push.vendor === 'oppo' && android.state.sdk >= ANDROID_O && push.channelId === null)
      return decide('oppo-no-channel-id');
    if (push.vendor !== 'fcm') {
      const hour = options.localHour?.(push.receivedAt) ?? chinaTime(push.receivedAt).hour;
      if (
        options.quietHours === true &&
        !push.testMessage &&
        inQuietHours(push.vendor, hour, push.messageClass)
      )
        return decide('quiet-hours');
      const cap = push.testMessage ? null : capFor(push, push.vendor, options);
      if (cap !== null) {
        const key = `${serial}|${push.vendor}|${push.messageClass}|${chinaTime(push.receivedAt).day}`;
        const count = used.get(key) ?? 0;
        if (count >= cap) return decide('quota-exceeded');
        used.set(key, count + 1);
      }
    }
    const outcome = android.postNotification(push.package, {
      channelId,
      title: push.title ?? options.appLabel ?? '',
      text: push.body ?? '',
      ...(push.ext === null ? {} : { ext: push.ext }),
    });
    return outcome.posted ? decide('posted', outcome.key) : decide(`notification-${outcome.reason}`);
  };

  const offs: (() => void)[] = [];
  const connect = (source: PushSource, more?: ReadonlyMap<string, string>): (() => void) => {
    for (const [token, serial] of more ?? []) owners.set(token, serial);
    const off = source.onPush((push) => void deliver(push));
    offs.push(off);
    return off;
  };
  for (const source of 'onPush' in servers ? [servers] : servers) connect(source);
  return { log, deliver, connect, stop: () => offs.splice(0).forEach((off) => off()) };
}
