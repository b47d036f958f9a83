/**
 * Above the grid: the filters (vendor, app state, message kind, verdict) with what they hide,
 * the run to compare with, sign-off, and the HTML and CSV exports.
 */
import { useStore } from 'zustand';
import type { RunSummary } from '../../../shared/domain/run';
import type { RunMatrix } from '../../../shared/matrix/types';
import { useI18n } from '../app/i18n-context';
import { useStores } from '../app/stores-context';
import { ErrorNotice } from '../shared-ui/error-notice';
import { downloadText } from './export-file';
import { filterOptions, pickFilter, type MatrixLayout, type VerdictFilter } from './matrix-layout';

function FilterSelect<T extends string>({
  id,
  label,
  value,
  options,
  optionLabel,
  onChange,
}: {
  id: string;
  label: string;
  value: T | 'all';
  options: readonly T[];
  optionLabel(value: T): string;
  onChange(value: string): void;
}) {
  const { t } = useI18n();
  return (
    <div className="mx-filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="all">{t('matrix.filter.all')}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {optionLabel(o)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function MatrixFilters({ matrix, layout }: { matrix: RunMatrix; layout: MatrixLayout }) {
  const { t, number } = useI18n();
  const { matrix: store } = useStores();
  const filters = useStore(store, (s) => s.filters);
  const options = filterOptions(matrix);
  const actions = store.getState();
  const filtered = layout.hiddenPhones > 0 || layout.hiddenColumns > 0;
  return (
    <div className="mx-filters" role="group" aria-label={t('matrix.filter.label')}>
      <FilterSelect
        id="mx-filter-group"
        label={t('matrix.filter.group')}
        value={filters.group}
        options={options.groups}
        optionLabel={(g) => t(`vendor.${g}`)}
        onChange={(v) => actions.setFilters({ group: pickFilter(v, options.groups, 'all') })}
      />
      <FilterSelect
        id="mx-filter-state"
        label={t('matrix.filter.state')}
        value={filters.state}
        options={options.states}
        optionLabel={(s) => t(`matrix.state.${s}`)}
        onChange={(v) => actions.setFilters({ state: pickFilter(v, options.states, 'all') })}
      />
      <FilterSelect
        id="mx-filter-message"
        label={t('matrix.filter.message')}
        value={filters.message}
        options={options.messages}
        optionLabel={(m) => t(`matrix.message.${m}`)}
        onChange={(v) => actions.setFilters({ message: pickFilter(v, options.messages, 'all') })}
      />
      <FilterSelect
        id="mx-filter-verdict"
        label={t('matrix.filter.verdict')}
        value={filters.verdict}
        options={['open' as const, ...options.verdicts]}
        optionLabel={(v) => (v === 'open' ? t('matrix.filter.open') : t(`runs.verdict.${v}`))}
        onChange={(v) =>
          actions.setFilters({ verdict: pickFilter<VerdictFilter>(v, ['open', ...options.verdicts], 'all') })
        }
      />
      <p className="mx-filters__shown muted" role="status">
        {t('matrix.filter.shown', {
          phones: number(matrix.phones.length - layout.hiddenPhones),
          allPhones: number(matrix.phones.length),
          columns: number(layout.columns.length),
          allColumns: number(matrix.columns.length),
        })}
      </p>
      {filtered ? (
        <button type="button" className="button button--small" onClick={actions.clearFilters}>
          {t('matrix.filter.clear')}
        </button>
      ) : null}
    </div>
  );
}

export function MatrixActions({
  matrix,
  candidates,
  onSignOff,
}: {
  matrix: RunMatrix;
  candidates: readonly RunSummary[];
  onSignOff(): void;
}) {
  const { t, locale, dateTime } = useI18n();
  const { matrix: store } = useStores();
  const compareWith = useStore(store, (s) => s.compareWith);
  const comparing = useStore(store, (s) => s.comparing);
  const compareError = useStore(store, (s) => s.compareError);
  const exporting = useStore(store, (s) => s.exporting);
  const exportError = useStore(store, (s) => s.exportError);
  const actions = store.getState();
  const exportAs = async (kind: 'html' | 'csv') => {
    const file = await actions.exportReport(kind, locale);
    if (file) downloadText(file.fileName, file.text, file.mime);
  };

  return (
    <div className="mx-actions">
      <div className="mx-filter">
        <label htmlFor="mx-compare">{t('matrix.compare.label')}</label>
        <select
          id="mx-compare"
          value={compareWith ?? ''}
          aria-busy={comparing}
          onChange={(e) => void actions.compare(e.currentTarget.value === '' ? null : e.currentTarget.value)}
        >
          <option value="">{t('matrix.compare.noneChosen')}</option>
          {candidates.map((run) => (
            <option key={run.id} value={run.id}>
              {t(
                Date.parse(run.createdAt) > Date.parse(matrix.createdAt)
                  ? 'matrix.compare.optionLater'
                  : 'matrix.compare.optionOlder',
                { plan: run.planName, time: dateTime(run.createdAt) },
              )}
            </option>
          ))}
        </select>
      </div>
      <div className="button-row mx-actions__buttons">
        {matrix.signOff === null ? (
          <button
            type="button"
            className="button button--primary"
            disabled={matrix.status !== 'completed'}
            title={matrix.status !== 'completed' ? t('matrix.signOff.notSettled') : undefined}
            onClick={onSignOff}
          >
            {t('matrix.signOff.open')}
          </button>
        ) : null}
        <button
          type="button"
          className="button"
          disabled={exporting !== null}
          onClick={() => void exportAs('html')}
        >
          {exporting === 'html' ? t('matrix.export.working') : t('matrix.export.html')}
        </button>
        <button
          type="button"
          className="button"
          disabled={exporting !== null}
          onClick={() => void exportAs('csv')}
        >
          {exporting === 'csv' ? t('matrix.export.working') : t('matrix.export.csv')}
        </button>
      </div>
      <p className="mx-actions__hint muted">{t('matrix.export.printHint')}</p>
      {compareError ? <ErrorNotice error={compareError} /> : null}
      {exportError ? <ErrorNotice error={exportError} /> : null}
    </div>
  );
}
