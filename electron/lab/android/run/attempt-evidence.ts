/**
 * Evidence kept per attempt besides the send receipt and state report: the captured records, the
 * doctor snapshot it ran under, a shade screenshot and a logcat slice around the push. Evidence
 * trouble is noted and never changes a verdict.
 */
import { toErrorInfo } from '../../errors';
import type { SendReceipt } from '../../push/sender-types';
import { DEFAULT_POLL_MS } from '../capture/notification-watcher';
import type { PushCapture } from './capture-push';
import { step } from '../../runs/engine/session';
import type { PhoneSession } from './phone-session';

const LOGCAT_BEFORE_MS = 2_000;

/** The captured records, stored the moment the capture ends (before anything slower). */
export function storeCapture(session: PhoneSession, attemptId: number, captured: PushCapture): void {
  const { repo, clock } = session.run.deps;
  repo.addEvidence(attemptId, {
    kind: 'record',
    data: {
      records: captured.records.map((r) => ({ ...r.info, latencyMs: r.latencyMs, seenAt: r.seenAt })),
      readErrors: captured.readErrors,
      errors: captured.errors,
      // The interval goes with a poll so the evidence says how often the phone was read.
      capture:
        captured.mode?.mode === 'poll'
          ? { ...captured.mode, pollMs: session.run.deps.pollMs ?? DEFAULT_POLL_MS }
          : (captured.mode ?? null),
      clockOffset: {
        offsetMs: session.offset.offsetMs,
        uncertaintyMs: Number.isFinite(session.offset.uncertaintyMs) ? session.offset.uncertaintyMs : null,
      },
    },
    at: clock.now(),
  });
}

export async function collectEvidence(
  session: PhoneSession,
  attemptId: number,
  receipt: SendReceipt,
): Promise<void> {
  const { repo, clock } = session.run.deps;
  const evidence = session.ports.evidence;
  const at = (): number => clock.now();
  if (session.doctor !== null)
    repo.addEvidence(attemptId, { kind: 'doctor', data: session.doctor, at: at() });
  if (!evidence) return;
  await step(
    session,
    attemptId,
    'evidence',
    async () => {
      const notes: string[] = [];
      const serial = session.phone.serial;
      try {
        const shot = await evidence.shadeScreenshot(session.io, serial);
        repo.addEvidence(attemptId, { kind: 'screenshot', path: shot.path, at: at() });
      } catch (error) {
        notes.push(`no shade screenshot: ${toErrorInfo(error).message}`);
      }
      try {
        const window = {
          fromPhoneMs: receipt.sentAt + session.offset.offsetMs - LOGCAT_BEFORE_MS,
          toPhoneMs: clock.now() + session.offset.offsetMs,
          package: session.run.plan.app.package,
        };
        const slice = await evidence.logcatSlice(session.io, serial, window);
        repo.addEvidence(attemptId, {
          kind: 'logcat',
          path: slice.path,
          data: { lines: slice.lines },
          at: at(),
        });
      } catch (error) {
        notes.push(`no logcat slice: ${toErrorInfo(error).message}`);
      }
      return notes;
    },
    (notes) => (notes.length === 0 ? 'screenshot and logcat kept' : notes.join('; ')),
  );
}
