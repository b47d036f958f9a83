/**
 * What a push server accepted from a direct sender, in one shape for the six vendor emulators (Mi
 * Push, HMS, Honor, OPPO, vivo, Flyme) and the loopback FCM server, so one delivery module
 * (deliver.ts) hands them all to the virtual phone that owns the token.
 */
import type { LimitedVendor } from '../../../shared/push/vendor-limits';

export type DirectVendor = LimitedVendor;
/** Every channel a direct push can take: the six vendors and FCM. */
export type DirectChannel = DirectVendor | 'fcm';

export interface AcceptedVendorPush {
  readonly vendor: DirectChannel;
  /** The server's id: Mi data.id, HMS / Honor requestId, OPPO messageId, vivo taskId, Meizu msgId, FCM name. */
  readonly messageId: string;
  readonly token: string;
  readonly package: string;
  /** notification: shown by the vendor's push service; data: handed to the app (pass-through). */
  readonly kind: 'notification' | 'data';
  readonly title: string | null;
  readonly body: string | null;
  readonly channelId: string | null;
  /** high (service / IM / 私信 / system) or low (marketing, public, operational: capped); FCM has none: high. */
  readonly messageClass: 'high' | 'low';
  /** What a tap hands to the app. */
  readonly ext: string | null;
  /** A test message (HMS target_user_type / Honor targetUserType 1 / vivo pushMode 1): outside the daily caps. */
  readonly testMessage: boolean;
  readonly receivedAt: number;
  /** The request as the emulator parsed it (for tests that check what was sent). */
  readonly raw?: Readonly<Record<string, unknown>>;
}

/** Where accepted pushes come from: every emulator is one. */
export interface PushSource {
  onPush(listener: (push: AcceptedVendorPush) => void): () => void;
}

/**
 * The VendorEmulator part every emulator returns: its loopback server's URL and close, the hub's
 * accepted list and listeners, and addDevice on the emulator's device table.
 */
export function emulatorBase(
  server: { readonly url: string; close(): Promise<void> },
  hub: ReturnType<typeof pushHub>,
  devices: Map<string, VendorDevice>,
): VendorEmulator {
  return {
    url: server.url,
    accepted: hub.accepted,
    onPush: hub.onPush,
    addDevice: (device) => void devices.set(device.token, device),
    close: () => server.close(),
  };
}

/** A push token the fake knows, and the app that registered it. */
export interface VendorDevice {
  readonly token: string;
  readonly package: string;
}

/** What every vendor emulator offers: its URL, what it accepted, listeners, its devices. */
export interface VendorEmulator extends PushSource {
  readonly url: string;
  readonly accepted: readonly AcceptedVendorPush[];
  addDevice(device: VendorDevice): void;
  close(): Promise<void>;
}

/** Options every vendor emulator takes. */
export interface VendorEmulatorOptions {
  readonly devices?: readonly VendorDevice[];
  readonly now?: () => number;
}

export interface VendorPushFake extends VendorEmulator {
  /** The app was uninstalled or re-registered: the token stops being valid. */
  unregister(token: string): void;
}

/** Reads `S.ext=` back out of the intent URI a click action carries (direct/content.ts launchIntentUri). */
export function extFromIntent(intent: unknown): string | null {
  if (typeof intent !== 'string') return null;
  const match = /;S\.ext=([^;]*);/.exec(intent);
  return match?.[1] === undefined ? null : decodeURIComponent(match[1]);
}

/** Listeners and the accepted log, shared by the fakes. */
export function pushHub(): PushSource & {
  readonly accepted: AcceptedVendorPush[];
  emit(push: AcceptedVendorPush): void;
  onPush(listener: (push: AcceptedVendorPush) => void): () => void;
} {
  const accepted: AcceptedVendorPush[] = [];
  const listeners = new Set<(push: AcceptedVendorPush) => void>();
  return {
    accepted,
    emit(push) {
      accepted.push(push);
      for (const listener of listeners) listener(push);
    },
    onPush(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** China's day and hour (UTC+8), where the vendors count quotas and quiet hours. */
export function chinaTime(epochMs: number): { readonly day: number; readonly hour: number } {
  const local = epochMs + 8 * 3_600_000;
  return { day: Math.floor(local / 86_400_000), hour: Math.floor(local / 3_600_000) % 24 };
}
