/**
 * One attempt on an adb phone, as the engine's attempt loop drives it: clock refresh, (clear
 * leftovers) → positive control if needed → scenario set-up and app state → send → capture (and
 * after Doze) → leave state → shade screenshot and logcat → tap-to-redirect.
 */
import type { AttemptView } from '../../../../shared/domain/run';
import { deviceTokenFor } from '../../../../shared/runs/plan';
import type { ObservedRecord, SetupOutcome, Verdict } from '../../../../shared/runs/types';
import { expectFor } from '../../../../shared/scenarios/rules/expect';
import type { Expectation, Scenario } from '../../../../shared/scenarios/types';
import { withTimeout } from '../../util/timeout';
import { forceStop } from '../commands/force-stop';
import { LabError, toErrorInfo } from '../../errors';
import type { SendReceipt } from '../../push/sender-types';
import { enterState, leaveState } from '../app-states';
import type { StateContext, StateReport } from '../app-states/types';
import { controlFirst, stopIfCancelled } from '../../runs/engine/attempt-end';
import { runAttemptLoop, type AttemptDriver } from '../../runs/engine/attempt-loop';
import { collectEvidence, storeCapture } from './attempt-evidence';
import { capturePush, type PushCapture } from './capture-push';
import { refreshClockOffset } from './clock-refresh';
import { runPositiveControl } from './positive-control';
import { senderCannotTest } from '../../runs/engine/sender-limits';
import { sendRequestFor } from './send-request';
import { runDiagnoseLeg } from './diagnose-leg';
import { applyScenarioSetup, setupOutOfReach } from './scenario-setup';
import { step } from '../../runs/engine/session';
import type { PhoneSession } from './phone-session';
import { phoneGone, stateContext } from './state-context';
import { stateNotReached } from '../../runs/engine/state-error';
import type { NotificationRecordInfo } from '../parsers/notification-records';

const REBOOT_ALLOWANCE_MS = 180_000;

export function runAttempt(session: PhoneSession, attempt: AttemptView): Promise<Verdict> {
  return runAttemptLoop(phoneAttempt(session), attempt);
}

/** The phone half of one attempt, over adb. */
function phoneAttempt(session: PhoneSession): AttemptDriver<NotificationRecordInfo> {
  const { plan } = session.run;
  const ctx = stateContext(session);
  let undo: (() => Promise<void>) | null = null;
  return {
    session,
    outOfReach: (scenario) => setupOutOfReach(scenario, session.context),
    refuse: (scenario) => {
      const unfit = senderCannotTest(scenario, plan.sender.kind);
      if (unfit !== null)
        return {
          code: 'PLAN_INVALID',
          message: `Not run with this sender: ${unfit.en}`,
          zh: { message: `未用此发送方式运行：${unfit.zh}` },
        };
      if (session.account !== null) return null;
      return {
        code: 'PLAN_INVALID',
        message: `The plan gives no test account for ${session.phone.serial}.`,
        hint: 'Add it under app.accounts.serials or app.accounts.vendors.',
        zh: {
          message: `计划没有为 ${session.phone.serial} 提供测试账号。`,
          hint: '请在 app.accounts.serials 或 app.accounts.vendors 下添加。',
        },
      };
    },
    prepare: async (attemptId, scenario, expectation) => {
      // Between attempts the phone's link is quiet: the moment to follow clock drift in long runs
      // (the offset used is kept with each attempt's captured records).
      await refreshClockOffset(session);
      const setup = await prepareAttempt(session, attemptId, scenario, expectation, ctx);
      undo = setup.undo;
      // The state's read-back says whether the app ended in Android's stopped state (some ROMs
      // force-stop on swipe): that decides the expectation where the catalog leaves it to the phone.
      const stopped = setup.report?.checks.find((c) => c.check === 'stopped flag')?.actual;
      const sharper =
        stopped === 'stopped=true' || stopped === 'stopped=false'
          ? expectFor(
              scenario,
              { ...session.context, appStopped: stopped === 'stopped=true' },
              session.run.profile,
            )
          : expectation;
      return { outcome: setup.outcome, expectation: sharper };
    },
    restore: (attemptId, scenario) => restore(session, attemptId, scenario, ctx, undo),
    beforeSend: async () => undefined,
    send: (scenario, expectation) => send(session, scenario, expectation),
    sent: (r) => `sent${r.requestId ? ` (${r.requestId})` : ''}`,
    capture: (attemptId, scenario, expectation, receipt, isMatch) =>
      capture(session, attemptId, scenario, expectation, receipt, isMatch, ctx),
    gone: (error) => phoneGone(session, error),
    lostError: (captured) =>
      captured.errors.at(-1) ?? {
        code: 'DEVICE_LOST',
        message: `${session.phone.serial} went away during the capture.`,
        zh: { message: `${session.phone.serial} 在捕获期间断开了。` },
      },
    // The phone's post time is read in whole ms; the offset's ± carries over to every latency.
    latencyUncertaintyMs: () =>
      Number.isFinite(session.offset.uncertaintyMs) ? session.offset.uncertaintyMs + 1 : null,
    evidence: (attemptId, receipt) => collectEvidence(session, attemptId, receipt),
    redirect: (attemptId, ext, record, passed) => tapCheck(session, attemptId, ext, record.info, passed),
    diagnose: (attemptId, scenario, expectation, tencent) =>
      runDiagnoseLeg(session, attemptId, scenario, expectation, tencent),
  };
}

/** Watches for the app's records; a Doze scenario that saw nothing wakes the phone and watches on. */
async function capture(
  session: PhoneSession,
  attemptId: number,
  scenario: Scenario,
  expectation: Expectation,
  receipt: SendReceipt,
  isMatch: (record: ObservedRecord) => boolean,
  ctx: StateContext,
): Promise<{ captured: PushCapture; idleLeft: boolean }> {
  const { deps, plan } = session.run;
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
    attemptId,
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
      attemptId,
      'leave-state',
      () => leaveState(session.io, scenario.state, ctx),
      (r) => (r.ok ? 'left Doze' : r.reason),
    );
    idleLeft = true;
    const more = await step(
      session,
      attemptId,
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
  storeCapture(session, attemptId, captured);
  session.dirty = captured.records.length > 0;
  return { captured, idleLeft };
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
    await controlFirst(session, attemptId, expectation.needsPositiveControl, () =>
      runPositiveControl(session, attemptId),
    );
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
  const tap = session.ports.tap;
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
