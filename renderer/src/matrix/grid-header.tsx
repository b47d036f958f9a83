/**
 * The grid's sticky header: app states, message kinds, scenarios and each column's roll-up (pass
 * rate, delivery rate), drawn only where columns are on screen. The first cell of each header row
 * names the row, and stays put while the columns scroll.
 */
import type { HeaderGroup } from '@tanstack/react-table';
import type { VirtualItem } from '@tanstack/react-virtual';
import type { Rollup } from '../../../shared/matrix/types';
import { useI18n } from '../app/i18n-context';
import { GEOMETRY, type HeaderMeta } from './grid-columns';
import type { GridRow } from './matrix-layout';
import { columnTitle, formatRate } from './matrix-labels';

export interface GridHeaderProps {
  readonly headerGroups: readonly HeaderGroup<GridRow>[];
  readonly virtualColumns: readonly VirtualItem[];
  readonly width: number;
  readonly byColumn: Readonly<Record<string, Rollup>>;
}

const CORNER_KEYS = [
  'matrix.grid.stateRow',
  'matrix.grid.messageRow',
  'matrix.grid.phone',
  'matrix.grid.rollupRow',
] as const;

export function GridHeader({ headerGroups, virtualColumns, width, byColumn }: GridHeaderProps) {
  const { t, locale } = useI18n();
  const first = virtualColumns[0];
  const last = virtualColumns[virtualColumns.length - 1];
  const visibleFrom = (first?.start ?? 0) - GEOMETRY.rowHeaderWidth;
  const visibleTo = (last?.end ?? 0) - GEOMETRY.rowHeaderWidth;
  const levels = headerGroups.slice(-3);
  const leaves = levels[2]?.headers ?? [];

  return (
    <div className="mx-head" role="rowgroup" style={{ width }}>
      {levels.slice(0, 2).map((group, level) => (
        <div
          key={group.id}
          role="row"
          className={`mx-head__row mx-head__row--${level === 0 ? 'state' : 'message'}`}
          aria-rowindex={level + 1}
          style={{ height: GEOMETRY.headerRows[level] }}
        >
          <div role="columnheader" className="mx-head__corner" aria-colindex={1}>
            {t(CORNER_KEYS[level] ?? 'matrix.grid.phone')}
          </div>
          {group.headers
            .filter((h) => h.getStart() + h.getSize() > visibleFrom && h.getStart() < visibleTo)
            .map((header) => {
              const meta = header.column.columnDef.meta as HeaderMeta | undefined;
              const label =
                meta?.level === 'state'
                  ? t(`matrix.state.${meta.state}`)
                  : meta?.level === 'message'
                    ? t(`matrix.message.${meta.message}`)
                    : '';
              return (
                <div
                  key={header.id}
                  role="columnheader"
                  className="mx-head__group"
                  aria-colindex={Math.round(header.getStart() / GEOMETRY.columnWidth) + 2}
                  aria-colspan={header.colSpan}
                  data-state={meta?.level === 'message' || meta?.level === 'state' ? meta.state : undefined}
                  style={{ left: GEOMETRY.rowHeaderWidth + header.getStart(), width: header.getSize() }}
                >
                  <span className="mx-head__label clamp" title={label}>
                    {label}
                  </span>
                </div>
              );
            })}
        </div>
      ))}
      <div
        role="row"
        className="mx-head__row mx-head__row--scenario"
        aria-rowindex={3}
        style={{ height: GEOMETRY.headerRows[2] }}
      >
        <div role="columnheader" className="mx-head__corner" aria-colindex={1}>
          {t('matrix.grid.phone')}
        </div>
        {virtualColumns.map((vc) => {
          const meta = leaves[vc.index]?.column.columnDef.meta as HeaderMeta | undefined;
          if (meta?.level !== 'scenario') return null;
          const title = columnTitle(meta.column, locale);
          return (
            <div
              key={meta.column.scenarioId}
              role="columnheader"
              className="mx-head__scenario"
              aria-colindex={vc.index + 2}
              data-scenario={meta.column.scenarioId}
              title={`${title}\n${meta.column.scenarioId}`}
              style={{ left: vc.start, width: vc.size }}
            >
              <span className="mx-head__title">{title}</span>
            </div>
          );
        })}
      </div>
      <div
        role="row"
        className="mx-head__row mx-head__row--rollup"
        aria-rowindex={4}
        style={{ height: GEOMETRY.headerRows[3] }}
      >
        <div role="rowheader" className="mx-head__corner" aria-colindex={1}>
          {t('matrix.grid.rollupRow')}
        </div>
        {virtualColumns.map((vc) => {
          const meta = leaves[vc.index]?.column.columnDef.meta as HeaderMeta | undefined;
          if (meta?.level !== 'scenario') return null;
          const rollup = byColumn[meta.column.scenarioId];
          return (
            <div
              key={meta.column.scenarioId}
              role="gridcell"
              className="mx-head__rollup"
              aria-colindex={vc.index + 2}
              data-scenario={meta.column.scenarioId}
              style={{ left: vc.start, width: vc.size }}
            >
              <span>{t('matrix.rollup.pass', { rate: formatRate(locale, rollup?.passRate ?? null) })}</span>
              <span>
                {t('matrix.rollup.delivery', { rate: formatRate(locale, rollup?.deliveryRate ?? null) })}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
