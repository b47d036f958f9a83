/**
 * One attempt: (clear leftovers) → positive control if needed → scenario set-up and app state →
 * send → capture → leave state → evidence → judge → tap-to-redirect. Every step is stored as it
 * happens. Set-up trouble is 'blocked', a vanished phone 'device lost'; only the judge gives pass.
 */
import type { AttemptView } from '../../../../shared/domain/run';
import type { ErrorInfo } from '../../../../shared/errors';
import { checkRecord, recordMatches } from '../../../../shared/runs/match';
import { deviceTokenFor } from '../../../../shared/runs/plan';
import type { CaptureOutcome, Observation, SetupOutcome, Verdict } from '../../../../shared/runs/types';
import { expectFor } from '../../../../shared/scenarios/rules/expect';
import type { Expectation, Scenario } from '../../../../shared/scenarios/types';
import { withTimeout } from '../../util/timeout';
import { forceStop } from '../../android/commands/force-stop';
import { LabError, toErrorInfo } from '../../errors';
import type { SendReceipt } from '../../push/sender-types';
import { enterState, leaveState } from '../../android/app-states';
import type { StateContext, StateReport } from '../../android/app-states/types';
import { judge } from '../verdict';
import { collectEvidence, storeCapture } from './attempt-evidence';
import { capturePush, type PushCapture } from './capture-push';
import { refreshClockOffset } from './clock-refresh';
import { runPositiveControl } from './positive-control';
import { scenarioOf } from './resolve-run';
import { senderCannotTest } from './sender-limits';
import { sendRequestFor } from './send-request';
import { diagnoseExpectation, runDiagnoseLeg, shownIn } from './diagnose-leg';
import { applyScenarioSetup, setupOutOfReach } from './scenario-setup';
import { step, type PhoneSession } from './session';
import { phoneGone, stateContext } from './state-context';
import { stateNotReached } from './state-error';

const REBOOT_ALLOWANCE_MS = 180_000;

