/**
 * Runs `xcrun simctl …` with a deadline: arguments go to the process as they are (no shell, so
 * nothing is ever interpreted), output is capped, a timeout or a cancelled run kills it, and a
 * failure becomes a LabError with simctl's own words kept as detail.
 */
import { spawn } from 'node:child_process';
import { LabError } from '../../errors';
import type { Logger } from '../../util/logger';
import { SimctlError } from './simctl-error';
import { isMissingSimctl } from './xcrun';

// Commands import the error from simctl-error.ts (no process spawning there); others may use it from here.
export { SimctlError } from './simctl-error';

export interface SimctlRunOptions {
  readonly timeoutMs?: number;
  /** Written to stdin (e.g. a push payload for `simctl push … -`). */
  readonly input?: Uint8Array;
  readonly signal?: AbortSignal;
}

export interface SimctlResult {
  readonly stdout: Buffer;
  readonly stderr: string;
  readonly exitCode: number;
}

/** The simctl subcommands PushLab uses: run() refuses anything else. */
export const SIMCTL_SUBCOMMANDS = [
  'list',
  'boot',
  'shutdown',
  'bootstatus',
  'install',
  'uninstall',
  'launch',
  'terminate',
  'openurl',
  'push',
  'io',
  'get_app_container',
  'listapps',
] as const;
export type SimctlSubcommand = (typeof SIMCTL_SUBCOMMANDS)[number];

const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_STDOUT = 16 * 1024 * 1024;
const MAX_STDERR = 64 * 1024;

export class SimctlRunner {
  public constructor(
    /** Absolute path of xcrun. */
    public readonly xcrun: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly logger?: Logger,
  ) {}

  /** `xcrun simctl <subcommand> <args…>`; resolves on exit 0, else rejects with a SimctlError. */
  public run(
    subcommand: SimctlSubcommand,
    args: readonly string[],
    options: SimctlRunOptions = {},
  ): Promise<SimctlResult> {
    if (!(SIMCTL_SUBCOMMANDS as readonly string[]).includes(subcommand)) {
      const name = String(subcommand).slice(0, 40);
      return Promise.reject(
        new LabError('INVALID_ARGUMENT', `simctl ${name} is not a command PushLab runs.`, {
          zh: { message: `simctl ${name} 不是 PushLab 会运行的命令。` },
        }),
      );
    }
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const what = `xcrun simctl ${subcommand}`;
    return new Promise<SimctlResult>((resolve, reject) => {
      if (options.signal?.aborted) {
        return reject(
          new LabError('CANCELLED', `${what} was not started: the run was stopped.`, {
            zh: { message: `${what} 没有启动：运行已停止。` },
          }),
        );
      }
      const child = spawn(this.xcrun, ['simctl', subcommand, ...args], {
        env: this.env,
        stdio: ['pipe', 'pipe', 'pipe'],
        shell: false,
        windowsHide: true,
      });
      const out: Buffer[] = [];
      let outBytes = 0;
      let err = '';
      let stopped: 'timeout' | 'cancelled' | 'overflow' | null = null;
      let settled = false;
      const kill = (why: 'timeout' | 'cancelled' | 'overflow'): void => {
        if (stopped !== null) return;
        stopped = why;
        child.kill('SIGKILL');
      };
      const timer = setTimeout(() => kill('timeout'), timeoutMs);
      const onAbort = (): void => kill('cancelled');
      options.signal?.addEventListener('abort', onAbort, { once: true });
      child.stdout.on('data', (chunk: Buffer) => {
        outBytes += chunk.length;
        if (outBytes > MAX_STDOUT) return kill('overflow');
        out.push(chunk);
      });
      child.stderr.on('data', (chunk: Buffer) => {
        if (err.length < MAX_STDERR) err += chunk.toString('utf8');
      });
      child.stdin.on('error', () => undefined); // the process may exit before reading its input
      child.stdin.end(options.input ?? undefined);
      const finish = (error: LabError | null, exitCode: number): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        if (error) return reject(error);
        resolve({ stdout: Buffer.concat(out), stderr: err, exitCode });
      };
      child.once('error', (error: NodeJS.ErrnoException) => {
        finish(
          error.code === 'ENOENT'
            ? new LabError('NOT_FOUND', `xcrun is gone from ${this.xcrun}.`, {
                hint: 'Reinstall Xcode, or check PATH; PushLab looks for xcrun again by itself.',
                zh: {
                  message: `${this.xcrun} 处的 xcrun 已不存在。`,
                  hint: '请重新安装 Xcode，或检查 PATH；PushLab 会自行重新查找 xcrun。',
                },
              })
            : new LabError(
                'COMMAND_FAILED',
                `${what} could not be started (${error.code ?? error.message}).`,
                {
                  hint: 'Check that Xcode is installed and xcrun is executable.',
                  zh: {
                    message: `无法启动 ${what}（${error.code ?? error.message}）。`,
                    hint: '请确认已安装 Xcode 且 xcrun 可执行。',
                  },
                },
              ),
          -1,
        );
      });
      child.once('close', (code, signal) => {
        if (stopped === 'timeout') {
          const seconds = Math.round(timeoutMs / 100) / 10;
          return finish(
            new LabError('TIMEOUT', `${what} did not finish within ${seconds} s and was stopped.`, {
              hint: 'The simulator may be busy booting; try again, or restart it (Device › Restart in Simulator).',
              zh: {
                message: `${what} 在 ${seconds} 秒内没有结束，已被停止。`,
                hint: '模拟器可能正忙于启动；请重试，或重启它（Simulator 中的 Device › Restart）。',
              },
            }),
            -1,
          );
        }
        if (stopped === 'cancelled') {
          return finish(
            new LabError('CANCELLED', `${what} was stopped: the run was cancelled.`, {
              zh: { message: `${what} 已停止：运行已取消。` },
            }),
            -1,
          );
        }
        if (stopped === 'overflow') {
          return finish(
            new LabError('MALFORMED_OUTPUT', `${what} printed more than ${MAX_STDOUT} bytes.`, {
              zh: { message: `${what} 输出超过 ${MAX_STDOUT} 字节。` },
            }),
            -1,
          );
        }
        const exitCode = code ?? -1;
        if (exitCode === 0) return finish(null, 0);
        this.logger?.debug('simctl failed', { subcommand, exitCode, signal, stderr: err.slice(0, 300) });
        finish(failure(what, exitCode, err), exitCode);
      });
    });
  }
}

