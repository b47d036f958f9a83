/**
 * Runs the team's own send script for each push: no shell (command + args exactly as the plan
 * lists them), the scenario in PUSHLAB_* environment variables, a deadline that kills the whole
 * process tree, and the exit code plus (capped) output kept as the send evidence.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { MessageSpec } from '../../../../shared/scenarios/types';
import { LabError } from '../../errors';
import { SendError } from '../send-error';
import type { PlanSender, SendReceipt, SendRequest, Sender, SenderDeps } from '../sender-types';

export type CommandPlanSender = Extract<PlanSender, { kind: 'command' }>;

/** Output kept per stream; the rest is counted and dropped. */
export const MAX_OUTPUT_BYTES = 64 * 1024;
/** After a kill, how long to wait for the pipes to close before giving up on them. */
const CLOSE_GRACE_MS = 2000;
const REQUEST_ID_LINE = /^PUSHLAB_REQUEST_ID=(.*)$/gm;

/** The variables a send script gets on top of PushLab's own environment. */
export function commandEnv(request: SendRequest): Record<string, string> {
  return {
    PUSHLAB_SERIAL: request.serial,
    PUSHLAB_PACKAGE: request.package,
    PUSHLAB_ACCOUNT: request.recipient.account,
    PUSHLAB_SCENARIO: request.scenarioId,
    PUSHLAB_TITLE: request.expected.title ?? '',
    PUSHLAB_TEXT: request.expected.text ?? '',
    PUSHLAB_EXT: request.message.push?.ext ?? '',
    PUSHLAB_CHANNEL: request.expected.channelId ?? '',
    PUSHLAB_PUSH_CHANNEL: request.channel,
    PUSHLAB_MESSAGE_JSON: JSON.stringify(request.message satisfies MessageSpec),
  };
}

/** The last PUSHLAB_REQUEST_ID=… line of the output, trimmed; null when there is none. */
export function requestIdFrom(stdout: string): string | null {
  let last: string | null = null;
  for (const match of stdout.matchAll(REQUEST_ID_LINE)) last = (match[1] ?? '').trim();
  return last === null || last === '' ? null : last.slice(0, 256);
}

interface Captured {
  readonly text: string;
  readonly bytes: number;
  readonly truncated: boolean;
}

function capture(stream: NodeJS.ReadableStream | null): () => Captured {
  const chunks: Buffer[] = [];
  let kept = 0;
  let bytes = 0;
  stream?.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (kept >= MAX_OUTPUT_BYTES) return;
    const part = chunk.subarray(0, MAX_OUTPUT_BYTES - kept);
    chunks.push(part);
    kept += part.length;
  });
  return () => {
    const truncated = bytes > kept;
    const text = Buffer.concat(chunks).toString('utf8');
    return { text: truncated ? `${text}\n[truncated: ${bytes - kept} more bytes]` : text, bytes, truncated };
  };
}

