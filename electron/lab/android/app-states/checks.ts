/**
 * Read-backs that prove a state. Each answers a StateCheck; a value the phone did not give is
 * 'unknown' and never passes, so an unreadable state ends 'blocked' instead of guessed.
 */
import type { AdbDeviceIo } from '../../adb/device-io';
import { readForeground } from '../commands/read-foreground';
import { readKeyguard } from '../commands/read-keyguard';
import { readPackageInfo } from '../commands/read-package-info';
import { readWakefulness } from '../commands/read-wakefulness';
import { readBoot } from '../commands/state/read-boot';
import { readDeepIdle } from '../commands/state/read-deep-idle';
import { readProcess } from '../commands/state/read-process';
import type { AccountStatus, StateCheck, StateContext } from './types';

const UNKNOWN = 'unknown';

function check(name: string, expected: string, actual: string | null, ok: boolean): StateCheck {
  return { check: name, expected, actual: actual ?? UNKNOWN, ok: actual !== null && ok };
}

/** The app's activity is (or is not) the resumed one. */
export async function checkForeground(io: AdbDeviceIo, pkg: string, wantOnTop: boolean): Promise<StateCheck> {
  const top = await readForeground(io);
  const actual = top ? `${top.package}/${top.activity}` : null;
  const onTop = top?.package === pkg;
  return check('foreground activity', wantOnTop ? `${pkg}/…` : `not ${pkg}`, actual, onTop === wantOnTop);
}

/** Screen on (Awake) or off (Asleep, or Dozing = ambient display, which is also off for the user). */
export async function checkScreen(io: AdbDeviceIo, want: 'on' | 'off'): Promise<StateCheck> {
  const wakefulness = await readWakefulness(io);
  const off = wakefulness === 'asleep' || wakefulness === 'dozing';
  return check(
    'wakefulness',
    want === 'on' ? 'awake' : 'asleep',
    wakefulness,
    want === 'off' ? off : wakefulness === 'awake',
  );
}

export async function checkKeyguard(io: AdbDeviceIo, wantShowing: boolean): Promise<StateCheck> {
  const keyguard = await readKeyguard(io);
  const actual = keyguard.showing === null ? null : keyguard.showing ? 'showing' : 'hidden';
  return check('keyguard', wantShowing ? 'showing' : 'hidden', actual, keyguard.showing === wantShowing);
}

export async function checkProcess(io: AdbDeviceIo, pkg: string, wantRunning: boolean): Promise<StateCheck> {
  const process = await readProcess(io, pkg);
  const actual =
    process.running === null
      ? null
      : process.running
        ? `running (pid ${process.pids.join(' ')})`
        : 'not running';
  return check(
    'app process',
    wantRunning ? 'running' : 'not running',
    actual,
    process.running === wantRunning,
  );
}

/** PackageUserState.stopped from `dumpsys package`. */
export async function checkStopped(io: AdbDeviceIo, pkg: string, wantStopped: boolean): Promise<StateCheck> {
  const info = await readPackageInfo(io, pkg);
  const stopped = info?.stopped ?? null;
  const actual = info === null ? 'not installed' : stopped === null ? null : `stopped=${stopped}`;
  return check('stopped flag', `stopped=${wantStopped}`, actual, stopped === wantStopped);
}

export async function checkDeepIdle(io: AdbDeviceIo, wantIdle: boolean): Promise<StateCheck> {
  const { state, raw } = await readDeepIdle(io);
  const actual = state ?? (raw === '' ? null : raw.slice(0, 120));
  return check(
    'deep Doze state',
    wantIdle ? 'IDLE' : 'not IDLE',
    actual,
    state !== null && (state === 'IDLE') === wantIdle,
  );
}

export async function checkBootCompleted(io: AdbDeviceIo): Promise<StateCheck> {
  const boot = await readBoot(io);
  return check('sys.boot_completed', '1', boot.completed ? '1' : 'not set', boot.completed);
}

/** The account as the run engine reports it; without a status reader it cannot be proven. */
export async function checkAccount(ctx: StateContext, want: AccountStatus): Promise<StateCheck> {
  const status = ctx.accountActions?.status ? await ctx.accountActions.status() : null;
  return check('account', want, status === 'unknown' ? null : status, status === want);
}
