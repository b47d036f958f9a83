/**
 * One attempt on a simulator: positive control if needed → app state (simctl) → send → capture
 * (DeliveredNotifications.plist) → leave state → screenshot → judge. Same steps, evidence and
 * verdict rules as an Android attempt; scenarios a simulator cannot answer are 'blocked' with why.
 */
import type { AttemptView } from '../../../../shared/domain/run';
import type { ErrorInfo } from '../../../../shared/errors';
import { checkRecord, recordMatches } from '../../../../shared/runs/match';
import type { CaptureOutcome, Observation, SetupOutcome, Verdict } from '../../../../shared/runs/types';
import { expectFor } from '../../../../shared/scenarios/rules/expect';
import type { Expectation, Scenario } from '../../../../shared/scenarios/types';
import { withTimeout } from '../../util/timeout';
import { toErrorInfo } from '../../errors';
import type { SendReceipt } from '../../push/sender-types';
import { finishAttempt, stopIfCancelled } from '../../runs/engine/attempt-end';
import { judge } from '../../runs/verdict';
import { scenarioOf } from '../../runs/engine/resolve-run';
import { step } from '../../runs/engine/session';
import { stateNotReached } from '../../runs/engine/state-error';
import { captureDelivered, deliveredKeys, type SimulatorCapture } from './simulator-capture';
import { runSimulatorControl, sendFor } from './simulator-control';
import { simulatorBlock } from './simulator-limits';
import { dataPathOf, portFor, simulatorGone, type SimulatorSession } from './simulator-session';
import { enterSimulatorState, leaveSimulatorState } from './simulator-states';

export async function runSimulatorAttempt(session: SimulatorSession, attempt: AttemptView): Promise<Verdict> {
  const { deps, plan, profile } = session.run;
  const scenario = scenarioOf(attempt.scenarioId);
  deps.repo.startAttempt(attempt.id, deps.clock.now());
  session.run.changed(attempt.id);
  const expectation = expectFor(scenario, session.context, profile);
  const setupFailed = (error: ErrorInfo): Verdict =>
    finishAttempt(
      session,
      attempt.id,
      judge(expectation, { setup: { kind: 'failed', error }, captured: { kind: 'records', records: [] } }),
    );
  if (expectation.outcome === 'not-applicable')
    return finishAttempt(
      session,
      attempt.id,
      judge(expectation, { setup: { kind: 'ok' }, captured: { kind: 'records', records: [] } }),
    );
  if (session.account === null) {
    return setupFailed({
      code: 'PLAN_INVALID',
      message: `The plan gives no test account for ${session.phone.serial}.`,
      hint: 'Add it under app.accounts.serials (simulators are named by UDID).',
      zh: {
        message: `计划没有为 ${session.phone.serial} 提供测试账号。`,
        hint: '请在 app.accounts.serials 下添加（模拟器以 UDID 命名）。',
      },
    });
  }
  const blocked = simulatorBlock(scenario, plan.sender.kind, session.context);
  if (blocked !== null) {
    return setupFailed({
      code: 'PLAN_INVALID',
      message: blocked.en,
      hint: 'Leave this scenario out for simulators, or run it where it can be tested.',
      zh: { message: blocked.zh, hint: '请在模拟器的计划中去掉此场景，或在能测试它的地方运行。' },
    });
  }

  const setup = await prepareState(session, attempt.id, scenario, expectation);
  stopIfCancelled(session);
  if (setup.kind !== 'ok') {
    await restore(session, attempt.id, scenario);
    return finishAttempt(
      session,
      attempt.id,
      judge(expectation, { setup, captured: { kind: 'records', records: [] } }),
    );
  }

  const bundleId = plan.app.package;
  let dataPath: string;
  let baseline: Set<string>;
  let receipt: SendReceipt;
  try {
    dataPath = dataPathOf(session);
    baseline = await deliveredKeys(dataPath, bundleId);
    receipt = await step(
      session,
      attempt.id,
      'send',
      () =>
        withTimeout(
          session.run.sender.send(sendFor(session, scenario, expectation)),
          plan.timeouts.stepMs + 1000,
          { en: `Sending the push for ${scenario.id}`, zh: `发送场景 ${scenario.id} 的推送` },
        ),
      () =>
        plan.sender.kind === 'simctl' ? 'sent with simctl push' : `sent by the ${plan.sender.kind} sender`,
    );
    deps.repo.addEvidence(attempt.id, {
      kind: 'send',
      data: { sentAt: receipt.sentAt, requestId: receipt.requestId, ...receipt.evidence },
      at: deps.clock.now(),
    });
  } catch (error) {
    stopIfCancelled(session);
    await restore(session, attempt.id, scenario);
    const info = toErrorInfo(error);
    const outcome: SetupOutcome = simulatorGone(session, error)
      ? { kind: 'device-lost', error: info }
      : { kind: 'failed', error: info };
    return finishAttempt(
      session,
      attempt.id,
      judge(expectation, { setup: outcome, captured: { kind: 'records', records: [] } }),
    );
  }

  const isMatch = (r: Parameters<typeof checkRecord>[1]): boolean =>
    expectation.outcome === 'shown' ? recordMatches(checkRecord(expectation, r)) : true;
  const captured: SimulatorCapture = await step(
    session,
    attempt.id,
    'capture',
    () =>
      captureDelivered({
        dataPath,
        bundleId,
        since: receipt.sentAt,
        baseline,
        timeoutMs: plan.timeouts.pushMs,
        now: () => deps.clock.now(),
        isMatch,
        present: () => !simulatorGone(session),
        signal: session.run.signal,
        ...(deps.pollMs === undefined ? {} : { pollMs: deps.pollMs }),
      }),
    (c) =>
      `${c.records.length} delivered notification(s)${c.readErrors ? `, ${c.readErrors} read error(s)` : ''}`,
  );
  stopIfCancelled(session);
  deps.repo.addEvidence(attempt.id, {
    kind: 'record',
    data: {
      records: captured.records.map((r) => ({ ...r.info, latencyMs: r.latencyMs, seenAt: r.seenAt })),
      readErrors: captured.readErrors,
      errors: captured.errors,
      clockOffset: { offsetMs: 0, uncertaintyMs: 0 },
    },
    at: deps.clock.now(),
  });
  if (!captured.lost) await restore(session, attempt.id, scenario);

  const lost = captured.lost || simulatorGone(session);
  const notBooted: ErrorInfo = {
    code: 'DEVICE_LOST',
    message: `${session.phone.serial} stopped being a booted simulator during the capture.`,
    zh: { message: `${session.phone.serial} 在捕获期间不再是已启动的模拟器。` },
  };
  const outcome: CaptureOutcome = lost
    ? { kind: 'capture-error', error: notBooted }
    : captured.records.length > 0
      ? { kind: 'records', records: captured.records.map((r) => r.observed) }
      : { kind: 'timeout', readErrors: captured.readErrors };
  const matched =
    captured.records.find((r) => expectation.outcome === 'shown' && isMatch(r.observed)) ??
    captured.records[0] ??
    null;
  const observation: Observation = {
    setup: { kind: 'ok' },
    captured: outcome,
    ...(session.controlShown === null ? {} : { positiveControlShown: session.controlShown }),
    latencyMs: matched?.latencyMs ?? null,
    // A simulator runs on the host's clock: no offset to be unsure of.
    latencyUncertaintyMs: 0,
    timeoutMs: plan.timeouts.pushMs,
  };
  if (!lost) await screenshot(session, attempt.id);
  let verdict = judge(expectation, observation);
  if (verdict.kind === 'pass' && expectation.tapExt !== null && matched !== null)
    verdict = extCheck(verdict, expectation.tapExt, matched.info.userInfo?.ext);
  if (verdict.kind === 'pass' && expectation.outcome === 'shown') session.controlShown = true;
  return finishAttempt(session, attempt.id, verdict);
}

