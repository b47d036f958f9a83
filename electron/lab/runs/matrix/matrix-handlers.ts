/**
 * The matrix view's request channels (matrix:*), one function each, like handlers.ts. Arguments
 * arrive validated by shared/ipc.ts; the sign-off rules are the MatrixService's.
 */
import type { RequestArgs, RequestChannel, RequestResult } from '../../../../shared/ipc';
import type { MatrixService } from './matrix-service';

type MatrixChannel = Extract<RequestChannel, `matrix:${string}`>;
export type MatrixHandlers = { [C in MatrixChannel]: (...args: RequestArgs<C>) => Promise<RequestResult<C>> };

/** The part of the MatrixService the window may reach. */
export type WindowMatrixApi = Pick<MatrixService, 'matrix' | 'compare' | 'signOff' | 'signOffOf'>;

export function createMatrixHandlers(matrix: WindowMatrixApi): MatrixHandlers {
  return {
    'matrix:get': async (runId) => matrix.matrix(runId),
    'matrix:compare': async (before, after) => matrix.compare(before, after),
    'matrix:sign-off': async (request) => matrix.signOff(request),
    'matrix:sign-off-of': async (runId) => matrix.signOffOf(runId),
  };
}
