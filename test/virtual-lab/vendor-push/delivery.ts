/**
 * Delivers what the vendor emulators accept to the virtual phone that owns the token, by the
 * vendor's rules, the way the Tencent router delivers Tencent's messages: no phone with the token
 * or the app gone -> nothing; OPPO on Android 8+ without channel_id -> nothing; a low-class push
 * (marketing / public / operational) over the vendor's per-device daily cap -> dropped; a vivo
 * operational push outside 07:00-23:00 China time -> held; otherwise the phone posts the
 * notification (its own blocks and channels then decide). Every decision goes into a log.
 */
import { OPPO_VIVO_MEIZU_SEND_LIMITS as LIMITS } from '../../../shared/push/vendor-limits-oppo-vivo-meizu';
import type { VirtualAndroid } from '../android/index';
import { chinaTime, type AcceptedVendorPush, type EmulatedVendor, type PushSource } from './accepted';

export interface VendorPhone {
  readonly serial: string;
  readonly android: VirtualAndroid;
  readonly sdk: number;
  /** The app's push token on this phone, per vendor. */
  readonly tokens: Partial<Readonly<Record<EmulatedVendor, string>>>;
}

export type VendorDeliveryReason =
  | 'posted'
  | 'no-phone'
  | 'not-installed'
  | 'oppo-no-channel-id'
  | 'low-class-quota'
  | 'quiet-hours'
  | 'notification-not-installed'
  | 'notification-app-blocked'
  | 'notification-no-channel'
  | 'notification-channel-blocked'
  | 'notification-op-ignored'
  | 'notification-too-many';

export interface VendorDelivery {
  readonly vendor: EmulatedVendor;
  readonly messageId: string;
  readonly serial: string | null;
  readonly shown: boolean;
  readonly reason: VendorDeliveryReason;
  readonly title: string;
  readonly text: string;
  readonly channelId: string;
  readonly notificationKey: string | null;
  readonly at: number;
}

export interface VendorDeliveryOptions {
  readonly sources: readonly PushSource[];
  readonly phones: () => readonly VendorPhone[];
  /** Low-class pushes per device per day; default the vendors' documented usual figure. */
  readonly lowClassPerDay?: Partial<Readonly<Record<EmulatedVendor, number>>>;
  /** Channel used when the push names none (vivo and Meizu never do); default pushlab_default. */
  readonly defaultChannelId?: string;
  readonly now?: () => number;
}

export interface VendorRouter {
  readonly log: readonly VendorDelivery[];
  deliver(push: AcceptedVendorPush): VendorDelivery;
  stop(): void;
}

const ANDROID_O = 26;

/** vivo holds operational pushes outside its window (documented from 07:00 to 23:00). */
function inQuietHours(vendor: EmulatedVendor, at: number, highClass: boolean): boolean {
  const quiet = LIMITS[vendor].quietHours;
  if (quiet === null || (quiet.holds === 'low' && highClass)) return false;
  const { hour } = chinaTime(at);
  return quiet.fromHour <= quiet.toHour
    ? hour >= quiet.fromHour && hour < quiet.toHour
    : hour >= quiet.fromHour || hour < quiet.toHour;
}

export function createVendorDelivery(options: VendorDeliveryOptions): VendorRouter {
  const now = options.now ?? Date.now;
  const log: VendorDelivery[] = [];
  const used = new Map<string, number>();

  const deliver = (push: AcceptedVendorPush): VendorDelivery => {
    const phone = options.phones().find((p) => p.tokens[push.vendor] === push.token);
    const channelId = push.channelId ?? options.defaultChannelId ?? 'pushlab_default';
    const decide = (reason: VendorDeliveryReason, key: string | null = null): VendorDelivery => {
      const entry: VendorDelivery = {
        vendor: push.vendor,
        messageId: push.messageId,
        serial: phone?.serial ?? null,
        shown: reason === 'posted',
        reason,
        title: push.title,
        text: push.text,
        channelId,
        notificationKey: key,
        at: now(),
      };
      log.push(entry);
      return entry;
    };
    if (phone === undefined) return decide('no-phone');
    if (phone.android.installedPackage(push.package) === undefined) return decide('not-installed');
    if (push.vendor === 'oppo' && phone.sdk >= ANDROID_O && push.channelId === null)
      return decide('oppo-no-channel-id');
    if (!push.test && inQuietHours(push.vendor, push.receivedAt, push.highClass))
      return decide('quiet-hours');
    // Test pushes (vivo pushMode 1) are not counted; the high class has no documented cap.
    const limit = push.test
      ? null
      : push.highClass
        ? LIMITS[push.vendor].perDevicePerDay.high.count
        : (options.lowClassPerDay?.[push.vendor] ?? LIMITS[push.vendor].perDevicePerDay.low.count);
    if (limit !== null) {
      const key = `${phone.serial}|${push.vendor}|${push.highClass ? 'high' : 'low'}|${chinaTime(push.receivedAt).day}`;
      const count = used.get(key) ?? 0;
      if (count >= limit) return decide('low-class-quota');
      used.set(key, count + 1);
    }
    const outcome = phone.android.postNotification(push.package, {
      channelId,
      title: push.title,
      text: push.text,
      ...(push.ext === null ? {} : { ext: push.ext }),
    });
    return outcome.posted ? decide('posted', outcome.key) : decide(`notification-${outcome.reason}`);
  };

  const offs = options.sources.map((source) => source.onPush((push) => void deliver(push)));
  return { log, deliver, stop: () => offs.forEach((off) => off()) };
}
