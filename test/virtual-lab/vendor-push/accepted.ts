/**
 * A push a vendor emulator accepted, in one shape for all vendors, and the listener list that hands
 * it to the delivery (virtual phones) the way the Tencent emulator hands messages to its router.
 */
export type EmulatedVendor = 'oppo' | 'vivo' | 'meizu';

export interface AcceptedVendorPush {
  readonly vendor: EmulatedVendor;
  /** OPPO messageId, vivo taskId, Meizu msgId. */
  readonly messageId: string;
  readonly token: string;
  /** The package the token was registered by. */
  readonly package: string;
  readonly title: string;
  readonly text: string;
  /** The notification channel the push names (OPPO channel_id); null: none. */
  readonly channelId: string | null;
  /** Service / private / system class (not capped per device); false: marketing, public, operational. */
  readonly highClass: boolean;
  /** vivo pushMode 1: shown only on registered test devices, not counted. */
  readonly test: boolean;
  readonly ext: string | null;
  readonly receivedAt: number;
  /** The request as the emulator parsed it. */
  readonly raw: Readonly<Record<string, unknown>>;
}

export interface PushSource {
  onPush(listener: (push: AcceptedVendorPush) => void): () => void;
}

/** The accepted list and its listeners, for an emulator to embed. */
export function acceptedPushes(): PushSource & {
  readonly list: AcceptedVendorPush[];
  emit(push: AcceptedVendorPush): void;
} {
  const list: AcceptedVendorPush[] = [];
  const listeners = new Set<(push: AcceptedVendorPush) => void>();
  return {
    list,
    emit(push) {
      list.push(push);
      for (const listener of listeners) listener(push);
    },
    onPush(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A device token registered by an app on the vendor's push service. */
export interface EmulatedDevice {
  readonly token: string;
  readonly package: string;
}

/** China's day and hour (UTC+8), where the vendors count quotas and quiet hours. */
export function chinaTime(epochMs: number): { readonly day: number; readonly hour: number } {
  const local = epochMs + 8 * 3_600_000;
  return { day: Math.floor(local / 86_400_000), hour: Math.floor(local / 3_600_000) % 24 };
}
