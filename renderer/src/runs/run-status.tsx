/**
 * Small labels of the run view: a run's status and one attempt's verdict chip (icon, word and
 * colour together, never colour alone).
 */
import type { RunStatus } from '../../../shared/domain/run';
import { useI18n } from '../app/i18n-context';
import type { ChipState, GridChip } from './run-grid';

const STATUS_ICON: Readonly<Record<RunStatus, string>> = { running: '●', interrupted: '⏸', completed: '✓', cancelled: '■', failed: '✕' };
const CHIP_ICON: Readonly<Record<ChipState, string>> = {
  pass: '✓',
  fail: '✕',
  blocked: '⛔',
  'device-lost': '⚡',
  inconclusive: '?',
  'not-run': '–',
  pending: '○',
  running: '●',
};

export function RunStatusBadge({ status }: { status: RunStatus }) {
  const { t } = useI18n();
  return (
    <span className={`run-status run-status--${status}`} data-run-status={status}>
      <span aria-hidden="true">{STATUS_ICON[status]}</span> {t(`runs.status.${status}`)}
    </span>
  );
}

/** The chip's words: the verdict, or "Running: <step>". */
export function useChipLabel(): (chip: Pick<GridChip, 'state' | 'step'>) => string {
  const { t } = useI18n();
  return (chip) => (chip.state === 'running' && chip.step !== null ? t('runs.verdict.runningStep', { step: t(`runs.step.${chip.step}`) }) : t(`runs.verdict.${chip.state}`));
}

export function ChipIcon({ state }: { state: ChipState }) {
  return (
    <span className="verdict-chip__icon" aria-hidden="true">
      {CHIP_ICON[state]}
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