export async function runAttempt(session: PhoneSession, attempt: AttemptView): Promise<Verdict> {
  const { deps, plan, profile } = session.run;
  const scenario = scenarioOf(attempt.scenarioId);
  deps.repo.startAttempt(attempt.id, deps.clock.now());
  session.run.changed(attempt.id);
  let expectation = expectFor(scenario, session.context, profile);
  const outOfReach = setupOutOfReach(scenario, session.context);
  if (outOfReach !== null && expectation.outcome !== 'not-applicable')
    expectation = {
      ...expectation,
      outcome: 'not-applicable',
      needsPositiveControl: false,
      reason: outOfReach,
    };
  if (expectation.outcome === 'not-applicable')
    return finish(
      session,
      attempt.id,
      judge(expectation, { setup: { kind: 'ok' }, captured: { kind: 'records', records: [] } }),
      null,
    );
  const unfit = senderCannotTest(scenario, plan.sender.kind);
  if (unfit !== null) {
    const error: ErrorInfo = {
      code: 'PLAN_INVALID',
      message: `Not run with this sender: ${unfit.en}`,
      zh: { message: `未用此发送方式运行：${unfit.zh}` },
    };
    return finish(
      session,
      attempt.id,
      judge(expectation, { setup: { kind: 'failed', error }, captured: { kind: 'records', records: [] } }),
      null,
    );
  }
  if (session.account === null) {
    const error: ErrorInfo = {
      code: 'PLAN_INVALID',
      message: `The plan gives no test account for ${session.phone.serial}.`,
      hint: 'Add it under app.accounts.serials or app.accounts.vendors.',
      zh: {
        message: `计划没有为 ${session.phone.serial} 提供测试账号。`,
        hint: '请在 app.accounts.serials 或 app.accounts.vendors 下添加。',
      },
    };
    return finish(
      session,
      attempt.id,
      judge(expectation, { setup: { kind: 'failed', error }, captured: { kind: 'records', records: [] } }),
      null,
    );
  }
  // Between attempts the phone's link is quiet: the moment to follow clock drift in long runs
  // (the offset used is kept with each attempt's captured records).
  await refreshClockOffset(session);
  const ctx = stateContext(session);
  const setup = await prepareAttempt(session, attempt.id, scenario, expectation, ctx);
  stopIfCancelled(session);
  // The state's read-back says whether the app ended in Android's stopped state (some ROMs
  // force-stop on swipe): that decides the expectation where the catalog leaves it to the phone.
  const stopped = setup.report?.checks.find((c) => c.check === 'stopped flag')?.actual;
  if (stopped === 'stopped=true' || stopped === 'stopped=false')
    expectation = expectFor(
      scenario,
      { ...session.context, appStopped: stopped === 'stopped=true' },
      profile,
    );
  if (setup.outcome.kind !== 'ok') {
    await restore(session, attempt.id, scenario, ctx, setup.undo);
    return finish(
      session,
      attempt.id,
      judge(expectation, { setup: setup.outcome, captured: { kind: 'records', records: [] } }),
      null,
    );
  }

  const diagnosing = diagnoseExpectation(session, scenario);
  let receipt: SendReceipt;
  try {
    receipt = await step(
      session,
      attempt.id,
      'send',
      () => send(session, scenario, expectation),
      (r) => `sent${r.requestId ? ` (${r.requestId})` : ''}`,
    );
    deps.repo.addEvidence(attempt.id, {
      kind: 'send',
      data: { sentAt: receipt.sentAt, requestId: receipt.requestId, ...receipt.evidence },
      at: deps.clock.now(),
    });
  } catch (error) {
    stopIfCancelled(session);
    const info = toErrorInfo(error);
    const gone = phoneGone(session, error);
    // diagnose: Tencent refused the send; the vendor path still says whether the rest works.
    const refused =
      gone || diagnosing === null
        ? undefined
        : await runDiagnoseLeg(session, attempt.id, scenario, diagnosing, {
            shown: false,
            requestId: null,
            error: info,
          });
    await restore(session, attempt.id, scenario, ctx, setup.undo);
    const outcome: SetupOutcome = gone
      ? { kind: 'device-lost', error: info }
      : { kind: 'failed', error: info };
    const verdict = judge(expectation, { setup: outcome, captured: { kind: 'records', records: [] } });
    return finish(
      session,
      attempt.id,
      refused === undefined ? verdict : { ...verdict, diagnosis: refused },
      null,
    );
  }

  const judged = expectation;
  // 'shown' waits for a matching record (a wrong one may be followed by the right one); for
  // 'not-shown' or 'undecided' the first record of the app settles it.
  const isMatch = (r: Parameters<typeof checkRecord>[1]): boolean =>
    judged.outcome === 'shown' ? recordMatches(checkRecord(judged, r)) : true;
  const watch = (): Promise<PushCapture> =>
    capturePush(session.io, {
      package: plan.app.package,
      since: receipt.sentAt,
      timeoutMs: plan.timeouts.pushMs,
      offset: session.offset,
      now: () => deps.clock.now(),
      isMatch,
      signal: session.run.signal,
      ...(deps.pollMs === undefined ? {} : { pollMs: deps.pollMs }),
    });
  let captured = await step(
    session,
    attempt.id,
    'capture',
    watch,
    (c) => `${c.records.length} record(s)${c.readErrors ? `, ${c.readErrors} read error(s)` : ''}`,
  );
  stopIfCancelled(session);
  let idleLeft = false;
  if (
    expectation.delivery === 'after-idle' &&
    !captured.lost &&
    !captured.records.some((r) => isMatch(r.observed))
  ) {
    // Doze holds normal-priority pushes until the phone wakes: wake it and keep watching.
    await step(
      session,
      attempt.id,
      'leave-state',
      () => leaveState(session.io, scenario.state, ctx),
      (r) => (r.ok ? 'left Doze' : r.reason),
    );
    idleLeft = true;
    const more = await step(
      session,
      attempt.id,
      'capture',
      watch,
      (c) => `${c.records.length} record(s) after Doze`,
    );
    stopIfCancelled(session);
    captured = {
      ...more,
      records: [...captured.records, ...more.records],
      readErrors: captured.readErrors + more.readErrors,
    };
  }
  storeCapture(session, attempt.id, captured);
  session.dirty = captured.records.length > 0;
  const diagnosis =
    diagnosing === null || captured.lost || phoneGone(session)
      ? undefined
      : await runDiagnoseLeg(session, attempt.id, scenario, diagnosing, {
          shown: shownIn(diagnosing, captured),
          requestId: receipt.requestId,
          error: null,
        });
  // A run stopped during the vendor path leaves the attempt open, as after the Tencent capture.
  if (diagnosis !== undefined) stopIfCancelled(session);
  if (!captured.lost) await restore(session, attempt.id, scenario, ctx, setup.undo);

  const lost = captured.lost || phoneGone(session);
  const wentAway: ErrorInfo = {
    code: 'DEVICE_LOST',
    message: `${session.phone.serial} went away during the capture.`,
    zh: { message: `${session.phone.serial} 在捕获期间断开了。` },
  };
  const outcome: CaptureOutcome = lost
    ? { kind: 'capture-error', error: captured.errors.at(-1) ?? wentAway }
    : captured.records.length > 0
      ? { kind: 'records', records: captured.records.map((r) => r.observed) }
      : { kind: 'timeout', readErrors: captured.readErrors };
  const matched =
    captured.records.find((r) => expectation.outcome === 'shown' && isMatch(r.observed)) ??
    captured.records[0] ??
    null;
  const observation: Observation = {
    setup: { kind: 'ok' },
    captured:
      lost && outcome.kind === 'capture-error'
        ? { kind: 'capture-error', error: { ...outcome.error, code: 'DEVICE_LOST' } }
        : outcome,
    ...(session.controlShown === null ? {} : { positiveControlShown: session.controlShown }),
    latencyMs: matched?.latencyMs ?? null,
    // The phone's post time is read in whole ms; the offset's ± carries over to every latency.
    latencyUncertaintyMs: Number.isFinite(session.offset.uncertaintyMs)
      ? session.offset.uncertaintyMs + 1
      : null,
    timeoutMs: plan.timeouts.pushMs,
    idleLeft,
  };
  if (!lost) await collectEvidence(session, attempt.id, receipt);
  let verdict = judge(expectation, observation);
  if (verdict.kind === 'pass' && expectation.tapExt !== null && matched !== null && !lost)
    verdict = await tapCheck(session, attempt.id, expectation.tapExt, matched.info, verdict);
  if (verdict.kind === 'pass' && expectation.outcome === 'shown') session.controlShown = true;
  if (diagnosis !== undefined) verdict = { ...verdict, diagnosis };
  return finish(session, attempt.id, verdict, verdict.details.latencyMs);
}

