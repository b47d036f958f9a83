/**
 * What every attempt shares whatever its device: how it ends (the judge step, the verdict stored,
 * a lost device remembered), how a cancel cuts it, what a capture returns, and the positive
 * control's scenario. The platforms' attempt flows (android/run, ios/run) build on these.
 */
import type { ErrorInfo } from '../../../../shared/errors';
import type { ObservedRecord, Verdict } from '../../../../shared/runs/types';
import { LabError } from '../../errors';
import { step, type RunContext } from './session';

/** The push that must show, sent before judging "nothing showed" (a dead channel shows nothing too). */
export const CONTROL_SCENARIO_ID = 'background-c2c-text';

/** One notification a capture found, with the platform's own record beside what the judge reads. */
export interface CapturedRecord<Info> {
  readonly info: Info;
  readonly observed: ObservedRecord;
  /** Host time of the read that found it. */
  readonly seenAt: number;
  /** Post (or delivery) time in host time minus the send time; null when the device gave no time. */
  readonly latencyMs: number | null;
}

/** Everything a capture saw after a send. */
export interface Capture<Info> {
  readonly records: readonly CapturedRecord<Info>[];
  readonly readErrors: number;
  readonly errors: readonly ErrorInfo[];
  /** The device stopped answering (or being booted) as a device does when it is gone. */
  readonly lost: boolean;
}

/** What the positive control remembers per device and run. */
interface ControlSession {
  readonly run: RunContext;
  controlShown: boolean | null;
  controlTried: boolean;
}

/**
 * Sends the positive control first when a "nothing showed" verdict would need it: once per device
 * and run, and never again once one showed. `send` is the platform's control (true: it showed).
 */
export async function controlFirst(
  session: ControlSession,
  attemptId: number,
  needsPositiveControl: boolean,
  send: () => Promise<boolean>,
): Promise<void> {
  if (!needsPositiveControl || session.controlShown === true || session.controlTried) return;
  await step(session, attemptId, 'positive-control', send, (shown) =>
    shown ? 'the control push showed' : 'the control push did not show',
  );
}

/** Keeps what the control's capture saw as evidence and remembers whether the control showed. */
export function recordControl<Info extends object>(
  session: ControlSession,
  attemptId: number,
  requestId: string | null,
  seen: Capture<Info>,
  shown: boolean,
): boolean {
  const { repo, clock } = session.run.deps;
  repo.addEvidence(attemptId, {
    kind: 'record',
    data: {
      positiveControl: true,
      requestId,
      shown,
      records: seen.records.map((r) => ({ ...r.info, latencyMs: r.latencyMs })),
    },
    at: clock.now(),
  });
  session.controlShown = shown;
  return shown;
}

interface AttemptSession {
  readonly run: RunContext;
  lost: boolean;
}

/** A cancelled run leaves the attempt open (no verdict): resuming runs it again from the start. */
export function stopIfCancelled(session: { readonly run: RunContext }): void {
  if (session.run.signal.aborted)
    throw new LabError('CANCELLED', 'The run was stopped.', { zh: { message: '运行已停止。' } });
}

/** Stores the verdict with its judge step; a 'device lost' verdict stops the device's loop. */
export function finishAttempt(
  session: AttemptSession,
  attemptId: number,
  verdict: Verdict,
  latencyMs: number | null = verdict.details.latencyMs,
): Verdict {
  const { repo, clock } = session.run.deps;
  if (verdict.kind === 'device-lost') session.lost = true;
  repo.recordStep(attemptId, {
    name: 'judge',
    status: 'ok',
    at: clock.now(),
    detail: `${verdict.kind}: ${verdict.reason.key}`,
  });
  repo.finishAttempt(attemptId, { verdict, finishedAt: clock.now(), latencyMs });
  session.run.changed(attemptId);
  return verdict;
}
