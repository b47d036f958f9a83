/**
 * Translates what adbkit and the adb server say into LabErrors with a next step. adb's own words
 * are kept as `detail` for the log and the evidence.
 */
import { LabError } from '../errors';
import { phraseEn, phraseZh, type Phrase } from '../util/phrase';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? (error as { code?: string }).code : undefined;
}

/** For failures talking to the adb server itself. */
export function adbServerError(error: unknown, host: string, port: number): LabError {
  if (error instanceof LabError) return error;
  const code = codeOf(error);
  // adbkit answers a refused connection by spawning its `bin` to start a server; PushLab hands it
  // a path that does not exist (it starts servers itself), so that ENOENT means "refused".
  const autoStart = /pushlab-adb-autostart-disabled/.test(messageOf(error));
  const detail = autoStart ? `connection to ${host}:${port} refused` : messageOf(error);
  if (code === 'ECONNREFUSED' || code === 'ENOENT' || code === 'EHOSTUNREACH' || code === 'ECONNRESET') {
    return new LabError('ADB_UNREACHABLE', `No adb server answers at ${host}:${port}.`, {
      hint:
        'Start one with `adb start-server` (or let PushLab start it), or point PushLab at the right one with ' +
        '--adb-host/--adb-port or ANDROID_ADB_SERVER_PORT.',
      detail,
      zh: {
        message: `${host}:${port} 上没有 adb 服务应答。`,
        hint:
          '请用 `adb start-server` 启动一个（或让 PushLab 启动），或用 --adb-host/--adb-port 或 ' +
          'ANDROID_ADB_SERVER_PORT 让 PushLab 指向正确的服务。',
      },
    });
  }
  return new LabError('ADB_UNREACHABLE', `The adb server at ${host}:${port} failed: ${detail}`, {
    hint: 'Restart it with `adb kill-server && adb start-server`, then try again.',
    detail,
    zh: {
      message: `${host}:${port} 上的 adb 服务出错：${detail}`,
      hint: '请用 `adb kill-server && adb start-server` 重启它，然后重试。',
    },
  });
}

/** For failures of a command on one phone. */
export function adbDeviceError(error: unknown, serial: string, doing: Phrase): LabError {
  if (error instanceof LabError) return error;
  const what = phraseEn(doing);
  const whatZh = phraseZh(doing);
  const detail = messageOf(error);
  const text = detail.toLowerCase();
  if (text.includes('unauthorized')) {
    return new LabError(
      'DEVICE_UNAUTHORIZED',
      `Phone ${serial} has not allowed USB debugging from this computer.`,
      {
        hint: 'Unlock the phone and tap "Allow" on the USB debugging prompt (tick "Always allow").',
        detail,
        zh: {
          message: `手机 ${serial} 尚未允许这台电脑进行 USB 调试。`,
          hint: '请解锁手机，在 USB 调试提示中点按“允许”（勾选“始终允许”）。',
        },
      },
    );
  }
  if (text.includes('offline')) {
    return new LabError('DEVICE_OFFLINE', `Phone ${serial} is offline.`, {
      hint: 'Replug the cable or run `adb reconnect`; if it stays offline, restart USB debugging on the phone.',
      detail,
      zh: {
        message: `手机 ${serial} 处于离线状态。`,
        hint: '请重新插拔数据线或运行 `adb reconnect`；如果仍然离线，请在手机上关闭再打开 USB 调试。',
      },
    });
  }
  if (text.includes('not found') && text.includes('device')) {
    return new LabError('DEVICE_LOST', `Phone ${serial} was disconnected while ${what}.`, {
      hint: 'Reconnect the phone and try again.',
      detail,
      zh: { message: `手机 ${serial} 在${whatZh}时断开了连接。`, hint: '请重新连接手机，然后重试。' },
    });
  }
  if (text.includes('premature end') || text.includes('closed') || codeOf(error) === 'ECONNRESET') {
    return new LabError('DEVICE_LOST', `The connection to phone ${serial} broke while ${what}.`, {
      hint: 'Check the cable (or Wi-Fi for network debugging) and try again.',
      detail,
      zh: {
        message: `在${whatZh}时，与手机 ${serial} 的连接中断了。`,
        hint: '请检查数据线（无线调试时检查 Wi-Fi），然后重试。',
      },
    });
  }
  if (codeOf(error) === 'ECONNREFUSED') {
    return new LabError('ADB_UNREACHABLE', `The adb server stopped answering while ${what} on ${serial}.`, {
      hint: 'PushLab reconnects by itself; try again in a few seconds.',
      detail,
      zh: {
        message: `在手机 ${serial} 上${whatZh}时，adb 服务停止了应答。`,
        hint: 'PushLab 会自动重新连接；请过几秒再试。',
      },
    });
  }
  return new LabError('COMMAND_FAILED', `Phone ${serial} failed while ${what}: ${detail}`, {
    detail,
    zh: { message: `手机 ${serial} 在${whatZh}时出错：${detail}` },
  });
}
