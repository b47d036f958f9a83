/**
 * The one check between a caller and the request handlers: the channel must be one the contract
 * names and the arguments must fit its zod schema (shared/ipc `requestSchemas`). LabCore.invoke runs
 * it on every call, so main, the web bridge, the CLI and tests get the same refusal, and nothing
 * outside the core validates requests again. A refusal names the argument paths and schema messages
 * (bounded), and comes back as a Result like any other error.
 */
import type { ErrorInfo, LocalizedErrorText } from '../../shared/errors';
import { isRequestChannel, requestSchemas, type RequestArgs, type RequestChannel } from '../../shared/ipc';
import { fail, ok, type Result } from '../../shared/result';
import type { LabInvoke } from './api';
import type { LabCoreOptions } from './compose-types';
import { LabError, toErrorInfo } from './errors';
import type { Handlers } from './handlers';
import type { Logger } from './util/logger';

/** Who asks: the hint of a refusal says what to do in that shell (restart the app, reload the page…). */
export type RequestShell = LabCoreOptions['shell'];

/** Why a request never reached a handler; the web bridge maps it to an HTTP status. */
export type RefusalReason = 'unknown-channel' | 'invalid-arguments';

/** The refusals LabCore.invoke returned, by identity (the wire format stays a plain ErrorInfo). */
const refusals = new WeakMap<ErrorInfo, RefusalReason>();

/** A request refused by the gate: INVALID_ARGUMENT, with en + zh-CN text for the asking shell. */
export class RequestRefused extends LabError {
  public constructor(
    public readonly reason: RefusalReason,
    message: string,
    options: { hint: string; zh: LocalizedErrorText; detail?: string },
  ) {
    super('INVALID_ARGUMENT', message, options);
    this.name = 'RequestRefused';
  }

  /** The refusal as LabCore.invoke returns it; refusalReason() recognises it. */
  public toResult(): Result<never> {
    const info = this.toInfo();
    refusals.set(info, this.reason);
    return fail(info);
  }
}

/** Why the core refused this error's request before any handler ran; null for any other error. */
export function refusalReason(error: ErrorInfo): RefusalReason | null {
  return refusals.get(error) ?? null;
}

const MAX_ECHO = 80;

/** Untrusted text made safe to echo in an error: JSON-quoted (no control characters), bounded. */
export function describeUntrusted(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (value === null || ['number', 'boolean', 'undefined'].includes(typeof value)) text = String(value);
  else text = `<${Array.isArray(value) ? 'array' : typeof value}>`;
  const clipped = text.length > MAX_ECHO ? `${text.slice(0, MAX_ECHO)}…` : text;
  return JSON.stringify(clipped);
}

interface ShellHints {
  readonly outOfStep: string;
  readonly outOfStepZh: string;
  readonly checkValues: string;
  readonly checkValuesZh: string;
}

const APP_HINTS: ShellHints = {
  outOfStep: 'The window and the app are out of step; restart PushLab.',
  outOfStepZh: '窗口和应用的版本不一致；请重启 PushLab。',
  checkValues: 'Check the values you entered; if they look right, restart PushLab and report this.',
  checkValuesZh: '请检查你输入的值；如果看起来没问题，请重启 PushLab 并报告此问题。',
};

const HINTS: Readonly<Record<RequestShell, ShellHints>> = {
  electron: APP_HINTS,
  test: APP_HINTS,
  web: {
    outOfStep: 'The page and the server are out of step; reload the page.',
    outOfStepZh: '页面和服务器的版本不一致；请重新加载页面。',
    checkValues: 'Check the values you entered; if they look right, reload the page.',
    checkValuesZh: '请检查你输入的值；如果看起来没问题，请重新加载页面。',
  },
  cli: {
    outOfStep: 'The PushLab CLI and its core are out of step; reinstall PushLab.',
    outOfStepZh: 'PushLab 命令行与其核心的版本不一致；请重新安装 PushLab。',
    checkValues: 'Check the values you passed; `pushlab --help` shows what each command expects.',
    checkValuesZh: '请检查你传入的值；`pushlab --help` 会说明每个命令需要什么。',
  },
};

function summariseIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.map((p) => String(p)).join('.') : '(arguments)';
      return `${where}: ${issue.message}`;
    })
    .join('; ')
    .slice(0, 500);
}

/** A checked request: the channel, and its arguments as the schema parsed them (unknown keys dropped). */
export interface CheckedRequest<C extends RequestChannel = RequestChannel> {
  readonly channel: C;
  readonly args: RequestArgs<C>;
}

/** Checks one request from outside the core; throws RequestRefused when it does not fit the contract. */
export function checkRequest(channel: unknown, args: unknown, shell: RequestShell): CheckedRequest {
  const hints = HINTS[shell];
  if (!isRequestChannel(channel)) {
    const shown = describeUntrusted(channel);
    throw new RequestRefused('unknown-channel', `Unknown request channel ${shown}.`, {
      hint: hints.outOfStep,
      zh: { message: `未知的请求通道 ${shown}。`, hint: hints.outOfStepZh },
    });
  }
  const parsed = requestSchemas[channel].safeParse(args);
  if (!parsed.success) {
    throw new RequestRefused('invalid-arguments', `Invalid arguments for "${channel}".`, {
      hint: hints.checkValues,
      detail: summariseIssues(parsed.error.issues),
      zh: { message: `“${channel}”的参数无效。`, hint: hints.checkValuesZh },
    });
  }
  return { channel, args: parsed.data };
}

/**
 * Builds LabCore.invoke over the handlers: every call is checked first (a refusal is returned as
 * an INVALID_ARGUMENT Result and no handler runs); a handler's value or LabError becomes a Result.
 */
export function gatedInvoke(
  handlers: Handlers,
  options: { shell: RequestShell; logger?: Logger },
): LabInvoke {
  const invoke = async (rawChannel: unknown, rawArgs: unknown): Promise<Result<unknown>> => {
    let checked: CheckedRequest;
    try {
      checked = checkRequest(rawChannel, rawArgs, options.shell);
    } catch (error) {
      if (error instanceof RequestRefused) return error.toResult();
      throw error;
    }
    const { channel, args } = checked;
    const handler = handlers[channel] as (...a: unknown[]) => Promise<unknown>;
    try {
      return ok(await handler(...(args as readonly unknown[])));
    } catch (error) {
      const info = toErrorInfo(error);
      if (info.code === 'INTERNAL')
        options.logger?.error('request failed', { channel, error: String(error) });
      return fail(info);
    }
  };
  return invoke as LabInvoke;
}
