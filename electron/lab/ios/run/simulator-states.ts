/**
 * App states on a simulator, through simctl:
 * - foreground: `simctl launch` the app;
 * - background: launch the app, then launch Settings (com.apple.Preferences) so the app goes to
 *   the background the way pressing Home does (it keeps running, suspended);
 * - swiped-away (killed by the user): launch, background, then `simctl terminate`;
 * - after-reboot: shut the simulator down and boot it again (the app is not running after);
 * - logged-out / kicked-offline: the plan's logout / kick action, then background.
 * simctl cannot lock a simulator's screen, so screen-locked is refused with that reason.
 */
import type { AppState } from '../../../../shared/scenarios/types';
import { LabError, toErrorInfo } from '../../errors';
import { bootSimulator } from '../commands/boot';
import { waitUntilBooted } from '../commands/boot-status';
import { launchApp } from '../commands/launch-app';
import { shutdownSimulator } from '../commands/shutdown';
import { terminateApp } from '../commands/terminate-app';
import type { StateCheck, StateReport } from '../../android/app-states/types';
import { runSimulatorAction } from './simulator-actions';
import { portFor, simctlOf, type SimulatorSession } from './simulator-session';

/** The app launched to send the app under test to the background: always present on iOS. */
export const BACKGROUND_APP = 'com.apple.Preferences';
const REBOOT_TIMEOUT_MS = 180_000;

/** States this lab can put an app in on a simulator. */
export const SIMULATOR_STATES: readonly AppState[] = [
  'foreground',
  'background',
  'swiped-away',
  'after-reboot',
  'logged-out',
  'kicked-offline',
];

export async function enterSimulatorState(session: SimulatorSession, state: AppState): Promise<StateReport> {
  const steps: string[] = [];
  const checks: StateCheck[] = [];
  const at = (): string => session.run.deps.clock.iso();
  const bundle = session.run.plan.app.package;
  const udid = session.phone.serial;
  const check = (name: string, expected: string, actual: string): void =>
    void checks.push({ check: name, expected, actual, ok: expected === actual });
  const launch = async (id: string): Promise<void> => {
    const pid = await launchApp(simctlOf(session), udid, id, { signal: session.run.signal });
    steps.push(`simctl launch ${id}`);
    check(`${id} launched`, 'running', pid === null ? 'no pid printed' : 'running');
  };
  try {
    switch (state) {
      case 'foreground':
        await launch(bundle);
        break;
      case 'background':
        await launch(bundle);
        await launch(BACKGROUND_APP);
        break;
      case 'swiped-away': {
        await launch(bundle);
        await launch(BACKGROUND_APP);
        const { wasRunning } = await terminateApp(simctlOf(session), udid, bundle);
        steps.push(`simctl terminate ${bundle}`);
        check(`${bundle} terminated`, 'was running', wasRunning ? 'was running' : 'was not running');
        break;
      }
      case 'after-reboot':
        await reboot(session, steps, check);
        break;
      case 'logged-out':
      case 'kicked-offline': {
        const action = state === 'logged-out' ? 'logout' : 'kick';
        steps.push(await runSimulatorAction(session, action, session.run.plan.app[action]));
        await launch(BACKGROUND_APP);
        break;
      }
      default:
        return report(
          state,
          false,
          `simctl cannot put an app in "${state}" on a simulator${state === 'screen-locked' ? ' (it has no way to lock the screen)' : ''}.`,
          steps,
          checks,
          null,
          at(),
        );
    }
  } catch (error) {
    const info = toErrorInfo(error);
    return report(state, false, info.message, steps, checks, info, at());
  }
  const failed = checks.find((c) => !c.ok);
  return report(
    state,
    failed === undefined,
    failed ? `${failed.check}: expected ${failed.expected}, got ${failed.actual}` : null,
    steps,
    checks,
    null,
    at(),
  );
}

/** Undoes what entering did where it matters: log the account back in. */
export async function leaveSimulatorState(session: SimulatorSession, state: AppState): Promise<string> {
  if (state === 'logged-out' || state === 'kicked-offline')
    return runSimulatorAction(session, 'login', session.run.plan.app.login);
  return 'nothing to undo';
}

async function reboot(
  session: SimulatorSession,
  steps: string[],
  check: (name: string, expected: string, actual: string) => void,
): Promise<void> {
  const udid = session.phone.serial;
  const port = portFor(session);
  await shutdownSimulator(simctlOf(session), udid);
  steps.push('simctl shutdown');
  await bootSimulator(simctlOf(session), udid);
  steps.push('simctl boot');
  await waitUntilBooted(simctlOf(session), udid, {
    timeoutMs: REBOOT_TIMEOUT_MS,
    signal: session.run.signal,
  });
  steps.push('simctl bootstatus -b');
  const deadline = session.run.deps.clock.now() + REBOOT_TIMEOUT_MS;
  for (;;) {
    await port.refresh();
    const state = port.simulator(udid)?.state;
    if (state === 'Booted') break;
    if (session.run.signal.aborted)
      throw new LabError('CANCELLED', 'The run was stopped.', { zh: { message: '运行已停止。' } });
    if (session.run.deps.clock.now() > deadline)
      throw new LabError(
        'TIMEOUT',
        `Simulator ${udid} did not boot again within ${REBOOT_TIMEOUT_MS / 1000} s.`,
        {
          hint: 'Boot it in the Simulator app, then resume the run.',
          zh: {
            message: `模拟器 ${udid} 没有在 ${REBOOT_TIMEOUT_MS / 1000} 秒内重新启动。`,
            hint: '请在 Simulator 应用中启动它，然后继续运行。',
          },
        },
      );
    await new Promise((r) => setTimeout(r, 250));
  }
  check('simulator booted again', 'Booted', 'Booted');
}

function report(
  state: AppState,
  ok: boolean,
  reason: string | null,
  steps: string[],
  checks: StateCheck[],
  error: StateReport['error'],
  at: string,
): StateReport {
  return { state, ok, reason, steps, checks, error, at };
}
