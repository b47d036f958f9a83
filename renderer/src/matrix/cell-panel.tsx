/**
 * The open cell: its verdict over the repeats and why (in the UI language), latency, a likely
 * vendor limit, the waiver, the change against the compared run, then one repeat's evidence, and
 * "Re-run this cell" (not on a signed, frozen run). Escape closes it (handled by the view).
 */
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { CellChange, MatrixCell, RunComparison, RunMatrix } from '../../../shared/matrix/types';
import { describeReason } from '../../../shared/runs/reasons';
import { useI18n } from '../app/i18n-context';
import { useStores } from '../app/stores-context';
import { revealInvisible } from '../doctor/visible-text';
import { chipState } from '../runs/run-grid';
import { ChipIcon, VerdictChip } from '../runs/run-status';
import { ErrorNotice } from '../shared-ui/error-notice';
import { CellAttempt } from './cell-attempt';
import { ChangeFacts } from './change-facts';
import { columnTitle, formatLatency, formatRate, phoneTitle } from './matrix-labels';

export interface CellPanelProps {
  readonly matrix: RunMatrix;
  readonly cell: MatrixCell;
  readonly change: CellChange | undefined;
  readonly comparison: RunComparison | null;
  onClose(): void;
}

function Facts({ cell }: { cell: MatrixCell }) {
  const { t, locale, number, dateTime } = useI18n();
  const judged = cell.attempts - cell.counts.pending - cell.counts['not-run'];
  return (
    <dl className="facts mx-panel__facts">
      <dt>{t('matrix.panel.repeats')}</dt>
      <dd>
        {t('matrix.panel.passedOf', {
          pass: number(cell.counts.pass),
          judged: number(judged),
          attempts: number(cell.attempts),
        })}
      </dd>
      <dt>{t('matrix.panel.latency')}</dt>
      <dd>
        {cell.latencyP95Ms === null
          ? formatLatency(locale, cell.latencyP50Ms)
          : t('matrix.cell.p50p95', {
              p50: formatLatency(locale, cell.latencyP50Ms),
              p95: formatLatency(locale, cell.latencyP95Ms),
            })}
      </dd>
      <dt>{t('matrix.panel.delivery')}</dt>
      <dd>
        {t('matrix.panel.deliveryOf', {
          rate: formatRate(locale, cell.deliveryRate),
          delivered: number(cell.delivered),
          told: number(cell.delivered + cell.notDelivered),
        })}
      </dd>
      {cell.waiver ? (
        <>
          <dt>{t('matrix.panel.waiver')}</dt>
          <dd className="mx-panel__waiver" data-waiver="true">
            <span className="break" dir="auto">
              {revealInvisible(cell.waiver.reason)}
            </span>
            <span className="muted">
              {' '}
              —{' '}
              {t('matrix.panel.waivedBy', {
                by: revealInvisible(cell.waiver.by),
                at: dateTime(cell.waiver.at),
              })}
            </span>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

export function CellPanel({ matrix, cell, change, comparison, onClose }: CellPanelProps) {
  const { t, locale } = useI18n();
  const { runs } = useStores();
  const detail = useStore(runs, (s) => (s.detail?.summary.id === matrix.runId ? s.detail : null));
  const selectedAttempt = useStore(runs, (s) => s.selectedAttemptId);
  const phone = matrix.phones.find((p) => p.serial === cell.serial);
  const column = matrix.columns.find((c) => c.scenarioId === cell.scenarioId);
  const phoneName = phone ? phoneTitle(phone) : cell.serial;
  const scenario = column ? columnTitle(column, locale) : cell.scenarioId;
  const attempts = cell.attemptIds.map((id) => detail?.attempts.find((a) => a.id === id) ?? null);
  // The repeat that decided the cell's status opens first.
  const deciding =
    attempts.find((a) => a !== null && chipState(a) === cell.status)?.id ?? cell.attemptIds[0] ?? null;
  const shown =
    selectedAttempt !== null && cell.attemptIds.includes(selectedAttempt) ? selectedAttempt : null;

  useEffect(() => {
    if (detail !== null && shown === null && deciding !== null) void runs.getState().selectAttempt(deciding);
  }, [detail, shown, deciding, runs]);

  return (
    <section
      className="mx-panel"
      aria-labelledby="mx-panel-heading"
      data-serial={cell.serial}
      data-scenario={cell.scenarioId}
      data-status={cell.status}
    >
      <header className="mx-panel__header">
        <h3 id="mx-panel-heading" className="break">
          {t('matrix.panel.title', { scenario, phone: phoneName })}
        </h3>
        <button type="button" className="button button--small" onClick={onClose} aria-keyshortcuts="Escape">
          {t('matrix.panel.close')}
        </button>
      </header>
      <div className={`attempt-verdict attempt-verdict--${cell.status}`}>
        <VerdictChip state={cell.status} label={t(`runs.verdict.${cell.status}`)} />
        {cell.reason ? (
          <p className="mx-panel__reason break" data-reason-key={cell.reason.key} dir="auto">
            {revealInvisible(describeReason(cell.reason, locale))}
          </p>
        ) : null}
      </div>
      {cell.hint ? (
        <div className="mx-panel__hint" data-hint={cell.hint.kind} role="note">
          <p className="mx-panel__hint-title">
            {t('matrix.hint.title', { kind: t(`matrix.hint.${cell.hint.kind}`) })}
          </p>
          <p>{locale === 'zh-CN' ? cell.hint.text.zhCN : cell.hint.text.en}</p>
          <p className="muted">{t('matrix.hint.rules', { rules: cell.hint.rules.join(', ') })}</p>
        </div>
      ) : null}
      <Facts cell={cell} />
      {change && comparison ? <ChangeFacts change={change} comparison={comparison} /> : null}
      {cell.attemptIds.length > 1 ? (
        <div
          className="button-row mx-panel__repeats"
          role="group"
          aria-label={t('matrix.panel.repeatsLabel')}
        >
          {cell.attemptIds.map((id, i) => {
            const attempt = attempts[i];
            const state = attempt ? chipState(attempt) : 'pending';
            return (
              <button
                key={id}
                type="button"
                className={`verdict-chip verdict-chip--${state} verdict-chip--button`}
                aria-pressed={id === shown}
                data-attempt-id={id}
                onClick={() => void runs.getState().selectAttempt(id)}
              >
                <ChipIcon state={state} />
                {t('matrix.panel.repeat', {
                  n: attempt?.repeat ?? i + 1,
                  verdict: t(`runs.verdict.${state}`),
                })}
              </button>
            );
          })}
        </div>
      ) : null}
      {detail === null ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : shown !== null ? (
        <CellAttempt key={shown} attemptId={shown} phone={phoneName} serial={cell.serial} />
      ) : null}
      <RerunButton matrix={matrix} cell={cell} known={column?.known ?? false} />
    </section>
  );
}

function RerunButton({ matrix, cell, known }: { matrix: RunMatrix; cell: MatrixCell; known: boolean }) {
  const { t } = useI18n();
  const { matrix: store, runs } = useStores();
  const rerun = useStore(store, (s) => s.rerun);
  const mine =
    rerun.status !== 'idle' &&
    rerun.target.serial === cell.serial &&
    rerun.target.scenarioId === cell.scenarioId;
  const frozen = matrix.signOff !== null;
  const why = frozen ? t('matrix.rerun.frozen') : !known ? t('matrix.rerun.unknown') : null;
  const outcome = useRef<HTMLDivElement>(null);
  const settled = mine && (rerun.status === 'started' || rerun.status === 'error');
  // The panel scrolls on its own: bring the confirmation (or the error) into view where it appears.
  useEffect(() => {
    if (settled) outcome.current?.scrollIntoView({ block: 'nearest' });
  }, [settled]);
  return (
    <div className="mx-panel__rerun" ref={outcome}>
      <button
        type="button"
        className="button"
        disabled={why !== null || rerun.status === 'starting'}
        aria-describedby={why !== null ? 'mx-rerun-why' : undefined}
        onClick={() =>
          void store
            .getState()
            .rerunCell({ serial: cell.serial, scenarioId: cell.scenarioId }, t('matrix.rerun.suffix'))
        }
      >
        {mine && rerun.status === 'starting' ? t('matrix.rerun.starting') : t('matrix.rerun.button')}
      </button>
      {why !== null ? (
        <p id="mx-rerun-why" className="muted">
          {why}
        </p>
      ) : null}
      {mine && rerun.status === 'started' ? (
        <p role="status" className="mx-panel__rerun-started">
          {t('matrix.rerun.started')}{' '}
          <button
            type="button"
            className="button button--small"
            onClick={() => void runs.getState().selectRun(rerun.runId)}
          >
            {t('matrix.rerun.open')}
          </button>
        </p>
      ) : null}
      {mine && rerun.status === 'error' ? <ErrorNotice error={rerun.error} /> : null}
    </div>
  );
}