interface Prepared {
  readonly outcome: SetupOutcome;
  readonly undo: (() => Promise<void>) | null;
  readonly report: StateReport | null;
}

async function prepareAttempt(
  session: PhoneSession,
  attemptId: number,
  scenario: Scenario,
  expectation: Expectation,
  ctx: StateContext,
): Promise<Prepared> {
  const { plan } = session.run;
  let undo: (() => Promise<void>) | null = null;
  let entered: StateReport | null = null;
  try {
    if (expectation.needsPositiveControl && session.controlShown !== true && !session.controlTried) {
      await step(
        session,
        attemptId,
        'positive-control',
        () => runPositiveControl(session, attemptId),
        (shown) => (shown ? 'the control push showed' : 'the control push did not show'),
      );
    }
    const allowance = scenario.state === 'after-reboot' ? REBOOT_ALLOWANCE_MS : 0;
    await step(
      session,
      attemptId,
      'enter-state',
      async () => {
        // Leftover notifications of the app would crowd the shade (Android keeps 50 per app): a force-stop clears them.
        if (session.dirty) await forceStop(session.io, plan.app.package);
        session.dirty = false;
        const applied = await applyScenarioSetup(session.io, scenario, session.context, plan.app.package);
        if (applied.blocked !== null)
          throw new LabError('COMMAND_FAILED', applied.blocked, { zh: { message: applied.blockedZh } });
        undo = () => applied.undo();
        const report = await withTimeout(
          enterState(session.io, scenario.state, ctx),
          plan.timeouts.stepMs + allowance,
          { en: `Putting the app in "${scenario.state}"`, zh: `让应用进入“${scenario.state}”状态` },
        );
        session.run.deps.repo.addEvidence(attemptId, {
          kind: 'state',
          data: report,
          at: session.run.deps.clock.now(),
        });
        entered = report;
        if (!report.ok) throw stateNotReached(report, scenario.state);
        return report;
      },
      (r) => `${r.state} proven by ${r.checks.length} read-back(s)`,
    );
    return { outcome: { kind: 'ok' }, undo, report: entered };
  } catch (error) {
    const info = toErrorInfo(error);
    return {
      outcome: phoneGone(session, error)
        ? { kind: 'device-lost', error: info }
        : { kind: 'failed', error: info },
      undo,
      report: entered,
    };
  }
}

