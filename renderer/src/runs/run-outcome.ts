/**
 * What a run's status badge says: a finished run is only a plain (green) "Completed" when no phone
 * was lost and no cell was blocked. Pure: tested without React.
 */
import type { RunStatus } from '../../../shared/domain/run';
import type { IconName } from '../shared-ui/status-icon';

export type RunOutcome = RunStatus | 'completed-lost' | 'completed-blocked';

/** Lost phones and blocked attempts (or cells) of the run; either count may be absent. */
export interface OutcomeCounts {
  readonly 'device-lost'?: number;
  readonly blocked?: number;
}

export function runOutcome(status: RunStatus, counts: OutcomeCounts | null): RunOutcome {
  if (status !== 'completed' || counts === null) return status;
  if ((counts['device-lost'] ?? 0) > 0) return 'completed-lost';
  if ((counts.blocked ?? 0) > 0) return 'completed-blocked';
  return 'completed';
}

export const OUTCOME_ICON: Readonly<Record<RunOutcome, IconName>> = {
  running: 'running',
  interrupted: 'interrupted',
  completed: 'pass',
  'completed-lost': 'warning',
  'completed-blocked': 'warning',
  cancelled: 'cancelled',
  failed: 'fail',
};
