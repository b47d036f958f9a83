/**
 * Keyboard navigation of the matrix grid (WAI-ARIA grid pattern): arrows move the focused cell,
 * Home/End go to the row's ends (with Ctrl: the grid's), PageUp/PageDown jump a page of rows.
 * Vendor bands are headers, not cells: focus skips them. Pure: positions in, position out.
 */

export interface GridFocus {
  /** Index into the laid-out rows (always a phone row). */
  readonly row: number;
  /** Index into the laid-out columns. */
  readonly col: number;
}

export interface GridShape {
  /** Per laid-out row: may it hold focus (a phone row) or not (a vendor band). */
  readonly focusable: readonly boolean[];
  readonly columns: number;
  /** Rows a PageUp/PageDown moves. */
  readonly page: number;
}

export interface NavKey {
  readonly key: string;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
}

/** What a key does to the grid: move the focus, open the focused cell, or nothing for us. */
export type KeyAction =
  | { readonly kind: 'move'; readonly focus: GridFocus }
  | { readonly kind: 'open' }
  | { readonly kind: 'none' };

function focusableRows(shape: GridShape): number[] {
  const rows: number[] = [];
  shape.focusable.forEach((ok, i) => {
    if (ok) rows.push(i);
  });
  return rows;
}

/** The nearest valid position to `focus` (after a filter change), or null when the grid has no cell. */
export function clampFocus(focus: GridFocus | null, shape: GridShape): GridFocus | null {
  const rows = focusableRows(shape);
  if (rows.length === 0 || shape.columns === 0) return null;
  const wanted = focus ?? { row: rows[0] ?? 0, col: 0 };
  const row = rows.find((r) => r >= wanted.row) ?? rows[rows.length - 1] ?? 0;
  return { row, col: Math.min(Math.max(0, wanted.col), shape.columns - 1) };
}

/** The action for one key press with the focus at `focus`. */
export function keyAction(focus: GridFocus | null, key: NavKey, shape: GridShape): KeyAction {
  const current = clampFocus(focus, shape);
  if (!current) return { kind: 'none' };
  const rows = focusableRows(shape);
  const at = Math.max(0, rows.indexOf(current.row));
  const lastRow = rows.length - 1;
  const lastCol = shape.columns - 1;
  const toRow = (index: number): number => rows[Math.min(Math.max(0, index), lastRow)] ?? current.row;
  const ctrl = key.ctrlKey === true || key.metaKey === true;
  const move = (row: number, col: number): KeyAction => ({
    kind: 'move',
    focus: { row, col: Math.min(Math.max(0, col), lastCol) },
  });
  switch (key.key) {
    case 'ArrowRight':
      return move(current.row, current.col + 1);
    case 'ArrowLeft':
      return move(current.row, current.col - 1);
    case 'ArrowDown':
      return move(toRow(at + 1), current.col);
    case 'ArrowUp':
      return move(toRow(at - 1), current.col);
    case 'PageDown':
      return move(toRow(at + Math.max(1, shape.page)), current.col);
    case 'PageUp':
      return move(toRow(at - Math.max(1, shape.page)), current.col);
    case 'Home':
      return ctrl ? move(toRow(0), 0) : move(current.row, 0);
    case 'End':
      return ctrl ? move(toRow(lastRow), lastCol) : move(current.row, lastCol);
    case 'Enter':
    case ' ':
      return { kind: 'open' };
    default:
      return { kind: 'none' };
  }
}
