/**
 * Starting and stopping a local adb server (`adb -P PORT start-server | kill-server`), with
 * errors that name the real cause: adb missing, or adb's own words about why it could not start.
 */
import { execFile } from 'node:child_process';
import type { AdbConfig } from './adb-config';
import { LabError } from '../errors';
import type { Logger } from '../util/logger';

export interface AdbRun {
  readonly error: {
    readonly code?: string | number | null;
    readonly message: string;
    readonly killed?: boolean;
  } | null;
  readonly output: string;
}

/** Runs adb with fixed arguments (no shell); resolves with its error (if any) and all it printed. */
export function runAdb(bin: string, args: readonly string[], timeoutMs: number): Promise<AdbRun> {
  return new Promise((resolve) => {
    execFile(bin, [...args], { timeout: timeoutMs }, (error, stdout, stderr) => {
      resolve({ error, output: `${String(stderr)}\n${String(stdout)}`.trim() });
    });
  });
}

/** adb's first meaningful line (its "* daemon ..." progress lines are not the cause). */
function causeLine(output: string): string {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const cause = lines.find((l) => !l.startsWith('* daemon')) ?? lines[lines.length - 1] ?? '';
  return cause.slice(0, 300);
}

/** The error for a server that cannot start, from what adb said (or that it is missing). */
export function startFailure(config: Pick<AdbConfig, 'bin' | 'port'>, run: AdbRun): LabError {
  const { bin, port } = config;
  if (run.error?.code === 'ENOENT') {
    return new LabError(
      'ADB_NOT_FOUND',
      `adb not found: PushLab looked for "${bin}" to start an adb server.`,
      {
        hint:
          'Install Android platform-tools (Debian/Ubuntu: apt install adb; macOS: brew install android-platform-tools; ' +
          'Windows: the SDK Platform Tools zip) or set PUSHLAB_ADB_BIN to the adb program.',
        zh: {
          message: `找不到 adb：PushLab 需要用 "${bin}" 启动 adb 服务。`,
          hint:
            '请安装 Android platform-tools（Debian/Ubuntu：apt install adb；macOS：brew install android-platform-tools；' +
            'Windows：SDK Platform Tools 压缩包），或把 PUSHLAB_ADB_BIN 设为 adb 程序的路径。',
        },
      },
    );
  }
  if (run.error?.code === 'EACCES') {
    return new LabError('ADB_NOT_FOUND', `The adb program "${bin}" cannot be run (permission denied).`, {
      hint: 'Make it executable (chmod +x) or set PUSHLAB_ADB_BIN to a working adb.',
      zh: {
        message: `无法运行 adb 程序 "${bin}"（权限被拒绝）。`,
        hint: '请给它可执行权限（chmod +x），或把 PUSHLAB_ADB_BIN 设为一个可用的 adb。',
      },
    });
  }
  const cause = causeLine(run.output) || run.error?.message || 'adb gave no reason';
  const portTaken = /address already in use|cannot bind|bind.*failed|EADDRINUSE/i.test(run.output);
  const timedOut = run.error?.killed === true;
  return new LabError(
    'ADB_SERVER_START_FAILED',
    `Could not start an adb server on port ${port}: ${timedOut ? 'adb did not finish within 20 s' : cause}`,
    {
      hint: portTaken
        ? `Another program holds port ${port}: stop it, or give PushLab another port with --adb-port or ANDROID_ADB_SERVER_PORT.`
        : `Run \`${bin} -P ${port} start-server\` yourself to see adb's full answer, then try again.`,
      detail: run.output.slice(0, 2000) || run.error?.message || '',
      zh: {
        message: `无法在端口 ${port} 上启动 adb 服务：${timedOut ? 'adb 未在 20 秒内结束' : cause}`,
        hint: portTaken
          ? `端口 ${port} 被另一个程序占用：请停止它，或用 --adb-port 或 ANDROID_ADB_SERVER_PORT 给 PushLab 换一个端口。`
          : `请自己运行 \`${bin} -P ${port} start-server\` 查看 adb 的完整回答，然后重试。`,
      },
    },
  );
}

/**
 * `adb start-server` on the configured port. Resolves true when adb started a new server (it
 * says "daemon started successfully"), false when one was already answering; throws otherwise.
 */
export async function startAdbServer(config: AdbConfig, logger: Logger): Promise<boolean> {
  logger.info('starting adb server', { bin: config.bin, port: config.port });
  const run = await runAdb(config.bin, ['-P', String(config.port), 'start-server'], 20_000);
  if (run.error) throw startFailure(config, run);
  return /daemon started successfully|starting now/i.test(run.output);
}