/** Kills the process and everything it started (its process group; taskkill /T on Windows). */
function killTree(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  if (process.platform === 'win32') {
    spawn('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true }).on(
      'error',
      () => child.kill(),
    );
    return;
  }
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

const tail = (text: string, max = 2000): string => (text.length > max ? `…${text.slice(-max)}` : text);

export function createCommandSender(config: CommandPlanSender, deps: SenderDeps): Sender {
  const log = deps.logger.child('sender:command');
  const args = config.args ?? [];

  const send = (request: SendRequest): Promise<SendReceipt> => {
    const vars = commandEnv(request);
    const evidence: Record<string, unknown> = {
      kind: 'command',
      command: config.command,
      args,
      ...(deps.cwd === undefined ? {} : { cwd: deps.cwd }),
      env: vars,
    };
    // Environment values cannot hold NUL; refuse instead of letting spawn throw a raw TypeError.
    const nul = Object.entries(vars).find(([, v]) => v.includes('\0'));
    if (nul) {
      return Promise.reject(
        new SendError(
          'INVALID_ARGUMENT',
          `${nul[0]} would contain a NUL character, which no environment variable can hold.`,
          {
            hint: 'Remove the NUL character from the scenario or plan text.',
            zh: {
              message: `${nul[0]} 将包含 NUL 字符，而环境变量无法容纳它。`,
              hint: '请从场景或计划的文本中删除 NUL 字符。',
            },
            evidence,
            sentAt: null,
          },
        ),
      );
    }
    if (request.signal?.aborted) {
      return Promise.reject(
        new SendError('CANCELLED', 'The send command was not started because the run was cancelled.', {
          hint: 'Resume the run to send again.',
          zh: { message: '运行已取消，发送命令没有启动。', hint: '继续运行即可再次发送。' },
          evidence,
          sentAt: null,
        }),
      );
    }

    return new Promise<SendReceipt>((resolve, reject) => {
      const sentAt = deps.clock.now();
      const started = performance.now();
      let stopReason: 'timeout' | 'cancelled' | null = null;
      let settled = false;
      const child = spawn(config.command, args, {
        cwd: deps.cwd,
        env: { ...(deps.env ?? process.env), ...vars },
        stdio: ['ignore', 'pipe', 'pipe'],
        shell: false,
        // Its own process group, so a timeout kills the script's children too.
        detached: process.platform !== 'win32',
        windowsHide: true,
      });
      const stdout = capture(child.stdout);
      const stderr = capture(child.stderr);
      log.info('command started', {
        scenarioId: request.scenarioId,
        serial: request.serial,
        command: config.command,
        pid: child.pid ?? null,
      });

      const finish = (
        outcome:
          { exitCode: number | null; signal: NodeJS.Signals | null } | { spawnError: NodeJS.ErrnoException },
      ): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearTimeout(graceTimer);
        request.signal?.removeEventListener('abort', onAbort);
        const out = stdout();
        const err = stderr();
        const durationMs = Math.round(performance.now() - started);
        Object.assign(evidence, {
          durationMs,
          stdout: out.text,
          stderr: err.text,
          stdoutTruncated: out.truncated,
          stderrTruncated: err.truncated,
        });
        if ('spawnError' in outcome) {
          reject(spawnFailure(outcome.spawnError, config.command, deps.cwd, evidence));
          return;
        }
        Object.assign(evidence, { exitCode: outcome.exitCode, signal: outcome.signal });
        const requestId = requestIdFrom(out.text);
        evidence.requestId = requestId;
        const detail = tail(err.text.trim() === '' ? out.text : err.text);
        if (stopReason === 'timeout') {
          evidence.timedOut = true;
          const seconds = Math.round(request.timeoutMs / 100) / 10;
          reject(
            new SendError('TIMEOUT', `The send command did not finish within ${seconds} s and was stopped.`, {
              hint: "Make the script finish sooner (it only has to hand the push over), or raise the plan's timeouts.",
              zh: {
                message: `发送命令在 ${seconds} 秒内没有结束，已被停止。`,
                hint: '让脚本更快结束（它只需把推送交出去），或者调高计划的超时。',
              },
              ...(detail === '' ? {} : { detail }),
              evidence,
              sentAt,
            }),
          );
        } else if (stopReason === 'cancelled') {
          reject(
            new SendError('CANCELLED', 'The send command was stopped because the run was cancelled.', {
              hint: 'Resume the run to send again.',
              zh: { message: '运行已取消，发送命令已停止。', hint: '继续运行即可再次发送。' },
              evidence,
              sentAt,
            }),
          );
        } else if (outcome.exitCode === 0) {
          log.info('command succeeded', {
            scenarioId: request.scenarioId,
            serial: request.serial,
            durationMs,
            requestId,
          });
          resolve({ sentAt, requestId, evidence });
        } else {
          const killed = outcome.exitCode === null;
          const how = killed
            ? `was killed by ${outcome.signal ?? 'a signal'}`
            : `exited with code ${outcome.exitCode}`;
          const howZh = killed ? `被 ${outcome.signal ?? '信号'} 终止` : `以退出码 ${outcome.exitCode} 结束`;
          log.warn('command failed', {
            scenarioId: request.scenarioId,
            serial: request.serial,
            exitCode: outcome.exitCode,
            signal: outcome.signal,
          });
          reject(
            new SendError('SEND_FAILED', `The send command ${how}.`, {
              hint: 'Read its output (kept with the attempt) and fix the script; it gets the scenario in PUSHLAB_* environment variables.',
              zh: {
                message: `发送命令${howZh}。`,
                hint: '请查看它的输出（随该次尝试保存）并修正脚本；脚本通过 PUSHLAB_* 环境变量获得场景。',
              },
              ...(detail === '' ? {} : { detail }),
              evidence,
              sentAt,
            }),
          );
        }
      };

      let graceTimer: NodeJS.Timeout | undefined;
      const stop = (reason: 'timeout' | 'cancelled'): void => {
        if (settled || stopReason !== null) return;
        stopReason = reason;
        log.warn('stopping command', { scenarioId: request.scenarioId, serial: request.serial, reason });
        killTree(child);
        // A grandchild that left the group may hold the pipes open: do not wait for it forever.
        graceTimer = setTimeout(() => {
          child.stdout?.destroy();
          child.stderr?.destroy();
          finish({ exitCode: child.exitCode, signal: child.signalCode ?? 'SIGKILL' });
        }, CLOSE_GRACE_MS);
      };
      const onAbort = (): void => stop('cancelled');
      const timer = setTimeout(() => stop('timeout'), request.timeoutMs);
      request.signal?.addEventListener('abort', onAbort, { once: true });

      child.once('error', (error: NodeJS.ErrnoException) => {
        // 'error' after a successful start means the kill failed; the close event still settles it.
        if (child.pid === undefined) finish({ spawnError: error });
      });
      child.once('close', (exitCode, signal) => finish({ exitCode, signal }));
    });
  };

  return { kind: 'command', send };
}

