/**
 * Reads the phone's push token from its log when the plan says app.tokens.fromLogcat and gives no
 * token for the phone under app.tokens.serials. The note (the prepare step's detail, shown with
 * the phone's first attempt) shows the token masked to 8 characters: tokens are personal data.
 */
import { maskDeviceToken } from '../../../../shared/runs/plan';
import { tokenPatternSource } from '../../../../shared/runs/token-presets';
import { readPushToken } from '../commands/read-push-token';
import { toErrorInfo } from '../../errors';
import type { PhoneSession } from './phone-session';

/** Sets session.token from logcat when the plan asks for it; returns the note for the prepare step. */
export async function tokenFromLogcat(session: PhoneSession): Promise<string | null> {
  const fromLogcat = session.run.plan.app.tokens?.fromLogcat;
  if (fromLogcat === undefined || session.token !== null) return null;
  try {
    const read = await readPushToken(session.io, tokenPatternSource(fromLogcat), {
      timeoutMs: session.run.plan.timeouts.stepMs,
    });
    session.token = read.token;
    return read.token === null
      ? `no push token in the last ${read.lines} log line(s): the direct send will fail until the app logs it`
      : `push token from logcat: ${maskDeviceToken(read.token)}`;
  } catch (error) {
    return `push token not read from logcat: ${toErrorInfo(error).message}`;
  }
}
