/**
 * Runs the app profile's account actions (login, logout, kick): an adb shell template with every
 * value quoted, a deep link opened with `am start -a VIEW`, or a prompt the operator answers.
 */
import type { PlanAppAction } from '../../../../shared/runs/plan';
import { fillTemplate, templateProblemTexts } from '../../../../shared/runs/template';
import type { AdbDeviceIo } from '../../adb/device-io';
import { assertPackageName, quoteShellArg, shellCommand } from '../../adb/quote';
import { assertSerial } from '../../adb/serial';
import { LabError } from '../../errors';
import type { OperatorPort } from '../../push/sender-types';

export interface ActionValues {
  readonly package: string;
  readonly account: string;
  readonly serial: string;
}

/** What `am` prints when it could not do what was asked (the command itself still exits 0). */
const AM_FAILURE = /^(Error( type \d+)?:|Exception|java\.lang\.\w+|Activity not started|Error occurred)/m;

const TEMPLATE_HINT =
  "Fix the plan's app.login / logout / kick template as the message says; `pushlab run --plan` shows every problem.";
const TEMPLATE_HINT_ZH =
  '请按消息所说修改计划中的 app.login / logout / kick 模板；`pushlab run --plan` 会列出所有问题。';
// C0/C1 controls and line breaks: a value is one line of text, whatever the quoting.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Each value is checked before it is quoted into a command line for the phone's shell. */
function checkedValues(values: ActionValues): ActionValues {
  if (CONTROL.test(values.account) || values.account.length === 0 || values.account.length > 256) {
    const shown = JSON.stringify(values.account.slice(0, 80));
    throw new LabError('INVALID_ARGUMENT', `The test account ${shown} cannot go into a command.`, {
      hint: 'Use one line of 1-256 characters without control characters (a Tencent UserID: letters, digits, _ - . @).',
      zh: {
        message: `测试账号 ${shown} 不能放入命令。`,
        hint: '请使用一行 1-256 个字符、不含控制字符的账号（腾讯 UserID：字母、数字、_ - . @）。',
      },
    });
  }
  return {
    package: assertPackageName(values.package),
    account: values.account,
    serial: assertSerial(values.serial),
  };
}

/** The shell line an action runs on the phone (templates are re-checked: plans come from files). */
export function actionCommand(
  action: Exclude<PlanAppAction, { kind: 'operator' }>,
  values: ActionValues,
): string {
  if (action.kind === 'shell') {
    const problems = templateProblemTexts(action.template, 'shell');
    if (problems.length > 0) {
      throw new LabError('PLAN_INVALID', `The shell template ${problems.map((p) => p.en).join('; ')}.`, {
        hint: TEMPLATE_HINT,
        zh: {
          message: `\`shell\` 模板有问题：${problems.map((p) => p.zh).join('；')}。`,
          hint: TEMPLATE_HINT_ZH,
        },
      });
    }
    return fillTemplate(action.template, checkedValues(values), quoteShellArg);
  }
  const problems = templateProblemTexts(action.uri, 'deeplink');
  if (problems.length > 0) {
    throw new LabError('PLAN_INVALID', `The deep link ${problems.map((p) => p.en).join('; ')}.`, {
      hint: TEMPLATE_HINT,
      zh: { message: `深层链接有问题：${problems.map((p) => p.zh).join('；')}。`, hint: TEMPLATE_HINT_ZH },
    });
  }
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
    await operator.ask(
      { serial: values.serial, text: `${action.prompt} (${name}: ${values.account} on ${values.serial})` },
      options.signal,
    );
    return `operator confirmed: ${name}`;
  }
  const command = actionCommand(action, values);
  const output = await io.shell(command, { timeoutMs: options.timeoutMs });
  if (AM_FAILURE.test(output)) {
    throw new LabError('COMMAND_FAILED', `The app's ${name} action failed on ${values.serial}.`, {
      hint: `Check the plan's app.${name} (${action.kind}) on this phone by hand: ${command}`,
      detail: output.slice(0, 2000),
      zh: {
        message: `应用的 ${name} 操作在 ${values.serial} 上失败。`,
        hint: `请在这台手机上手动检查计划的 app.${name}（${action.kind}）：${command}`,
      },
    });
  }
  return command;
}
