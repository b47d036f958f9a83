/**
 * The Matrix view: the open run (the same run the Runs view has open) as the per-vendor sign-off
 * matrix, with its sign-off, filters, comparison, exports, the open cell's evidence beside the
 * grid, and the latency and delivery charts below. Escape closes the open cell.
 */
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import type { RunMatrix } from '../../../shared/matrix/types';
import { useI18n } from '../app/i18n-context';
import { useStores } from '../app/stores-context';
import { revealInvisible } from '../doctor/visible-text';
import { RunStatusBadge } from '../runs/run-status';
import { ErrorNotice } from '../shared-ui/error-notice';
import { CellPanel } from './cell-panel';
import { samePlanHistory } from './chart-scales';
import { changesByCell, compareCandidates } from './compare-marks';
import { CompareList } from './compare-list';
import { DeliveryChart } from './delivery-chart';
import { LatencyChart } from './latency-chart';
import { MatrixGrid } from './matrix-grid';
import { cellKey, formatRate } from './matrix-labels';
import { layoutMatrix } from './matrix-layout';
import { MatrixActions, MatrixFilters } from './matrix-toolbar';
import { SignOffDialog } from './sign-off-dialog';
import './matrix.css';
import './matrix-grid.css';
import './matrix-sections.css';

function SignOffState({ matrix }: { matrix: RunMatrix }) {
  const { t, dateTime, number } = useI18n();
  const signOff = matrix.signOff;
  if (!signOff) return <p className="mx-signed mx-signed--open muted">{t('matrix.signOff.notYet')}</p>;
  return (
    <div className="mx-signed" role="status" data-signed-by={signOff.by}>
      <p className="mx-signed__title">
        <span aria-hidden="true">✓ </span>
        {t('matrix.signOff.signed', { by: revealInvisible(signOff.by), at: dateTime(signOff.at) })}
      </p>
      {signOff.note ? (
        <p className="mx-signed__note break" dir="auto">
          {revealInvisible(signOff.note)}
        </p>
      ) : null}
      <p className="muted">{t('matrix.signOff.frozen', { count: number(signOff.waivers.length) })}</p>
    </div>
  );
}

function Totals({ matrix }: { matrix: RunMatrix }) {
  const { t, locale, number } = useI18n();
  const total = matrix.total;
  return (
    <p className="mx-totals" role="group" aria-label={t('matrix.totals.label')}>
      <span>{t('matrix.totals.cells', { count: number(total.cells) })}</span>
      <span data-total="pass-rate">
        {t('matrix.rollup.pass', { rate: formatRate(locale, total.passRate) })}
      </span>
      <span data-total="delivery-rate">
        {t('matrix.rollup.delivery', { rate: formatRate(locale, total.deliveryRate) })}
      </span>
      {total.silentAsRequired > 0 ? (
        <span data-total="silent">
          {t('matrix.rollup.silent', { count: number(total.silentAsRequired) })}
        </span>
      ) : null}
      {total.waived > 0 ? <span>{t('matrix.band.waived', { count: number(total.waived) })}</span> : null}
      {total.hinted > 0 ? <span>{t('matrix.band.hinted', { count: number(total.hinted) })}</span> : null}
    </p>
  );
}