function spawnFailure(
  error: NodeJS.ErrnoException,
  command: string,
  cwd: string | undefined,
  evidence: Record<string, unknown>,
): SendError {
  evidence.spawnError = error.code ?? error.message;
  const from = cwd ?? process.cwd();
  if (error.code === 'ENOENT') {
    return new SendError('NOT_FOUND', `The send command "${command}" was not found.`, {
      hint: `Check sender.command in the plan: a path with a slash is taken from ${from}, a bare name is looked up on PATH.`,
      zh: {
        message: `找不到发送命令“${command}”。`,
        hint: `请检查计划中的 sender.command：带斜杠的路径相对于 ${from}，不带路径的名称在 PATH 中查找。`,
      },
      evidence,
      sentAt: null,
    });
  }
  if (error.code === 'EACCES' || error.code === 'EPERM') {
    return new SendError('SEND_FAILED', `The send command "${command}" is not executable.`, {
      hint: 'Make it executable (chmod +x), or run it through its interpreter: "command": "node", "args": ["send.js"].',
      zh: {
        message: `发送命令“${command}”不可执行。`,
        hint: '请让它可执行（chmod +x），或通过解释器运行它："command": "node", "args": ["send.js"]。',
      },
      evidence,
      sentAt: null,
    });
  }
  return new SendError(
    'SEND_FAILED',
    `The send command "${command}" could not be started (${error.code ?? 'unknown error'}).`,
    {
      hint: 'Check sender.command and sender.args in the plan. On Windows, .cmd and .bat scripts need "command": "cmd.exe", "args": ["/c", "send.cmd"].',
      zh: {
        message: `无法启动发送命令“${command}”（${error.code ?? '未知错误'}）。`,
        hint: '请检查计划中的 sender.command 和 sender.args。在 Windows 上，.cmd 和 .bat 脚本需要 "command": "cmd.exe", "args": ["/c", "send.cmd"]。',
      },
      cause: new LabError('COMMAND_FAILED', error.message, {
        zh: { message: `无法启动发送命令：${error.message}` },
      }),
      evidence,
      sentAt: null,
    },
  );
}
