/**
 * What a vendor push fake accepted, in one shape for all of them, so one delivery module hands
 * Mi Push, HMS and Honor pushes to the virtual phone that owns the token.
 */
export type DirectVendor = 'xiaomi' | 'huawei' | 'honor';

export interface AcceptedVendorPush {
  readonly vendor: DirectVendor;
  /** The id the server answered with (Mi data.id, HMS / Honor requestId). */
  readonly messageId: string;
  readonly token: string;
  readonly package: string;
  /** notification: shown by the vendor's push service; data: handed to the app (pass-through). */
  readonly kind: 'notification' | 'data';
  readonly title: string | null;
  readonly body: string | null;
  readonly channelId: string | null;
  /** The class the vendor gives it: high (service / IM) or low (news & marketing, capped). */
  readonly messageClass: 'high' | 'low';
  /** What a tap hands to the app. */
  readonly ext: string | null;
  /** A test message (HMS target_user_type / Honor targetUserType 1): outside the daily caps. */
  readonly testMessage: boolean;
  readonly receivedAt: number;
}

/** A push token the fake knows, and the app that registered it. */
export interface VendorDevice {
  readonly token: string;
  readonly package: string;
}

export interface VendorPushFake {
  readonly url: string;
  readonly accepted: readonly AcceptedVendorPush[];
  onPush(listener: (push: AcceptedVendorPush) => void): () => void;
  addDevice(device: VendorDevice): void;
  /** The app was uninstalled or re-registered: the token stops being valid. */
  unregister(token: string): void;
  close(): Promise<void>;
}

/** Reads `S.ext=` back out of the intent URI a click action carries (direct/content.ts launchIntentUri). */
export function extFromIntent(intent: unknown): string | null {
  if (typeof intent !== 'string') return null;
  const match = /;S\.ext=([^;]*);/.exec(intent);
  return match?.[1] === undefined ? null : decodeURIComponent(match[1]);
}

/** Listeners and the accepted log, shared by the fakes. */
export function pushHub(): {
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
