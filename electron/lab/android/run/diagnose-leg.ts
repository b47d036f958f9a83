/**
 * The diagnose mode's second path on an adb phone (AttemptDriver.diagnose): with the app still in
 * the scenario's state, the same message goes to the phone's vendor directly (the direct sender
 * whose kind is the phone's channel), the capture watches for it, Tencent's presence for the
 * account is read, and with the doctor's failing checks the four facts give one link
 * (shared/runs/diagnose.ts). The direct send carries an invisible marker (shared/runs/diagnose-marker.ts),
 * so of the records posted after it only the vendor's count for the vendor path; a Tencent push
 * that arrives that late is Tencent's, reported as late.
 */
import type { ErrorInfo } from '../../../../shared/errors';
import {
  diagnose,
  type Diagnosis,
  type PathOutcome,
  type TencentPresence,
} from '../../../../shared/runs/diagnose';
import { markDirectMessage, pathOfRecord, withoutMarker } from '../../../../shared/runs/diagnose-marker';
import type { ObservedRecord } from '../../../../shared/runs/types';
import type { Expectation, Scenario } from '../../../../shared/scenarios/types';
import { toErrorInfo } from '../../errors';
import { withTimeout } from '../../util/timeout';
import { reached } from '../../runs/engine/attempt-diagnose';
import { step } from '../../runs/engine/session';
import { storeCapture } from './attempt-evidence';
import { capturePush } from './capture-push';
import type { PhoneSession } from './phone-session';
import { sendRequestFor } from './send-request';

async function presenceOf(session: PhoneSession): Promise<TencentPresence | null> {
  const { sender } = session.run;
  if (sender.presence === undefined || session.account === null) return null;
  try {
    return await sender.presence(session.account.account);
  } catch {
    return 'unknown';
  }
}

type VendorPath = PathOutcome & { kind: string; tencentLate?: boolean };

function noVendorPath(kind: string, error: ErrorInfo): VendorPath {
  return { kind, shown: false, requestId: null, error };
}

async function vendorPath(
  session: PhoneSession,
  attemptId: number,
  scenario: Scenario,
  expectation: Expectation,
  tencent: PathOutcome,
): Promise<VendorPath> {
  const { deps, plan, vendorSenders } = session.run;
  const kind = session.phone.channel ?? 'unknown';
  const sender = vendorSenders.get(kind);
  if (sender === undefined)
    return {
      kind,
      shown: null,
      requestId: null,
      error: {
        code: 'PLAN_INVALID',
        message: `The diagnose plan has no vendor sender for the ${kind} channel.`,
        zh: { message: `诊断计划没有 ${kind} 通道的厂商发送方。` },
      },
    };
  if (session.token === null)
    return noVendorPath(kind, {
      code: 'PLAN_INVALID',
      message: `No ${kind} token for ${session.phone.serial}: neither app.tokens.serials nor the phone's log gave one.`,
      hint: 'Add the token under app.tokens.serials, or make the app log it and set app.tokens.fromLogcat.',
      zh: {
        message: `没有 ${session.phone.serial} 的 ${kind} 令牌：app.tokens.serials 和手机日志都没有给出。`,
        hint: '请把令牌写到 app.tokens.serials 下，或让应用把它打印到日志并设置 app.tokens.fromLogcat。',
      },
    });
  let sentAt: number;
  let requestId: string | null;
  const marked = markDirectMessage(scenario.message);
  const message = marked ?? scenario.message;
  try {
    const receipt = await step(
      session,
      attemptId,
      'send',
      () =>
        withTimeout(
          sender.send(sendRequestFor(session, { ...scenario, message }, expectation, session.token)),
          plan.timeouts.stepMs + 1000,
          {
            en: `Sending ${scenario.id} through ${kind} directly`,
            zh: `直接通过 ${kind} 发送场景 ${scenario.id}`,
          },
        ),
      (r) => `sent through ${kind} directly${r.requestId ? ` (${r.requestId})` : ''}`,
    );
    ({ sentAt, requestId } = receipt);
    deps.repo.addEvidence(attemptId, {
      kind: 'send',
      data: { path: 'vendor', sender: kind, sentAt, requestId, ...receipt.evidence },
      at: deps.clock.now(),
    });
  } catch (error) {
    return noVendorPath(kind, toErrorInfo(error));
  }
  const facts = { marked: marked !== null, tencentShown: tencent.shown };
  const reachedBy = (r: ObservedRecord, path: 'vendor' | 'tencent-late' | 'unknown'): boolean =>
    pathOfRecord(r, facts) === path && reached(expectation, withoutMarker(r));
  const isMatch = (r: ObservedRecord): boolean => reachedBy(r, 'vendor');
  const captured = await step(
    session,
    attemptId,
    'capture',
    () =>
      capturePush(session.io, {
        package: plan.app.package,
        since: sentAt,
        timeoutMs: plan.timeouts.pushMs,
        offset: session.offset,
        now: () => deps.clock.now(),
        isMatch,
        signal: session.run.signal,
        ...(deps.pollMs === undefined ? {} : { pollMs: deps.pollMs }),
      }),
    (c) => `${c.records.length} record(s) after the direct ${kind} push`,
  );
  storeCapture(session, attemptId, captured);
  if (captured.records.length > 0) session.dirty = true;
  const seen = captured.records.map((r) => r.observed);
  const shown = captured.lost
    ? null
    : seen.some((r) => reachedBy(r, 'vendor'))
      ? true
      : seen.some((r) => reachedBy(r, 'unknown'))
        ? null
        : false;
  return { kind, shown, requestId, error: null, tencentLate: seen.some((r) => reachedBy(r, 'tencent-late')) };
}

/** Runs the vendor path and decides the link; stored with the attempt's verdict. */
export async function runDiagnoseLeg(
  session: PhoneSession,
  attemptId: number,
  scenario: Scenario,
  expectation: Expectation,
  tencent: PathOutcome,
): Promise<Diagnosis> {
  const presence = await presenceOf(session);
  const { tencentLate, ...vendor } = await vendorPath(session, attemptId, scenario, expectation, tencent);
  return diagnose({
    tencent: tencentLate === true && tencent.shown === false ? { ...tencent, arrivedLate: true } : tencent,
    vendor,
    presence,
    doctorFailing: session.doctor === null ? null : session.doctor.failing,
  });
}
