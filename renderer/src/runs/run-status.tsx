/**
 * Small labels of the run view: a run's status and one attempt's verdict chip (icon, word and
 * colour together, never colour alone).
 */
import type { RunStatus } from '../../../shared/domain/run';
import { useI18n } from '../app/i18n-context';
import { StatusIcon } from '../shared-ui/status-icon';
import type { ChipState, GridChip } from './run-grid';
import { OUTCOME_ICON, runOutcome, type OutcomeCounts } from './run-outcome';

/** The run's status; a completed run with lost phones or blocked cells says so (not plain green). */
export function RunStatusBadge({
  status,
  counts = null,
}: {
  status: RunStatus;
  counts?: OutcomeCounts | null;
}) {
  const { t } = useI18n();
  const outcome = runOutcome(status, counts);
  return (
    <span className={`run-status run-status--${outcome}`} data-run-status={status} data-run-outcome={outcome}>
      <StatusIcon name={OUTCOME_ICON[outcome]} /> {t(`runs.status.${outcome}`)}
    </span>
  );
}

/** The chip's words: the verdict, or "Running: <step>". */
export function useChipLabel(): (chip: Pick<GridChip, 'state' | 'step'>) => string {
  const { t } = useI18n();
  return (chip) =>
    chip.state === 'running' && chip.step !== null
      ? t('runs.verdict.runningStep', { step: t(`runs.step.${chip.step}`) })
      : t(`runs.verdict.${chip.state}`);
}

export function ChipIcon({ state }: { state: ChipState }) {
  return (
    <span className="verdict-chip__icon" aria-hidden="true">
      <StatusIcon name={state} />
    </span>
  );
}

/** A verdict as a non-interactive chip (the totals line, the attempt header). */
export function VerdictChip({ state, label, count }: { state: ChipState; label: string; count?: string }) {
  return (
    <span className={`verdict-chip verdict-chip--${state}`} data-verdict={state}>
      <ChipIcon state={state} />
      {label}
      {count === undefined ? null : <strong className="verdict-chip__count">{count}</strong>}
    </span>
  );
}
