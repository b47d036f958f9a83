/**
 * Runs the app profile's account actions (login, logout, kick): an adb shell template with every
 * value quoted, a deep link opened with `am start -a VIEW`, or a prompt the operator answers.
 */
import type { PlanAppAction } from '../../../../shared/runs/plan';
import { fillTemplate, templateProblems } from '../../../../shared/runs/template';
import type { AdbDeviceIo } from '../../adb/device-io';
import { quoteShellArg, shellCommand } from '../../adb/quote';
import { LabError } from '../../errors';
import type { OperatorPort } from '../../push/senders/types';

export interface ActionValues {
  readonly package: string;
  readonly account: string;
  readonly serial: string;
}

/** What `am` prints when it could not do what was asked (the command itself still exits 0). */
const AM_FAILURE = /^(Error( type \d+)?:|Exception|java\.lang\.\w+|Activity not started|Error occurred)/m;

/** The shell line an action runs on the phone (templates are re-checked: plans come from files). */
export function actionCommand(action: Exclude<PlanAppAction, { kind: 'operator' }>, values: ActionValues): string {
  if (action.kind === 'shell') {
    const problems = templateProblems(action.template, 'shell');
    if (problems.length > 0) throw new LabError('PLAN_INVALID', `The shell template ${problems.join('; ')}.`);
    return fillTemplate(action.template, values, quoteShellArg);
  }
  const problems = templateProblems(action.uri, 'deeplink');
  if (problems.length > 0) throw new LabError('PLAN_INVALID', `The deep link ${problems.join('; ')}.`);
  const uri = fillTemplate(action.uri, values, encodeURIComponent);
  return shellCommand('am start -a android.intent.action.VIEW -d', uri);
}

export async function runAppAction(
  name: 'login' | 'logout' | 'kick',
  action: PlanAppAction,
  values: ActionValues,
  io: AdbDeviceIo,
  operator: OperatorPort,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<string> {
  if (action.kind === 'operator') {
    await operator.ask({ serial: values.serial, text: `${action.prompt} (${name}: ${values.account} on ${values.serial})` }, options.signal);
    return `operator confirmed: ${name}`;
  }
  const command = actionCommand(action, values);
  const output = await io.shell(command, { timeoutMs: options.timeoutMs });
  if (AM_FAILURE.test(output)) {
    throw new LabError('COMMAND_FAILED', `The app's ${name} action failed on ${values.serial}.`, {
      hint: `Check the plan's app.${name} (${action.kind}) on this phone by hand: ${command}`,
      detail: output.slice(0, 2000),
    });
  }
  return command;
}
