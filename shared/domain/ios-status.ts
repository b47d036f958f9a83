/**
 * The one line that says where iOS simulators stand (the device board and `pushlab devices`):
 * which message and with what values, so both shells word it the same way.
 */
import type { IosStatus } from './device';

export type IosStatusKey =
  | 'ios.available.one'
  | 'ios.available.other'
  | 'ios.unavailable.not-macos'
  | 'ios.unavailable.no-xcrun'
  | 'ios.unavailable.no-simctl'
  | 'ios.unavailable.list-failed';

export interface IosStatusMessage {
  readonly key: IosStatusKey;
  readonly values: Readonly<Record<string, string | number>>;
}

/** `booted` is how many simulators the board lists (booted ones are devices). */
export function iosStatusMessage(status: IosStatus, booted: number): IosStatusMessage {
  if (status.available)
    return {
      key: booted === 1 ? 'ios.available.one' : 'ios.available.other',
      values: { booted, shutdown: status.shutdown },
    };
  switch (status.reason) {
    case 'no-xcrun':
      return { key: 'ios.unavailable.no-xcrun', values: {} };
    case 'no-simctl':
      return { key: 'ios.unavailable.no-simctl', values: {} };
    case 'list-failed':
      return {
        key: 'ios.unavailable.list-failed',
        values: { detail: (status.detail ?? 'unknown error').slice(0, 300) },
      };
    case 'not-macos':
    case null:
      return { key: 'ios.unavailable.not-macos', values: {} };
  }
}
