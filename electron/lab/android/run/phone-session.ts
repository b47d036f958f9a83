/**
 * One phone's share of one run: what every attempt on that phone needs, prepared once (build
 * installed, account logged in, clock offset measured, doctor snapshot taken), plus the run-wide
 * context. Attempts on a phone run one at a time, so a session is never used concurrently.
 */
import type { PlanAccount } from '../../../../shared/runs/plan';
import type { RunPhone } from '../../../../shared/runs/types';
import type { PhoneContext } from '../../../../shared/scenarios/types';
import type { AdbDeviceIo } from '../../adb/device-io';
import type { RunContext } from '../../runs/engine/session';
import type { ClockOffset } from '../capture/clock-offset';
import type { EvidencePort, TapPort } from './adb-ports';
import type { PushTokenBook } from '../../secrets/push-token-book';

export interface PhoneSession {
  readonly run: RunContext;
  readonly phone: RunPhone;
  readonly io: AdbDeviceIo;
  /** Shade screenshot and logcat slice, tap-to-redirect, the token book; absent: not kept / not checked. */
  readonly ports: {
    readonly evidence?: EvidencePort;
    readonly tap?: TapPort;
    readonly tokens?: PushTokenBook;
  };
  readonly account: PlanAccount | null;
  /** The phone's push token for direct senders: app.tokens.serials, else read from logcat at prepare. */
  token: string | null;
  context: PhoneContext;
  offset: ClockOffset;
  /** Host time the offset was last measured (or tried); null = never. */
  offsetAt: number | null;
  /** Doctor snapshot taken at prepare, kept as evidence on every attempt. */
  doctor: {
    readonly id: number | null;
    readonly takenAt: string;
    readonly failing: readonly string[];
  } | null;
  /** A push that must show did show on this phone in this run (the positive control for "not shown"). */
  controlShown: boolean | null;
  /** A dedicated control push was already tried on this phone in this run (it is not retried). */
  controlTried: boolean;
  /** The last account action, to tell logged-out from kicked when the backend says "offline". */
  lastAccountAction: 'login' | 'logout' | 'kick' | null;
  /** The previous attempt left notifications of the app behind (cleared before the next). */
  dirty: boolean;
  lost: boolean;
}