async function prepareState(
  session: SimulatorSession,
  attemptId: number,
  scenario: Scenario,
  expectation: Expectation,
): Promise<SetupOutcome> {
  try {
    if (expectation.needsPositiveControl && session.controlShown !== true && !session.controlTried) {
      await step(
        session,
        attemptId,
        'positive-control',
        () => runSimulatorControl(session, attemptId),
        (shown) => (shown ? 'the control push showed' : 'the control push did not show'),
      );
    }
    await step(
      session,
      attemptId,
      'enter-state',
      async () => {
        const report = await enterSimulatorState(session, scenario.state);
        session.run.deps.repo.addEvidence(attemptId, {
          kind: 'state',
          data: report,
          at: session.run.deps.clock.now(),
        });
        if (!report.ok) throw stateNotReached(report, scenario.state);
        return report;
      },
      (r) => `${r.state} via ${r.steps.join(', ')}`,
    );
    return { kind: 'ok' };
  } catch (error) {
    const info = toErrorInfo(error);
    return simulatorGone(session, error)
      ? { kind: 'device-lost', error: info }
      : { kind: 'failed', error: info };
  }
}

async function restore(session: SimulatorSession, attemptId: number, scenario: Scenario): Promise<void> {
  if (simulatorGone(session)) return;
  await step(session, attemptId, 'leave-state', () => leaveSimulatorState(session, scenario.state)).catch(
    (error: unknown) => {
      session.run.deps.logger.warn('leaving a simulator state failed', {
        udid: session.phone.serial,
        state: scenario.state,
        error: toErrorInfo(error).message,
      });
    },
  );
}

async function screenshot(session: SimulatorSession, attemptId: number): Promise<void> {
  const port = portFor(session);
  if (!port.screenshot) return;
  const take = port.screenshot.bind(port);
  await step(
    session,
    attemptId,
    'evidence',
    async () => {
      try {
        const shot = await take(session.phone.serial);
        session.run.deps.repo.addEvidence(attemptId, {
          kind: 'screenshot',
          path: shot.path,
          at: session.run.deps.clock.now(),
        });
        return 'simulator screenshot kept';
      } catch (error) {
        return `no screenshot: ${toErrorInfo(error).message}`;
      }
    },
    (note) => note,
  );
}

/**
 * Simulators have no tap driver here: a redirect cannot be proven, only disproven when the
 * notification did not carry the ext the app would open.
 */
function extCheck(passed: Verdict, ext: string, carried: unknown): Verdict {
  if (carried !== ext) {
    return {
      ...passed,
      kind: 'fail',
      reason: {
        key: 'fail.wrong-redirect',
        values: {
          detail: `the notification's userInfo carried ${typeof carried === 'string' ? `ext ${carried.slice(0, 200)}` : 'no ext'}`,
        },
      },
    };
  }
  return {
    ...passed,
    kind: 'inconclusive',
    reason: {
      key: 'inconclusive.tap-unverified',
      values: {
        detail:
          'the ext arrived in userInfo; simulators have no tap driver in PushLab, so the redirect itself is not proven',
      },
    },
  };
}
