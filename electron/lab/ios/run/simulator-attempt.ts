/**
 * One attempt on a simulator, as the engine's attempt loop drives it: positive control if needed →
 * app state (simctl) → send → capture (DeliveredNotifications.plist) → leave state → screenshot.
 * Same steps, evidence and verdict rules as on a phone; scenarios a simulator cannot answer are
 * 'blocked' with why.
 */
import type { AttemptView } from '../../../../shared/domain/run';
import type { SetupOutcome, Verdict } from '../../../../shared/runs/types';
import type { Expectation, Scenario } from '../../../../shared/scenarios/types';
import { withTimeout } from '../../util/timeout';
import { toErrorInfo } from '../../errors';
import { controlFirst, stopIfCancelled } from '../../runs/engine/attempt-end';
import { runAttemptLoop, type AttemptDriver } from '../../runs/engine/attempt-loop';
import { step } from '../../runs/engine/session';
import { stateNotReached } from '../../runs/engine/state-error';
import type { DeliveredNotification } from '../parsers/delivered-notifications';
import { captureDelivered, deliveredKeys, type SimulatorCapture } from './simulator-capture';
import { runSimulatorControl, sendFor } from './simulator-control';
import { simulatorBlock } from './simulator-limits';
import { dataPathOf, portFor, simulatorGone, type SimulatorSession } from './simulator-session';
import { enterSimulatorState, leaveSimulatorState } from './simulator-states';

export function runSimulatorAttempt(session: SimulatorSession, attempt: AttemptView): Promise<Verdict> {
  return runAttemptLoop(simulatorAttempt(session), attempt);
}

/** The simulator half of one attempt, through simctl and the simulator's files on the Mac. */
function simulatorAttempt(session: SimulatorSession): AttemptDriver<DeliveredNotification> {
  const { plan, deps } = session.run;
  const bundleId = plan.app.package;
  let dataPath = '';
  let baseline = new Set<string>();
  return {
    session,
    outOfReach: () => null,
    refuse: (scenario) => {
      if (session.account === null) {
        return {
          code: 'PLAN_INVALID',
          message: `The plan gives no test account for ${session.phone.serial}.`,
          hint: 'Add it under app.accounts.serials (simulators are named by UDID).',
          zh: {
            message: `计划没有为 ${session.phone.serial} 提供测试账号。`,
            hint: '请在 app.accounts.serials 下添加（模拟器以 UDID 命名）。',
          },
        };
      }
      const blocked = simulatorBlock(scenario, plan.sender.kind, session.context);
      if (blocked === null) return null;
      return {
        code: 'PLAN_INVALID',
        message: blocked.en,
        hint: 'Leave this scenario out for simulators, or run it where it can be tested.',
        zh: { message: blocked.zh, hint: '请在模拟器的计划中去掉此场景，或在能测试它的地方运行。' },
      };
    },
    prepare: async (attemptId, scenario, expectation) => ({
      outcome: await prepareState(session, attemptId, scenario, expectation),
      expectation,
    }),
    restore: (attemptId, scenario) => restore(session, attemptId, scenario),
    beforeSend: async () => {
      dataPath = dataPathOf(session);
      baseline = await deliveredKeys(dataPath, bundleId);
    },
    send: (scenario, expectation) =>
      withTimeout(
        session.run.sender.send(sendFor(session, scenario, expectation)),
        plan.timeouts.stepMs + 1000,
        {
          en: `Sending the push for ${scenario.id}`,
          zh: `发送场景 ${scenario.id} 的推送`,
        },
      ),
    sent: () =>
      plan.sender.kind === 'simctl' ? 'sent with simctl push' : `sent by the ${plan.sender.kind} sender`,
    capture: async (attemptId, _scenario, _expectation, receipt, isMatch) => {
      const captured: SimulatorCapture = await step(
        session,
        attemptId,
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
      deps.repo.addEvidence(attemptId, {
        kind: 'record',
        data: {
          records: captured.records.map((r) => ({ ...r.info, latencyMs: r.latencyMs, seenAt: r.seenAt })),
          readErrors: captured.readErrors,
          errors: captured.errors,
          clockOffset: { offsetMs: 0, uncertaintyMs: 0 },
        },
        at: deps.clock.now(),
      });
      return { captured };
    },
    gone: (error) => simulatorGone(session, error),
    lostError: () => ({
      code: 'DEVICE_LOST',
      message: `${session.phone.serial} stopped being a booted simulator during the capture.`,
      zh: { message: `${session.phone.serial} 在捕获期间不再是已启动的模拟器。` },
    }),
    // A simulator runs on the host's clock: no offset to be unsure of.
    latencyUncertaintyMs: () => 0,
    evidence: (attemptId) => screenshot(session, attemptId),
    redirect: async (_attemptId, ext, record, passed) => extCheck(passed, ext, record.info.userInfo?.ext),
  };
}

async function prepareState(
  session: SimulatorSession,
  attemptId: number,
  scenario: Scenario,
  expectation: Expectation,
): Promise<SetupOutcome> {
  try {
    await controlFirst(session, attemptId, expectation.needsPositiveControl, () =>
      runSimulatorControl(session, attemptId),
    );
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
