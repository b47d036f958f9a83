/**
 * The run-wide context every device's session carries (each platform keeps its own session, see
 * android/run and ios/run), and the step recorder every attempt uses.
 */
import type { StepName, StepStatus } from '../../../../shared/domain/run';
import type { RunPlan } from '../../../../shared/runs/plan';
import type { AppProfile } from '../../../../shared/scenarios/types';
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
