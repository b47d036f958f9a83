/**
 * The sign-off matrix as an ARIA grid: vendor bands and phone rows down, app state -> message ->
 * scenario across, with the column roll-ups in the sticky header and the phone names in a sticky
 * first column. Rows and columns are both virtualised (TanStack Table for the header structure,
 * TanStack Virtual for what is drawn), so 50 phones x 100 scenarios scrolls smoothly. One cell
 * holds the focus (roving tabindex); arrows move it and Enter opens the cell.
 */
import { getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { CellChange } from '../../../shared/matrix/types';
import { useI18n } from '../app/i18n-context';
import { columnDefs, GEOMETRY, HEADER_HEIGHT, rowHeight } from './grid-columns';
import { GridHeader } from './grid-header';
import { cellKey, columnTitle, phoneTitle } from './matrix-labels';
import { GroupBand, PhoneHeader } from './grid-rows';
import { clampFocus, keyAction, type GridFocus, type GridShape } from './matrix-keyboard';
import { MatrixCellContent, useCellLabel } from './matrix-cell';
import type { MatrixLayout } from './matrix-layout';
import type { RerunTarget } from './rerun-plan';

export interface MatrixGridProps {
  readonly layout: MatrixLayout;
  readonly changes: ReadonlyMap<string, CellChange>;
  readonly byColumn: Parameters<typeof GridHeader>[0]['byColumn'];
  readonly open: RerunTarget | null;
  onOpen(target: RerunTarget): void;
}

/** Always keep `index` rendered (the focused cell must stay in the DOM while it scrolls away). */
function keeping(index: number | null): (range: Range) => number[] {
  return (range) => {
    const indexes = defaultRangeExtractor(range);
    if (index !== null && index < range.count && !indexes.includes(index)) indexes.push(index);
    return indexes.sort((a, b) => a - b);
  };
}

export function MatrixGrid({ layout, changes, byColumn, open, onOpen }: MatrixGridProps) {
  const { t, locale } = useI18n();
  const cellLabel = useCellLabel();
  const scroller = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState<GridFocus | null>(null);
  const pendingFocus = useRef<GridFocus | null>(null);
  const { rows, columns } = layout;

  const defs = useMemo(() => columnDefs(columns), [columns]);
  const table = useReactTable({ data: rows as GridRow[], columns: defs, getCoreRowModel: getCoreRowModel() });
  const shape: GridShape = useMemo(
    () => ({ focusable: rows.map((r) => r.kind === 'phone'), columns: columns.length, page: 8 }),
    [rows, columns.length],
  );
  const current = clampFocus(focus, shape);

  const rowVirtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => rowHeight(rows[i]),
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    overscan: 6,
    rangeExtractor: useMemo(() => keeping(current?.row ?? null), [current?.row]),
  });
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => GEOMETRY.columnWidth,
    paddingStart: GEOMETRY.rowHeaderWidth,
    scrollPaddingStart: GEOMETRY.rowHeaderWidth,
    overscan: 3,
    rangeExtractor: useMemo(() => keeping(current?.col ?? null), [current?.col]),
  });
  // Row heights differ by kind: re-measure when the rows change (filters).
  useEffect(() => rowVirtualizer.measure(), [rows, rowVirtualizer]);

  // A keyboard move is pending until its own cell is drawn and holds the focus. The target lives in
  // the ref, not in this render's state: an effect of an earlier render (the virtualiser re-renders
  // while it scrolls) may run after the key press and must not focus the old cell.
  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    const cell = scroller.current?.querySelector<HTMLElement>(
      `[data-row="${target.row}"][data-col="${target.col}"]`,
    );
    if (!cell) return;
    cell.focus({ preventScroll: true });
    if (document.activeElement === cell) pendingFocus.current = null;
  });

  const moveTo = (next: GridFocus) => {
    setFocus(next);
    pendingFocus.current = next;
    rowVirtualizer.scrollToIndex(next.row, { align: 'auto' });
    columnVirtualizer.scrollToIndex(next.col, { align: 'auto' });
  };

  const targetAt = (position: GridFocus): RerunTarget | null => {
    const row = rows[position.row];
    const column = columns[position.col];
    return row?.kind === 'phone' && column
      ? { serial: row.phone.serial, scenarioId: column.scenarioId }
      : null;
  };

  // Roving focus follows a cell focused any other way (a click, a script, a screen reader), so the
  // virtualiser keeps that cell drawn and it never drops the focus to the page while scrolling.
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const cell = event.target;
    if (!(cell instanceof HTMLElement) || cell.getAttribute('role') !== 'gridcell') return;
    const row = Number(cell.dataset.row);
    const col = Number(cell.dataset.col);
    if (!Number.isInteger(row) || !Number.isInteger(col)) return;
    const target = pendingFocus.current;
    if (target && (target.row !== row || target.col !== col)) pendingFocus.current = null;
    if (current?.row !== row || current.col !== col) setFocus({ row, col });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!(event.target instanceof HTMLElement) || event.target.getAttribute('role') !== 'gridcell') return;
    const action = keyAction(current, event, shape);
    if (action.kind === 'none') return;
    event.preventDefault();
    if (action.kind === 'move') return moveTo(action.focus);
    const target = current ? targetAt(current) : null;
    if (target && layout.cells.has(cellKey(target.serial, target.scenarioId))) onOpen(target);
  };

  const totalWidth = columnVirtualizer.getTotalSize();
  const virtualColumns = columnVirtualizer.getVirtualItems();
  const tableRows = table.getRowModel().rows;

  return (
    <div
      ref={scroller}
      className="mx-grid"
      role="grid"
      aria-label={t('matrix.grid.label')}
      aria-rowcount={GEOMETRY.headerRows.length + rows.length}
      aria-colcount={columns.length + 1}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      <div className="mx-grid__canvas" style={{ width: totalWidth, height: rowVirtualizer.getTotalSize() }}>
        <GridHeader
          headerGroups={table.getHeaderGroups()}
          virtualColumns={virtualColumns}
          width={totalWidth}
          byColumn={byColumn}
        />
        {rowVirtualizer.getVirtualItems().map((virtualRow) => {
          const row = tableRows[virtualRow.index]?.original;
          if (!row) return null;
          const ariaRow = GEOMETRY.headerRows.length + virtualRow.index + 1;
          const style = { top: virtualRow.start, height: virtualRow.size, width: totalWidth };
          if (row.kind === 'group')
            return (
              <GroupBand
                key={`g-${row.group}`}
                row={row}
                ariaRowIndex={ariaRow}
                columns={columns.length + 1}
                style={style}
              />
            );
          const phone = phoneTitle(row.phone);
          return (
            <div
              key={row.phone.serial}
              role="row"
              className="mx-row"
              aria-rowindex={ariaRow}
              data-serial={row.phone.serial}
              style={style}
            >
              <PhoneHeader phone={row.phone} />
              {virtualColumns.map((virtualColumn) => {
                const column = columns[virtualColumn.index];
                if (!column) return null;
                const key = cellKey(row.phone.serial, column.scenarioId);
                const cell = layout.cells.get(key);
                const change = changes.get(key);
                const focused = current?.row === virtualRow.index && current.col === virtualColumn.index;
                const isOpen = open?.serial === row.phone.serial && open.scenarioId === column.scenarioId;
                return (
                  <div
                    key={column.scenarioId}
                    role="gridcell"
                    className={`mx-cell mx-cell--${cell?.status ?? 'absent'}${layout.dimmed(cell) ? ' mx-cell--dim' : ''}${change ? ' mx-cell--changed' : ''}`}
                    aria-colindex={virtualColumn.index + 2}
                    aria-selected={isOpen}
                    aria-label={cellLabel({ cell, change, phone, scenario: columnTitle(column, locale) })}
                    tabIndex={focused ? 0 : -1}
                    data-row={virtualRow.index}
                    data-col={virtualColumn.index}
                    data-scenario={column.scenarioId}
                    data-status={cell?.status ?? 'absent'}
                    data-change={change?.kind}
                    data-waived={cell?.waiver ? 'true' : undefined}
                    data-hint={cell?.hint?.kind}
                    style={{ left: virtualColumn.start, width: virtualColumn.size }}
                    onClick={() => {
                      setFocus({ row: virtualRow.index, col: virtualColumn.index });
                      if (cell) onOpen({ serial: row.phone.serial, scenarioId: column.scenarioId });
                    }}
                  >
                    <MatrixCellContent cell={cell} change={change} />
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}

type GridRow = MatrixLayout['rows'][number];
