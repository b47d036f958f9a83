/**
 * The plan's account actions (login, logout, kick) on a simulator: a deep link opened with
 * `simctl openurl`, or a prompt the operator answers. Shell templates are adb shell commands, so
 * they have no meaning on a simulator: with the simctl or apns sender (no backend, the account
 * plays no part) login is skipped with a note; otherwise the plan must give a deep link or a prompt.
 */
import type { PlanAppAction } from '../../../../shared/runs/plan';
import { fillTemplate, templateProblemTexts } from '../../../../shared/runs/template';
import { LabError } from '../../errors';
import { openUrl } from '../commands/open-url';
import { simctlOf, type SimulatorSession } from './simulator-session';

export type ActionName = 'login' | 'logout' | 'kick';

/** Runs the action; returns what was done (or why it was skipped), for the step's detail. */
export async function runSimulatorAction(
  session: SimulatorSession,
  name: ActionName,
  action: PlanAppAction | undefined,
): Promise<string> {
  const { plan, operator, signal } = session.run;
  const account = session.account?.account ?? '';
  const udid = session.phone.serial;
  if (action === undefined) {
    throw new LabError('PLAN_INVALID', `The plan has no app.${name} action, which this scenario needs.`, {
      hint: `Add "${name}" to "app" in the plan (a deep link or an operator prompt for iOS).`,
      zh: {
        message: `计划中没有 app.${name} 操作，而这个场景需要它。`,
        hint: `请在计划的 "app" 中添加 "${name}"（iOS 上用深层链接或操作员提示）。`,
      },
    });
  }
  switch (action.kind) {
    case 'operator':
      await operator.ask(
        { serial: udid, text: `${action.prompt} (${name}: ${account} on simulator ${udid})` },
        signal,
      );
      session.lastAccountAction = name;
      return `operator confirmed: ${name}`;
    case 'deeplink': {
      const problems = templateProblemTexts(action.uri, 'deeplink');
      if (problems.length > 0) {
        const en = problems.map((p) => p.en).join('; ');
        throw new LabError('PLAN_INVALID', `The deep link ${en}.`, {
          zh: { message: `深层链接有问题：${problems.map((p) => p.zh).join('；')}。` },
        });
      }
      const url = fillTemplate(
        action.uri,
        { package: plan.app.package, account, serial: udid },
        encodeURIComponent,
      );
      await openUrl(simctlOf(session), udid, url, { timeoutMs: plan.timeouts.stepMs, signal });
      session.lastAccountAction = name;
      return `simctl openurl ${url}`;
    }
    case 'shell':
      if (name === 'login' && (plan.sender.kind === 'simctl' || plan.sender.kind === 'apns')) {
        const why =
          plan.sender.kind === 'simctl'
            ? 'simctl push needs no logged-in account'
            : 'the apns sender addresses the device token, not the account';
        return `login skipped: the plan's login is an adb shell command, and ${why}`;
      }
      throw new LabError(
        'PLAN_INVALID',
        `The plan's app.${name} is an adb shell command, which cannot run on an iOS simulator.`,
        {
          hint: `Give app.${name} as a deep link (opened with simctl openurl) or an operator prompt.`,
          zh: {
            message: `计划的 app.${name} 是 adb shell 命令，无法在 iOS 模拟器上运行。`,
            hint: `请把 app.${name} 写成深层链接（用 simctl openurl 打开）或操作员提示。`,
          },
        },
      );
  }
}
