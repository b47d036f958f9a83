/**
 * One simulator's share of a run, driven by the engine's device loop: prepare once
 * (simctl answers, the simulator is booted, the app is installed, the account logged in, the
 * app's notification permission read), then every pending attempt in order. A simulator that
 * shuts down or disappears stops here and its open attempts become 'device lost'.
 */
import { LabError } from '../../errors';
import { appContainer } from '../commands/app-container';
import { launchApp } from '../commands/launch-app';
import { describePermission, readNotificationPermission } from '../state/notification-settings';
import type { DeviceLoop } from '../../runs/engine/device-loop';
import type { ResolvedPhone } from '../../runs/engine/resolve-run';
import type { RunContext } from '../../runs/engine/session';
import { runSimulatorAction } from './simulator-actions';
import { runSimulatorAttempt } from './simulator-attempt';
import type { SimulatorPort } from './simulator-port';
import {
  dataPathOf,
  openSimulatorSession,
  simctlOf,
  simulatorGone,
  simulatorOf,
  type SimulatorSession,
} from './simulator-session';

/** A simulator's share of a run, as the engine's device loop drives it. */
export function openSimulatorRun(
  run: RunContext,
  resolved: ResolvedPhone,
  controlShown: boolean | null,
  port: SimulatorPort,
): DeviceLoop {
  const session = openSimulatorSession(run, resolved, controlShown, port);
  const udid = session.phone.serial;
  return {
    run: session.run,
    phone: session.phone,
    isLost: () => session.lost,
    prepare: () => prepare(session),
    attempt: (attempt) => runSimulatorAttempt(session, attempt),
    gone: (error) => simulatorGone(session, error),
    lost: {
      preparing: `${udid} shut down or went away while it was being prepared.`,
      during: `${udid} shut down or went away during the run.`,
      hint: 'Boot the simulator again, then resume the run.',
      zh: {
        preparing: `${udid} 在准备过程中关闭或消失了。`,
        during: `${udid} 在运行期间关闭或消失了。`,
        hint: '请重新启动模拟器，然后继续运行。',
      },
    },
  };
}

async function prepare(session: SimulatorSession): Promise<string[]> {
  const { plan, signal } = session.run;
  const udid = session.phone.serial;
  const bundleId = plan.app.package;
  const notes: string[] = [];
  const runner = simctlOf(session);
  const device = simulatorOf(session);
  if (device.state !== 'Booted') {
    throw new LabError('DEVICE_NOT_READY', `Simulator ${device.name} is ${device.state}.`, {
      hint: 'Boot it (Simulator app, or `xcrun simctl boot <udid>`), then run again.',
      zh: {
        message: `模拟器 ${device.name} 的状态为 ${device.state}。`,
        hint: '请启动它（Simulator 应用，或 `xcrun simctl boot <udid>`），然后重新运行。',
      },
    });
  }
  if (plan.build && plan.build.install !== false)
    notes.push('build.apk is an Android package: the simulator runs the app already installed on it');
  const container = await appContainer(runner, udid, bundleId, 'app');
  if (container === null) {
    throw new LabError('NOT_FOUND', `${bundleId} is not installed on simulator ${device.name}.`, {
      hint: `Install the simulator build: xcrun simctl install ${udid} /path/to/App.app`,
      zh: {
        message: `模拟器 ${device.name} 上没有安装 ${bundleId}。`,
        hint: `请安装模拟器构建：xcrun simctl install ${udid} /path/to/App.app`,
      },
    });
  }
  notes.push(`${bundleId} installed`);
  if (session.account === null) {
    throw new LabError('PLAN_INVALID', `The plan gives no test account for ${udid}.`, {
      hint: 'Add it under app.accounts.serials (simulators are named by UDID).',
      zh: {
        message: `计划没有为 ${udid} 提供测试账号。`,
        hint: '请在 app.accounts.serials 下添加（模拟器以 UDID 命名）。',
      },
    });
  }
  notes.push(await runSimulatorAction(session, 'login', plan.app.login));
  // Launching lets an app that asks for notification permission on start do so.
  await launchApp(runner, udid, bundleId, { signal });
  notes.push(`launched ${bundleId}`);
  const permission = await readNotificationPermission(dataPathOf(session), bundleId);
  notes.push(describePermission(permission, bundleId));
  const settings = permission.state === 'read' ? permission.settings : null;
  if (settings === null || settings.authorization === 'notDetermined' || settings.allowed === null) {
    throw new LabError(
      'DEVICE_NOT_READY',
      `${bundleId} may not show notifications on ${device.name} yet: it has not asked, or nobody answered its prompt.`,
      {
        hint: 'Open the app on the simulator and tap Allow when it asks (simctl cannot grant notification permission), then run again.',
        zh: {
          message: `${bundleId} 可能还不能在 ${device.name} 上显示通知：它还没有请求权限，或没有人回应它的提示。`,
          hint: '请在模拟器上打开应用，在它请求时点按“允许”（simctl 无法授予通知权限），然后重新运行。',
        },
      },
    );
  }
  session.context = { ...session.context, notificationsBlocked: !settings.allowed };
  notes.push("clock: the simulator shares the Mac's clock");
  return notes;
}