export function MatrixView() {
  const { t, dateTime } = useI18n();
  const { runs, matrix: store, nav } = useStores();
  const visible = useStore(nav, (s) => s.view === 'matrix');
  const runList = useStore(runs, (s) => s.runs);
  const selectedRunId = useStore(runs, (s) => s.selectedRunId);
  const detail = useStore(runs, (s) => s.detail);
  const matrix = useStore(store, (s) => s.matrix);
  const error = useStore(store, (s) => s.error);
  const filters = useStore(store, (s) => s.filters);
  const openCell = useStore(store, (s) => s.openCell);
  const comparison = useStore(store, (s) => s.comparison);
  const compareWith = useStore(store, (s) => s.compareWith);
  const history = useStore(store, (s) => s.history);
  const [signing, setSigning] = useState(false);

  const newest = runList[0]?.id ?? null;
  useEffect(() => {
    // No run open yet: show the newest one.
    if (visible && selectedRunId === null && newest !== null) void runs.getState().selectRun(newest);
  }, [visible, selectedRunId, newest, runs]);

  useEffect(() => {
    // Showing the view again re-reads the run (a sign-off or a finished run elsewhere).
    if (visible) void store.getState().load(selectedRunId);
  }, [visible, selectedRunId, store]);

  const layout = useMemo(() => (matrix ? layoutMatrix(matrix, filters) : null), [matrix, filters]);
  const changes = useMemo(() => changesByCell(comparison), [comparison]);
  const current = runList.find((r) => r.id === matrix?.runId) ?? null;
  const planRuns = useMemo(() => (current ? samePlanHistory(runList, current) : []), [runList, current]);
  const candidates = useMemo(() => (current ? compareCandidates(runList, current) : []), [runList, current]);

  useEffect(() => {
    if (visible && planRuns.length > 0) void store.getState().loadHistory(planRuns.map((r) => r.id));
  }, [visible, planRuns, store]);

  // The charts read every cell: draw them a frame after the grid, so the grid is usable first.
  const [chartsFor, setChartsFor] = useState<string | null>(null);
  useEffect(() => {
    if (!matrix) return undefined;
    const frame = requestAnimationFrame(() => setChartsFor(matrix.runId));
    return () => cancelAnimationFrame(frame);
  }, [matrix]);

  const close = () => {
    store.getState().selectCell(null);
    document.querySelector<HTMLElement>('.mx-grid [role="gridcell"][tabindex="0"]')?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && openCell && !signing) {
      event.preventDefault();
      close();
    }
  };

  const cell =
    matrix && openCell
      ? matrix.cells.find((c) => c.serial === openCell.serial && c.scenarioId === openCell.scenarioId)
      : undefined;
  const other = runList.find((r) => r.id === compareWith);

  return (
    <div className="mx" onKeyDown={onKeyDown}>
      <header className="section-header">
        <h2>{t('matrix.title')}</h2>
        <p className="section-header__meta">{t('matrix.intro')}</p>
      </header>
      <div className="mx-run">
        <div className="mx-filter">
          <label htmlFor="mx-run">{t('matrix.run.label')}</label>
          <select
            id="mx-run"
            value={selectedRunId ?? ''}
            onChange={(e) => void runs.getState().selectRun(e.currentTarget.value || null)}
          >
            {selectedRunId === null ? <option value="">{t('matrix.run.none')}</option> : null}
            {runList.map((run) => (
              <option key={run.id} value={run.id}>
                {t('matrix.compare.option', { plan: run.planName, time: dateTime(run.createdAt) })}
              </option>
            ))}
          </select>
        </div>
        {matrix ? (
          <div className="mx-run__meta" data-run-id={matrix.runId} data-status={matrix.status}>
            <h3 className="break" dir="auto">
              {revealInvisible(matrix.planName)}
            </h3>
            <RunStatusBadge status={matrix.status} counts={matrix.total.counts} />
            <p className="muted">
              {t('runs.detail.started', { time: dateTime(matrix.createdAt) })}
              {matrix.package ? ` · ${matrix.package}` : null}
            </p>
          </div>
        ) : null}
      </div>
      {runList.length === 0 ? <p className="muted">{t('matrix.run.empty')}</p> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {matrix && layout ? (
        <>
          <SignOffState matrix={matrix} />
          <Totals matrix={matrix} />
          <MatrixFilters matrix={matrix} layout={layout} />
          <MatrixActions matrix={matrix} candidates={candidates} onSignOff={() => setSigning(true)} />
          <div className={`mx-body${cell ? ' mx-body--open' : ''}`}>
            {layout.rows.length === 0 || layout.columns.length === 0 ? (
              <p className="mx-empty muted">
                {matrix.cells.length === 0 ? t('matrix.grid.empty') : t('matrix.grid.filteredOut')}
              </p>
            ) : (
              <MatrixGrid
                layout={layout}
                changes={changes}
                byColumn={matrix.byColumn}
                open={openCell}
                onOpen={(target) => store.getState().selectCell(target)}
              />
            )}
            {cell ? (
              <CellPanel
                key={cellKey(cell.serial, cell.scenarioId)}
                matrix={matrix}
                cell={cell}
                change={changes.get(cellKey(cell.serial, cell.scenarioId))}
                comparison={comparison}
                onClose={close}
              />
            ) : null}
          </div>
          {chartsFor === matrix.runId ? (
            <div className="mx-charts">
              <LatencyChart
                matrix={matrix}
                attempts={detail?.summary.id === matrix.runId ? detail.attempts : []}
              />
              <DeliveryChart runs={planRuns} history={history} currentId={matrix.runId} />
            </div>
          ) : null}
          {comparison ? (
            <CompareList
              matrix={matrix}
              comparison={comparison}
              otherName={
                other
                  ? t('matrix.compare.option', { plan: other.planName, time: dateTime(other.createdAt) })
                  : comparison.before
              }
              onOpen={(target) => store.getState().selectCell(target)}
            />
          ) : null}
          {signing ? <SignOffDialog matrix={matrix} onClose={() => setSigning(false)} /> : null}
        </>
      ) : selectedRunId !== null && !error ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : null}
    </div>
  );
}
