/**
 * One simulator's share of a run (the iOS twin of PhoneSession): the run-wide context plus what
 * its attempts need. There is no adb here: everything goes through simctl and the simulator's
 * files on the Mac, which the simulator port provides.
 */
import { accountFor } from '../../../../../shared/runs/parse-plan';
import type { PlanAccount } from '../../../../../shared/runs/plan';
import type { RunPhone } from '../../../../../shared/runs/types';
import type { PhoneContext } from '../../../../../shared/scenarios/types';
import { LabError, toErrorInfo } from '../../../errors';
import type { SimDevice } from '../../../ios/parsers/simctl-list';
import type { SimctlRunner } from '../../../ios/simctl/runner';
import type { ResolvedPhone } from '../resolve-run';
import type { RunContext } from '../session';
import type { SimulatorPort } from './simulator-port';

export interface SimulatorSession {
  readonly kind: 'simulator';
  readonly run: RunContext;
  readonly phone: RunPhone;
  readonly account: PlanAccount | null;
  context: PhoneContext;
  /** A push that must show did show on this simulator in this run (the positive control). */
  controlShown: boolean | null;
  controlTried: boolean;
  lastAccountAction: 'login' | 'logout' | 'kick' | null;
  lost: boolean;
}

export function openSimulatorSession(
  run: RunContext,
  resolved: ResolvedPhone,
  controlShown: boolean | null,
): SimulatorSession {
  return {
    kind: 'simulator',
    run,
    phone: resolved.phone,
    // Vendor accounts are for Android channels: a simulator takes its account by UDID.
    account: accountFor(run.plan, resolved.phone.serial, null),
    context: resolved.context,
    controlShown,
    controlTried: false,
    lastAccountAction: null,
    lost: false,
  };
}

export function isSimulatorSession(session: object): session is SimulatorSession {
  return (session as { kind?: unknown }).kind === 'simulator';
}

function portOf(session: SimulatorSession): SimulatorPort {
  const port = session.run.deps.simulators;
  if (!port) {
    throw new LabError('DEVICE_NOT_READY', 'This lab has no iOS support, so simulators cannot run here.', {
      hint: 'Run the plan from the PushLab app or CLI on a Mac with Xcode.',
      zh: {
        message: '这个实验室不支持 iOS，因此无法在这里运行模拟器。',
        hint: '请在装有 Xcode 的 Mac 上用 PushLab 应用或 CLI 运行该计划。',
      },
    });
  }
  return port;
}

export function portFor(session: SimulatorSession): SimulatorPort {
  return portOf(session);
}

/** simctl, or a plain reason why iOS is unavailable now. */
export function simctlOf(session: SimulatorSession): SimctlRunner {
  const runner = portOf(session).runner();
  if (!runner) {
    throw new LabError(
      'DEVICE_LOST',
      `iOS simulators are not available any more (xcrun simctl does not answer), so ${session.phone.serial} cannot be reached.`,
      {
        hint: 'Check Xcode, then resume the run.',
        zh: {
          message: `iOS 模拟器已不可用（xcrun simctl 没有响应），因此无法连接 ${session.phone.serial}。`,
          hint: '请检查 Xcode，然后继续运行。',
        },
      },
    );
  }
  return runner;
}

/** The simulator as simctl lists it now; DEVICE_LOST when simctl no longer lists it. */
export function simulatorOf(session: SimulatorSession): SimDevice {
  const device = portOf(session).simulator(session.phone.serial);
  if (!device) {
    throw new LabError(
      'DEVICE_LOST',
      `Simulator ${session.phone.serial} is no longer listed by simctl (deleted?).`,
      {
        hint: 'Check `xcrun simctl list devices`, then resume the run.',
        zh: {
          message: `simctl 不再列出模拟器 ${session.phone.serial}（已被删除？）。`,
          hint: '请检查 `xcrun simctl list devices`，然后继续运行。',
        },
      },
    );
  }
  return device;
}

/** Where the simulator's files are on the Mac (data/Library/…). */
export function dataPathOf(session: SimulatorSession): string {
  const path = simulatorOf(session).dataPath;
  if (!path) {
    throw new LabError(
      'DEVICE_NOT_READY',
      `simctl does not report where ${session.phone.serial} keeps its files (Xcode 8 or older), so delivered notifications cannot be read.`,
      {
        hint: 'Use Xcode 9 or newer.',
        zh: {
          message: `simctl 没有报告 ${session.phone.serial} 的文件位置（Xcode 8 或更早），因此无法读取已送达的通知。`,
          hint: '请使用 Xcode 9 或更新版本。',
        },
      },
    );
  }
  return path;
}

/** True when the simulator is gone or no longer booted (as a lost phone is for Android). */
export function simulatorGone(session: SimulatorSession, error?: unknown): boolean {
  if (error !== undefined && toErrorInfo(error).code === 'DEVICE_LOST') return true;
  return session.run.deps.phones.get(session.phone.serial)?.state !== 'device';
}
