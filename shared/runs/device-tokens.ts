/**
 * The push tokens the lab last read for a phone, as the Devices board shows them: one per app
 * package and channel, masked to its first 8 characters. The full token stays in the core (the
 * encrypted secret store); it never crosses to the window, a log or a report.
 */
import type { TokenPresetId } from './token-presets';

/** Where the token came from: the plan's app.tokens.serials, or the phone's log (a preset or the user's pattern). */
export type DeviceTokenSource =
  { readonly kind: 'plan' } | { readonly kind: 'logcat'; readonly preset: TokenPresetId | null };

export interface DevicePushToken {
  readonly serial: string;
  readonly package: string;
  /** The push channel (and direct sender kind) the token is for: xiaomi, huawei, fcm…; 'unknown' when not known. */
  readonly channel: string;
  /** maskDeviceToken: the first 8 characters and an ellipsis. */
  readonly masked: string;
  /** ISO time of the read. */
  readonly readAt: string;
  readonly source: DeviceTokenSource;
}

/** What `devices:pushTokens` answers. */
export interface DevicePushTokens {
  /** The phone's tokens, newest first. */
  readonly tokens: readonly DevicePushToken[];
  /** The read this request asked for: whether a line matched, and how many lines were looked at. */
  readonly read: { readonly found: boolean; readonly lines: number } | null;
  /** false: no encrypted store in this shell (or the OS offers no encryption): kept until the app quits. */
  readonly persisted: boolean;
}
