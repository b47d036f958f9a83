/** Contract between the run engine and the app-state drivers. */
import type { AppState, TargetChannel } from '../../../../shared/scenarios/types';
import type { ErrorInfo } from '../../../../shared/errors';
import type { Clock } from '../../util/clock';

/** The Tencent IM account as the run engine sees it. */
export type AccountStatus = 'logged-in' | 'logged-out' | 'kicked' | 'unknown';

/**
 * Account actions the run engine provides (REST calls, the app's test hooks, or an operator
 * prompt). `status` is what proves logged-out / kicked; without it those states stay unverified.
 */
export interface AccountActions {
  login(): Promise<void>;
  logout(): Promise<void>;
  /** Logs the same user in elsewhere, so the phone is forced offline. */
  kick(): Promise<void>;
  status?(): Promise<AccountStatus>;
}

export interface StateContext {
  /** The app under test. */
  readonly package: string;
  readonly clock: Clock;
  /** Android API level; null when unknown. */
  readonly sdk: number | null;
  readonly channel: TargetChannel;
  readonly accountActions?: AccountActions;
  /** How long a reboot may take before we give up (default 180 s). */
  readonly rebootTimeoutMs?: number;
  /** Pause between polls while waiting for a reboot (default 2 s). */
  readonly pollIntervalMs?: number;
  /** Waits; injectable so tests need no real time. Default setTimeout. */
  readonly wait?: (ms: number) => Promise<void>;
}

/** One read-back fact: what we expected, what the phone said. */
export interface StateCheck {
  readonly check: string;
  readonly expected: string;
  readonly actual: string;
  readonly ok: boolean;
}

export interface StateReport {
  readonly state: AppState;
  /** true only when every check proved the state; false = the cell is 'blocked'. */
  readonly ok: boolean;
  /** Why the state could not be reached or proven (null when ok). */
  readonly reason: string | null;
  /** What was done, in order: adb shell commands and account actions. */
  readonly steps: readonly string[];
  readonly checks: readonly StateCheck[];
  /** The error that stopped it, when one did. */
  readonly error: ErrorInfo | null;
  readonly at: string;
}
