/**
 * One phone's share of one run: what every attempt on that phone needs, prepared once (build
 * installed, account logged in, clock offset measured, doctor snapshot taken), plus the run-wide
 * context. Attempts on a phone run one at a time, so a session is never used concurrently.
 */
import type { StepName, StepStatus } from '../../../../shared/domain/run';
import type { RunPlan } from '../../../../shared/runs/plan';
import type { PlanAccount } from '../../../../shared/runs/plan';
import type { RunPhone } from '../../../../shared/runs/types';
import type { AppProfile, PhoneContext } from '../../../../shared/scenarios/types';
import type { AdbDeviceIo } from '../../adb/device-io';
import type { ClockOffset } from '../../android/capture/clock-offset';
import type { OperatorPort, Sender } from '../../push/sender-types';
import type { RunEngineDeps } from './ports';

export interface RunContext {
  readonly runId: string;
  readonly plan: RunPlan;
  readonly profile: AppProfile;
  readonly sender: Sender;
  /** diagnose mode: the vendor path's direct sender per push channel (kind = channel); empty otherwise. */
  readonly vendorSenders: ReadonlyMap<string, Sender>;
  readonly operator: OperatorPort;
  readonly signal: AbortSignal;
  readonly deps: RunEngineDeps;
  /** Tells listeners the run changed (an attempt's step or verdict). */
  readonly changed: (attemptId: number | null) => void;
}

export interface PhoneSession {
  readonly run: RunContext;
  readonly phone: RunPhone;
  readonly io: AdbDeviceIo;
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

/** Records a step as it starts and ends; the attempt's `step` column always says where it is. */
export async function step<T>(
  session: { readonly run: RunContext },
  attemptId: number,
  name: StepName,
  body: () => Promise<T>,
  describe: (value: T) => string | null = () => null,
): Promise<T> {
  const { repo, clock } = session.run.deps;
  const record = (status: StepStatus, detail: string | null): void => {
    repo.recordStep(attemptId, { name, status, at: clock.now(), detail });
    session.run.changed(attemptId);
  };
  record('started', null);
  try {
    const value = await body();
    record('ok', describe(value));
    return value;
  } catch (error) {
    record('failed', error instanceof Error ? error.message : String(error));
    throw error;
  }
}
