/**
 * The per-vendor sign-off matrix (issue 5): its shape (types.ts) and the pure functions that build,
 * compare and annotate it. The core's MatrixService (electron/lab/runs/matrix) feeds them from the
 * store; the renderer and the reports read RunMatrix / RunComparison.
 */
export * from './types';
export { buildMatrix, rollupOf, type MatrixInput, type MatrixPhoneInput } from './build';
export { applyAttempt } from './apply-attempt';
export { compareMatrices, DEFAULT_THRESHOLD } from './compare';
export { matrixColumns } from './columns';
export { quotaTail, throttleHint, QUOTA_TAIL_MIN, type HintInput, type TailAttempt } from './hints';
export {
  CELL_STATUSES,
  WAIVABLE_STATUSES,
  cellStatusSeverity,
  emptyCounts,
  isWaivable,
  percentile,
  worstStatus,
} from './stats';
export { vendorGroupOf, type GroupablePhone } from './vendor-group';