async function send(
  session: PhoneSession,
  scenario: Scenario,
  expectation: Expectation,
): Promise<SendReceipt> {
  const { plan, sender } = session.run;
  const token = session.token ?? deviceTokenFor(plan, session.phone.serial);
  return withTimeout(
    sender.send(sendRequestFor(session, scenario, expectation, token)),
    // The manual sender waits for a person; give them the push window too.
    plan.timeouts.stepMs + (plan.sender.kind === 'manual' ? plan.timeouts.pushMs * 10 : 1000),
    { en: `Sending the push for ${scenario.id}`, zh: `发送场景 ${scenario.id} 的推送` },
  );
}

/** Leaves the state and undoes the scenario's set-up; trouble here is logged, never a verdict. */
async function restore(
  session: PhoneSession,
  attemptId: number,
  scenario: Scenario,
  ctx: StateContext,
  undo: (() => Promise<void>) | null,
): Promise<void> {
  if (phoneGone(session)) return;
  await step(
    session,
    attemptId,
    'leave-state',
    async () => {
      const report = await withTimeout(
        leaveState(session.io, scenario.state, ctx),
        session.run.plan.timeouts.stepMs,
        { en: `Leaving "${scenario.state}"`, zh: `离开“${scenario.state}”状态` },
      );
      if (undo) await undo();
      return report;
    },
    (r) => (r.ok ? 'restored' : r.reason),
  ).catch((error: unknown) => {
    session.run.deps.logger.warn('leaving a state failed', {
      serial: session.phone.serial,
      state: scenario.state,
      error: toErrorInfo(error).message,
    });
  });
}

async function tapCheck(
  session: PhoneSession,
  attemptId: number,
  ext: string,
  record: PushCapture['records'][number]['info'],
  passed: Verdict,
): Promise<Verdict> {
  const tap = session.run.deps.tap;
  const detailOf = (d: string): Verdict['reason']['values'] => ({ detail: d.slice(0, 300) });
  if (!tap)
    return {
      ...passed,
      kind: 'inconclusive',
      reason: { key: 'inconclusive.tap-unverified', values: detailOf('no tap driver in this lab') },
    };
  try {
    const result = await step(
      session,
      attemptId,
      'tap',
      () =>
        tap.tap(session.io, record, {
          package: session.run.plan.app.package,
          ext,
          serial: session.phone.serial,
        }),
      (r) => `${r.method}: ${r.detail}`,
    );
    session.run.deps.repo.addEvidence(attemptId, {
      kind: 'tap',
      data: result,
      at: session.run.deps.clock.now(),
    });
    if (result.landed === true) return passed;
    if (result.landed === false)
      return {
        ...passed,
        kind: 'fail',
        reason: { key: 'fail.wrong-redirect', values: detailOf(result.detail) },
      };
    return {
      ...passed,
      kind: 'inconclusive',
      reason: { key: 'inconclusive.tap-unverified', values: detailOf(result.detail) },
    };
  } catch (error) {
    return {
      ...passed,
      kind: 'inconclusive',
      reason: { key: 'inconclusive.tap-unverified', values: detailOf(toErrorInfo(error).message) },
    };
  }
}

/** A cancelled run leaves the attempt open (no verdict): resuming runs it again from the start. */
function stopIfCancelled(session: PhoneSession): void {
  if (session.run.signal.aborted)
    throw new LabError('CANCELLED', 'The run was stopped.', { zh: { message: '运行已停止。' } });
}

function finish(
  session: PhoneSession,
  attemptId: number,
  verdict: Verdict,
  latencyMs: number | null,
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
