/**
 * Translates what adbkit and the adb server say into LabErrors with a next step. adb's own words
 * are kept as `detail` for the log and the evidence.
 */
import { LabError } from '../errors';

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
    });
  }
  return new LabError('ADB_UNREACHABLE', `The adb server at ${host}:${port} failed: ${detail}`, {
    hint: 'Restart it with `adb kill-server && adb start-server`, then try again.',
    detail,
  });
}

/** For failures of a command on one phone. */
export function adbDeviceError(error: unknown, serial: string, what: string): LabError {
  if (error instanceof LabError) return error;
  const detail = messageOf(error);
  const text = detail.toLowerCase();
  if (text.includes('unauthorized')) {
    return new LabError('DEVICE_UNAUTHORIZED', `Phone ${serial} has not allowed USB debugging from this computer.`, {
      hint: 'Unlock the phone and tap "Allow" on the USB debugging prompt (tick "Always allow").',
      detail,
    });
  }
  if (text.includes('offline')) {
    return new LabError('DEVICE_OFFLINE', `Phone ${serial} is offline.`, {
      hint: 'Replug the cable or run `adb reconnect`; if it stays offline, restart USB debugging on the phone.',
      detail,
    });
  }
  if (text.includes('not found') && text.includes('device')) {
    return new LabError('DEVICE_LOST', `Phone ${serial} was disconnected while ${what}.`, {
      hint: 'Reconnect the phone and try again.',
      detail,
    });
  }
  if (text.includes('premature end') || text.includes('closed') || codeOf(error) === 'ECONNRESET') {
    return new LabError('DEVICE_LOST', `The connection to phone ${serial} broke while ${what}.`, {
      hint: 'Check the cable (or Wi-Fi for network debugging) and try again.',
      detail,
    });
  }
  if (codeOf(error) === 'ECONNREFUSED') {
    return new LabError('ADB_UNREACHABLE', `The adb server stopped answering while ${what} on ${serial}.`, {
      hint: 'PushLab reconnects by itself; try again in a few seconds.',
      detail,
    });
  }
  return new LabError('COMMAND_FAILED', `Phone ${serial} failed while ${what}: ${detail}`, { detail });
}
