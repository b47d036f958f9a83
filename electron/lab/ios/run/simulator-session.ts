/**
 * One simulator's share of a run (the iOS twin of PhoneSession): the run-wide context plus what
 * its attempts need. There is no adb here: everything goes through simctl and the simulator's
 * files on the Mac, which the simulator port provides.
 */
import { accountFor } from '../../../../shared/runs/parse-plan';
import type { PlanAccount } from '../../../../shared/runs/plan';
import type { RunPhone } from '../../../../shared/runs/types';
import type { PhoneContext } from '../../../../shared/scenarios/types';
import { LabError, toErrorInfo } from '../../errors';
import type { SimDevice } from '../parsers/simctl-list';
import type { SimctlRunner } from '../simctl/runner';
import type { ResolvedPhone } from '../../runs/engine/resolve-run';
import type { RunContext } from '../../runs/engine/session';
import type { SimulatorPort } from './simulator-port';

export interface SimulatorSession {
  readonly run: RunContext;
  /** simctl, the simulators as listed, screenshots. */
  readonly port: SimulatorPort;
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
  port: SimulatorPort,
): SimulatorSession {
  return {
    run,
    port,
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

export function portFor(session: SimulatorSession): SimulatorPort {
  return session.port;
}

/** simctl, or a plain reason why iOS is unavailable now. */
export function simctlOf(session: SimulatorSession): SimctlRunner {
  const runner = session.port.runner();
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
  const device = session.port.simulator(session.phone.serial);
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
