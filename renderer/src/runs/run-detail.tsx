/**
 * One run, live: its name and status, the totals, and the phone × scenario grid with one chip per
 * repeat. A chip opens that attempt below the grid.
 */
import { useStore } from 'zustand';
import type { RunDetail } from '../../../shared/domain/run';
import { useI18n } from '../app/i18n-context';
import { useStores } from '../app/stores-context';
import { ErrorNotice } from '../shared-ui/error-notice';
import { AttemptPanel } from './attempt-panel';
import { scenarioTitle } from './attempt-steps';
import { buildGrid, phoneLabel, progressOf, totalEntries } from './run-grid';
import { ChipIcon, RunStatusBadge, useChipLabel, VerdictChip } from './run-status';

function Totals({ detail }: { detail: RunDetail }) {
  const { t, number } = useI18n();
  const label = useChipLabel();
  const { total } = progressOf(detail.summary.totals);
  return (
    <div className="run-totals" role="group" aria-label={t('runs.totals.label')}>
      <span className="run-totals__all">{t('runs.totals.all', { count: number(total) })}</span>
      {totalEntries(detail.summary.totals).map((entry) => (
        <VerdictChip
          key={entry.state}
          state={entry.state}
          label={label({ state: entry.state, step: null })}
          count={number(entry.count)}
        />
      ))}
    </div>
  );
}

function Grid({ detail }: { detail: RunDetail }) {
  const { t, locale } = useI18n();
  const { runs } = useStores();
  const selectedAttempt = useStore(runs, (s) => s.selectedAttemptId);
  const selectAttempt = useStore(runs, (s) => s.selectAttempt);
  const label = useChipLabel();
  const grid = buildGrid(detail);
  const showRepeat = detail.summary.repeats > 1;

  return (
    <div className="run-grid__scroll">
      <table className="run-grid" aria-label={t('runs.grid.label')}>
        <thead>
          <tr>
            <th scope="col">{t('runs.grid.phone')}</th>
            {grid.columns.map((id) => (
              <th key={id} scope="col" data-scenario={id} title={id}>
                {scenarioTitle(id, locale)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row) => {
            const phone = phoneLabel(row.phone, row.serial);
            return (
              <tr key={row.serial} data-serial={row.serial}>
                <th scope="row">
                  <span className="run-grid__phone break">{phone}</span>
                  <span className="run-grid__serial muted break">{row.serial}</span>
                </th>
                {row.cells.map((chips, i) => {
                  const scenarioId = grid.columns[i] ?? '';
                  return (
                    <td key={scenarioId} data-scenario={scenarioId}>
                      <div className="run-grid__chips">
                        {chips.map((chip) => {
                          const words = label(chip);
                          return (
                            <button
                              key={chip.attemptId}
                              type="button"
                              className={`verdict-chip verdict-chip--${chip.state} verdict-chip--button`}
                              data-verdict={chip.state}
                              data-attempt-id={chip.attemptId}
                              data-step={chip.step ?? undefined}
                              aria-pressed={chip.attemptId === selectedAttempt}
                              aria-label={t('runs.grid.chip', {
                                phone,
                                scenario: scenarioTitle(scenarioId, locale),
                                n: chip.repeat,
                                verdict: words,
                              })}
                              title={showRepeat ? t('runs.grid.repeat', { n: chip.repeat }) : undefined}
                              onClick={() => void selectAttempt(chip.attemptId)}
                            >
                              <ChipIcon state={chip.state} />
                              {words}
                              {showRepeat ? (
                                <span className="verdict-chip__repeat">#{chip.repeat}</span>
                              ) : null}
                            </button>
                          );
                        })}
                      </div>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function RunDetailView() {
  const { t, dateTime } = useI18n();
  const { runs } = useStores();
  const selectedRunId = useStore(runs, (s) => s.selectedRunId);
  const detail = useStore(runs, (s) => s.detail);
  const detailError = useStore(runs, (s) => s.detailError);
  const selectedAttempt = useStore(runs, (s) => s.selectedAttemptId);

  if (selectedRunId === null) {
    return (
      <div className="run-detail run-detail--empty">
        <p className="muted">{t('runs.detail.none')}</p>
      </div>
    );
  }
  if (detailError) return <ErrorNotice error={detailError} />;
  if (!detail) {
    return (
      <p className="run-detail muted" role="status">
        {t('common.loading')}
      </p>
    );
  }
  const { summary } = detail;
  return (
    <section
      className="run-detail"
      data-run-id={summary.id}
      data-status={summary.status}
      aria-labelledby="run-detail-heading"
    >
      <header className="run-detail__header">
        <h3 id="run-detail-heading" className="break">
          {summary.planName}
        </h3>
        <RunStatusBadge status={summary.status} counts={summary.totals} />
        <p className="muted">
          {t('runs.detail.started', { time: dateTime(summary.createdAt) })}
          {summary.finishedAt
            ? ` · ${t('runs.detail.finished', { time: dateTime(summary.finishedAt) })}`
            : null}
        </p>
      </header>
      {summary.error ? <ErrorNotice error={summary.error} role="status" /> : null}
      <Totals detail={detail} />
      <Grid detail={detail} />
      {selectedAttempt !== null ? (
        <AttemptPanel key={selectedAttempt} detail={detail} attemptId={selectedAttempt} />
      ) : null}
    </section>
  );
}
