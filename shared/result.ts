/**
 * Results travel as values across every boundary (IPC, web bridge, CLI): never thrown.
 */
import type { ErrorInfo } from './errors';

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorInfo };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: ErrorInfo): Result<T> => ({ ok: false, error });
