/**
 * Reads the phone's push token from its log when the plan says app.tokens.fromLogcat and gives no
 * token for the phone under app.tokens.serials, and reads it on demand for the Devices board
 * (`devices:pushTokens`). The note (the prepare step's detail, shown with the phone's first attempt)
 * shows the token masked to 8 characters: tokens are personal data. Each token used or read goes
 * to the token book (encrypted), which the phone card lists masked.
 */
import type { DeviceView } from '../../../../shared/domain/device';
import type { DevicePushTokens } from '../../../../shared/runs/device-tokens';
import { maskDeviceToken } from '../../../../shared/runs/plan';
import { tokenPatternSource } from '../../../../shared/runs/token-presets';
import type { TokenSource } from '../../../../shared/runs/token-source';
import { platformFacts } from '../../../../shared/platforms/platform-facts';
import type { AdbDeviceIo } from '../../adb/device-io';
import { readPushToken } from '../commands/read-push-token';
import { readPackageInfo } from '../commands/read-package-info';
import { LabError, toErrorInfo } from '../../errors';
import type { PushTokenBook, PushTokenEntry } from '../../secrets/push-token-book';
import type { PhoneSession } from './phone-session';

/** Records a token in the book; a store that fails never fails the run (the run has the token). */
async function remember(
  session: PhoneSession,
  token: string,
  source: PushTokenEntry['source'],
): Promise<void> {
  await session.ports.tokens
    ?.record({
      serial: session.phone.serial,
      package: session.run.plan.app.package,
      channel: session.phone.channel ?? 'unknown',
      token,
      source,
    })
    .catch(() => undefined);
}

/** Sets session.token from logcat when the plan asks for it; returns the note for the prepare step. */
export async function tokenFromLogcat(session: PhoneSession): Promise<string | null> {
  const fromLogcat = session.run.plan.app.tokens?.fromLogcat;
  if (session.token !== null) {
    await remember(session, session.token, { kind: 'plan' });
    return null;
  }
  if (fromLogcat === undefined) return null;
  try {
    const read = await readPushToken(session.io, tokenPatternSource(fromLogcat), {
      timeoutMs: session.run.plan.timeouts.stepMs,
    });
    session.token = read.token;
    if (read.token !== null)
      await remember(session, read.token, { kind: 'logcat', preset: fromLogcat.preset ?? null });
    return read.token === null
      ? `no push token in the last ${read.lines} log line(s): the direct send will fail until the app logs it`
      : `push token from logcat: ${maskDeviceToken(read.token)}`;
  } catch (error) {
    return `push token not read from logcat: ${toErrorInfo(error).message}`;
  }
}

/** The board's read: which app, and the preset or the user's pattern (already checked by the request gate). */
export interface CardTokenRead {
  readonly package: string;
  readonly from: TokenSource;
}

/**
 * `devices:pushTokens`: the phone's tokens from the book, after reading one from the phone's log when
 * asked. The read needs a ready Android phone with the app installed; the package goes to the phone
 * only through the quoting helpers (readPackageInfo), the pattern never (it runs here, in Node).
 */
export async function phonePushTokens(
  deps: { readonly book: PushTokenBook; readonly io: (serial: string) => AdbDeviceIo },
  view: DeviceView | undefined,
  serial: string,
  request: CardTokenRead | undefined,
): Promise<DevicePushTokens> {
  if (request === undefined) {
    return { tokens: await deps.book.list(serial), read: null, persisted: deps.book.persisted() };
  }
  if (view === undefined || view.state !== 'device') {
    throw new LabError('DEVICE_NOT_READY', `Phone ${serial} is not connected and ready.`, {
      hint: 'Plug it in, allow USB debugging and wait until it shows as ready, then read again.',
      zh: {
        message: `手机 ${serial} 未连接或未就绪。`,
        hint: '请插上手机、允许 USB 调试，等它显示为就绪后再读取。',
      },
    });
  }
  if (!platformFacts(view.platform).cardActions.pushToken) {
    throw new LabError('INVALID_ARGUMENT', `${serial} has no log to read a push token from.`, {
      hint: 'Push tokens are read from Android phones; give an iOS device token in the plan (app.tokens.serials).',
      zh: {
        message: `${serial} 没有可读取推送令牌的日志。`,
        hint: '推送令牌从 Android 手机读取；iOS 的设备令牌请写在计划的 app.tokens.serials 中。',
      },
    });
  }
  const io = deps.io(serial);
  if ((await readPackageInfo(io, request.package)) === null) {
    throw new LabError('NOT_FOUND', `${request.package} is not installed on ${serial}.`, {
      hint: 'Install the app and open it once so it registers for push, then read again.',
      zh: {
        message: `${serial} 上没有安装 ${request.package}。`,
        hint: '请安装应用并打开一次，让它注册推送，然后再读取。',
      },
    });
  }
  const read = await readPushToken(io, tokenPatternSource(request.from));
  let persisted = deps.book.persisted();
  if (read.token !== null) {
    persisted = await deps.book.record({
      serial,
      package: request.package,
      channel: view.identity?.pushChannel ?? 'unknown',
      token: read.token,
      source: { kind: 'logcat', preset: request.from.preset ?? null },
    });
  }
  return {
    tokens: await deps.book.list(serial),
    read: { found: read.token !== null, lines: read.lines },
    persisted,
  };
}
