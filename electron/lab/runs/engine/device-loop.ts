/**
 * The loop every device of a run goes through, whatever it is (adb phone, iOS simulator): prepare
 * once, then each pending attempt in order. A device that goes away stops here and its open
 * attempts become 'device lost'; a failed preparation blocks every attempt with its reason; a
 * cancel leaves the cut attempt unjudged.
 */
import type { AttemptView } from '../../../../shared/domain/run';
import type { ErrorInfo, LocalizedErrorText } from '../../../../shared/errors';
import type { RunPhone, Verdict } from '../../../../shared/runs/types';
import { toErrorInfo } from '../../errors';
import { step, type RunContext } from './session';

export interface DeviceLoop {
  readonly run: RunContext;
  readonly phone: RunPhone;
  /** The session's own flag: an attempt saw the device go. */
  isLost(): boolean;
  prepare(): Promise<string[]>;
  attempt(attempt: AttemptView): Promise<unknown>;
  /** The device is gone (the error says so, or it left the device list). */
  gone(error?: unknown): boolean;
  /** Words for the lost verdicts: what happened and what to do. */
  readonly lost: LostWords & { readonly zh: LostWords };
  /** The loop is over (done, lost, blocked or cancelled): release what lived across attempts. */
  close?(): Promise<void>;
}

interface LostWords {
  readonly preparing: string;
  readonly during: string;
  readonly hint: string;
}

export const lostVerdict = (message: string, hint: string, zh?: LocalizedErrorText): Verdict => ({
  kind: 'device-lost',
  reason: { key: 'device-lost.lost', values: {} },
  details: {
    delivered: null,
    latencyMs: null,
    record: null,
    expected: null,
    checks: null,
    error: { code: 'DEVICE_LOST', message, hint, ...(zh ? { zh } : {}) },
  },
});

export const blockedVerdict = (error: ErrorInfo): Verdict => ({
  kind: 'blocked',
  reason: {
    key: 'blocked.setup-failed',
    values: {
      code: error.code,
      message: error.message,
      ...(error.zh ? { messageZh: error.zh.message } : {}),
    },
  },
  details: { delivered: null, latencyMs: null, record: null, expected: null, checks: null, error },
});

export async function runDeviceAttempts(loop: DeviceLoop, attempts: readonly AttemptView[]): Promise<void> {
  try {
    await runAttempts(loop, attempts);
  } finally {
    await loop.close?.().catch(() => undefined);
  }
}

async function runAttempts(loop: DeviceLoop, attempts: readonly AttemptView[]): Promise<void> {
  const { deps, runId, signal } = loop.run;
  const serial = loop.phone.serial;
  const markLost = (when: 'preparing' | 'during'): void => {
    const { zh } = loop.lost;
    const verdict = lostVerdict(loop.lost[when], loop.lost.hint, { message: zh[when], hint: zh.hint });
    deps.repo.markLost(runId, serial, verdict, deps.clock.now());
    loop.run.changed(null);
  };
  const first = attempts[0];
  if (first === undefined) return;
  try {
    await step(
      { run: loop.run },
      first.id,
      'prepare',
      () => loop.prepare(),
      (notes) => notes.join('; '),
    );
  } catch (error) {
    if (signal.aborted) return;
    if (loop.gone(error)) return markLost('preparing');
    // Without the build or the account nothing on this device can run: each attempt says why.
    for (const attempt of attempts) finishBlocked(loop.run, attempt, toErrorInfo(error));
    return;
  }
  for (const attempt of attempts) {
    if (signal.aborted) return;
    if (loop.isLost() || loop.gone()) return markLost('during');
    try {
      await loop.attempt(attempt);
    } catch (error) {
      if (signal.aborted || toErrorInfo(error).code === 'CANCELLED') return;
      deps.logger.error('attempt failed unexpectedly', {
        serial,
        scenario: attempt.scenarioId,
        error: toErrorInfo(error).message,
      });
      if (loop.gone(error)) return markLost('during');
      finishBlocked(loop.run, attempt, toErrorInfo(error));
    }
  }
  if (loop.isLost()) markLost('during');
}

function finishBlocked(run: RunContext, attempt: AttemptView, error: ErrorInfo): void {
  try {
    run.deps.repo.finishAttempt(attempt.id, {
      verdict: blockedVerdict(error),
      finishedAt: run.deps.clock.now(),
      latencyMs: null,
    });
    run.changed(attempt.id);
  } catch {
    // Already judged (the failure came after its verdict was stored): nothing to change.
  }
}
