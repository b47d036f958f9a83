/** Helpers every step of an attempt needs: is the phone still there, and the app-state context. */
import { toErrorInfo } from '../../errors';
import type { StateContext } from '../app-states/types';
import { accountActionsFor } from './account';
import type { PhoneSession } from './phone-session';

const LOST_CODES = new Set(['DEVICE_LOST', 'DEVICE_NOT_FOUND', 'DEVICE_OFFLINE']);

/** True when the phone is gone: the error says so, or the registry no longer lists it as ready. */
export function phoneGone(session: PhoneSession, error?: unknown): boolean {
  const info = error === undefined ? null : toErrorInfo(error);
  if (info !== null && LOST_CODES.has(info.code)) return true;
  return session.run.deps.phones.get(session.phone.serial)?.state !== 'device';
}

export function stateContext(session: PhoneSession): StateContext {
  const actions = accountActionsFor(session);
  return {
    package: session.run.plan.app.package,
    clock: session.run.deps.clock,
    sdk: session.context.sdk,
    channel: session.context.channel,
    ...(actions ? { accountActions: actions } : {}),
  };
}
