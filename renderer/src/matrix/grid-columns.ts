/**
 * The matrix columns as TanStack Table column definitions: app state -> message kind -> scenario,
 * one header row per level, every leaf the same width (the virtualiser relies on it), plus the
 * geometry the grid draws with. Pure data; the grid renders the cells itself.
 */
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { MatrixColumn } from '../../../shared/matrix/types';
import type { AppState, MessageKind } from '../../../shared/scenarios/types';
import { columnSpans, type GridRow } from './matrix-layout';

export const GEOMETRY = {
  rowHeaderWidth: 260,
  columnWidth: 156,
  phoneRowHeight: 62,
  groupRowHeight: 38,
  /** Header rows: app state, message kind, scenario, column roll-up. */
  headerRows: [32, 30, 58, 44],
} as const;

export const HEADER_HEIGHT = GEOMETRY.headerRows.reduce((a, b) => a + b, 0);

/** What a header cell is about (TanStack's column meta). */
export type HeaderMeta =
  | { readonly level: 'state'; readonly state: AppState }
  | { readonly level: 'message'; readonly state: AppState; readonly message: MessageKind }
  | { readonly level: 'scenario'; readonly column: MatrixColumn };

const helper = createColumnHelper<GridRow>();

/** Column groups from the header spans; ids are unique even when a kind appears under two states. */
export function columnDefs(columns: readonly MatrixColumn[]): ColumnDef<GridRow, unknown>[] {
  const { states, messages } = columnSpans(columns);
  return states.map((state) =>
    helper.group({
      id: `state:${state.value}:${state.start}`,
      meta: { level: 'state', state: state.value } satisfies HeaderMeta,
      columns: messages
        .filter((m) => m.start >= state.start && m.end <= state.end)
        .map((message) =>
          helper.group({
            id: `message:${state.value}:${message.value}:${message.start}`,
            meta: { level: 'message', state: state.value, message: message.value } satisfies HeaderMeta,
            columns: columns.slice(message.start, message.end).map((column) =>
              helper.display({
                id: `scenario:${column.scenarioId}`,
                size: GEOMETRY.columnWidth,
                meta: { level: 'scenario', column } satisfies HeaderMeta,
              }),
            ),
          }),
        ),
    }),
  );
}

export function rowHeight(row: GridRow | undefined): number {
  return row?.kind === 'group' ? GEOMETRY.groupRowHeight : GEOMETRY.phoneRowHeight;
}