/** A failed simctl call as a plain sentence plus what to do. */
function failure(what: string, exitCode: number, stderr: string): SimctlError {
  const said =
    stderr
      .trim()
      .split('\n')
      .filter((l) => l.trim() !== '')
      .at(-1)
      ?.trim() ?? `exit code ${exitCode}`;
  if (isMissingSimctl(stderr)) {
    return new SimctlError(
      `${what} is not available: Xcode is missing or only the Command Line Tools are selected.`,
      exitCode,
      stderr,
      {
        hint: 'Install Xcode, then run `sudo xcode-select -s /Applications/Xcode.app`.',
        zh: {
          message: `${what} 不可用：没有安装 Xcode，或只选择了 Command Line Tools。`,
          hint: '请安装 Xcode，然后运行 `sudo xcode-select -s /Applications/Xcode.app`。',
        },
      },
    );
  }
  if (/Invalid device|No devices are booted|device not found/i.test(stderr)) {
    return new SimctlError(
      `${what} failed: the simulator is unknown or not booted (${said.slice(0, 200)}).`,
      exitCode,
      stderr,
      {
        hint: "Boot the simulator in Xcode's Simulator app, or pick another one.",
        zh: {
          message: `${what} 失败：模拟器未知或未启动（${said.slice(0, 200)}）。`,
          hint: '请在 Xcode 的 Simulator 应用中启动该模拟器，或选择另一个。',
        },
      },
    );
  }
  if (/current state: Shutdown|Unable to lookup in current state/i.test(stderr)) {
    return new SimctlError(`${what} failed: the simulator is shut down.`, exitCode, stderr, {
      hint: 'Boot it first (Simulator app, or `xcrun simctl boot <udid>`).',
      zh: {
        message: `${what} 失败：模拟器已关机。`,
        hint: '请先启动它（Simulator 应用，或 `xcrun simctl boot <udid>`）。',
      },
    });
  }
  return new SimctlError(`${what} failed: ${said.slice(0, 300)}`, exitCode, stderr, {
    hint: 'Run the same simctl command in a terminal to see the whole message.',
    zh: {
      message: `${what} 失败：${said.slice(0, 300)}`,
      hint: '请在终端中运行同一条 simctl 命令，查看完整信息。',
    },
  });
}
