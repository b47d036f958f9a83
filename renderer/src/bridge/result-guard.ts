/**
 * The web bridge receives JSON from the network: check it has the Result shape before the UI
 * trusts it, and turn transport failures into ErrorInfo values (never thrown).
 */
import { isErrorInfo, type ErrorInfo } from '../../../shared/errors';
import { fail, type Result } from '../../../shared/result';

/** The error shown when the local PushLab server cannot be reached. */
export function bridgeUnreachable(detail: string): ErrorInfo {
  return {
    code: 'INTERNAL',
    message: 'Lost contact with the PushLab server on this computer.',
    hint: 'Check that `npm run web` is still running, then reload the page.',
    detail,
  };
}

/** Narrows parsed JSON to a Result; anything else becomes an INTERNAL error value. */
export function toResult<T>(value: unknown): Result<T> {
  if (typeof value === 'object' && value !== null) {
    const candidate = value as { ok?: unknown; value?: unknown; error?: unknown };
    if (candidate.ok === true && 'value' in candidate) return { ok: true, value: candidate.value as T };
    if (candidate.ok === false && isErrorInfo(candidate.error)) return { ok: false, error: candidate.error };
  }
  return fail({
    code: 'INTERNAL',
    message: 'The PushLab server sent a reply the app does not understand.',
    hint: 'Reload the page; if it keeps happening, restart `npm run web`.',
  });
}

/** JSON arrays cannot hold `undefined`; trailing optional arguments are dropped instead of sent as null. */
export function trimTrailingUndefined(args: readonly unknown[]): unknown[] {
  const out = [...args];
  while (out.length > 0 && out[out.length - 1] === undefined) out.pop();
  return out;
}
