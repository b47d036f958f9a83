/**
 * Puts the app under test into one of the offline states (shared/scenarios APP_STATES), proves it
 * by reading the phone back, and restores the phone afterwards. A state that cannot be reached or
 * proven gives `ok: false` with the reason, and the run calls that cell 'blocked'.
 */
import type { AdbDeviceIo } from '../../adb/device-io';
import { toErrorInfo } from '../../errors';
import type { AppState } from '../../../../shared/scenarios/types';
import type { ErrorInfo } from '../../../../shared/errors';
import { DRIVERS } from './drivers';
import { recordingIo } from './recording-io';
import type { StateCheck, StateContext, StateReport } from './types';

export type { AccountActions, AccountStatus, StateCheck, StateContext, StateReport } from './types';
export { waitForReboot } from './reboot-wait';

function report(
  state: AppState,
  ctx: StateContext,
  steps: string[],
  checks: StateCheck[],
  blocked: string | null,
  error: ErrorInfo | null,
): StateReport {
  const failed = checks.filter((c) => !c.ok);
  let reason = blocked;
  if (reason === null && error !== null)
    reason = error.hint ? `${error.message} ${error.hint}` : error.message;
  if (reason === null && failed.length > 0) {
    reason = `Could not prove "${state}": ${failed.map((c) => `${c.check} is ${c.actual}, expected ${c.expected}`).join('; ')}.`;
  }
  return { state, ok: reason === null, reason, steps, checks, error, at: ctx.clock.iso() };
}

async function run(
  state: AppState,
  ctx: StateContext,
  io: AdbDeviceIo,
  body: (rio: AdbDeviceIo, steps: string[]) => Promise<{ blocked: string | null; checks: StateCheck[] }>,
): Promise<StateReport> {
  const steps: string[] = [];
  try {
    const { blocked, checks } = await body(recordingIo(io, steps), steps);
    return report(state, ctx, steps, checks, blocked, null);
  } catch (error) {
    return report(state, ctx, steps, [], null, toErrorInfo(error));
  }
}

/** Runs the state's adb steps, then its read-back. */
export function enterState(io: AdbDeviceIo, state: AppState, ctx: StateContext): Promise<StateReport> {
  const driver = DRIVERS[state];
  return run(state, ctx, io, async (rio, steps) => {
    const blocked = await driver.enter(rio, ctx, steps);
    return { blocked, checks: blocked === null ? await driver.verify(rio, ctx) : [] };
  });
}

/** Only the read-back: is the phone (still) in the state? */
export function verifyState(io: AdbDeviceIo, state: AppState, ctx: StateContext): Promise<StateReport> {
  return run(state, ctx, io, async (rio) => ({
    blocked: null,
    checks: await DRIVERS[state].verify(rio, ctx),
  }));
}

/** Undoes the state (Doze unforced, battery reset, screen on and unlocked, account logged in). */
export function leaveState(io: AdbDeviceIo, state: AppState, ctx: StateContext): Promise<StateReport> {
  return run(state, ctx, io, async (rio, steps) => ({
    blocked: null,
    checks: await DRIVERS[state].leave(rio, ctx, steps),
  }));
}
