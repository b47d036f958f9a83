import { describe, expect, it } from 'vitest';
import {
  enterState,
  leaveState,
  verifyState,
  type AccountStatus,
  type StateContext,
} from '../../../../electron/lab/android/app-states';
import { PKG, scriptedPhone, steppingClock } from './scripted-phone';

function context(patch: Partial<StateContext> = {}): StateContext {
  const clock = steppingClock();
  return { package: PKG, clock, sdk: 34, channel: 'xiaomi', wait: clock.wait, ...patch };
}

/** Shell commands a state sent, without the read-backs. */
function actions(steps: readonly string[]): string[] {
  return steps.filter(
    (s) => !/^(dumpsys (activity|power|window|package|deviceidle get)|pidof|getprop|cat )/.test(s),
  );
}

const LAUNCH = 'monkey -p com.example.app -c android.intent.category.LAUNCHER 1';
const UNLOCK = ['input keyevent 224', 'wm dismiss-keyguard'];

describe('enterState', () => {
  it('foreground: unlocks, launches, and proves the app is on top of an awake, unlocked screen', async () => {
    const { io } = scriptedPhone({ screen: 'Asleep', keyguard: true });
    const r = await enterState(io, 'foreground', context());
    expect(r).toMatchObject({ state: 'foreground', ok: true, reason: null, error: null });
    expect(actions(r.steps)).toEqual([...UNLOCK, LAUNCH]);
    expect(r.checks.map((c) => [c.check, c.actual])).toEqual([
      ['foreground activity', 'com.example.app/com.example.app.MainActivity'],
      ['wakefulness', 'awake'],
      ['keyguard', 'hidden'],
    ]);
  });

  it('background: HOME after launch; the process lives and the app is not on top', async () => {
    const { io } = scriptedPhone();
    const r = await enterState(io, 'background', context());
    expect(r.ok).toBe(true);
    expect(actions(r.steps)).toEqual([...UNLOCK, LAUNCH, 'input keyevent 3']);
    expect(r.checks.find((c) => c.check === 'app process')?.actual).toBe('running (pid 12345)');
  });

  it('screen-locked: SLEEP; proven by wakefulness Asleep and a showing keyguard', async () => {
    const { io, phone } = scriptedPhone();
    const r = await enterState(io, 'screen-locked', context());
    expect(r.ok).toBe(true);
    expect(actions(r.steps)).toEqual([...UNLOCK, LAUNCH, 'input keyevent 223']);
    expect(phone.screen).toBe('Asleep');
    const left = await leaveState(io, 'screen-locked', context());
    expect(left.ok).toBe(true);
    expect(phone).toMatchObject({ screen: 'Awake', keyguard: false });
  });

  it('swiped-away: HOME + am kill; process gone and NOT in the stopped state', async () => {
    const { io } = scriptedPhone();
    const r = await enterState(io, 'swiped-away', context());
    expect(r.ok).toBe(true);
    expect(actions(r.steps)).toEqual([...UNLOCK, LAUNCH, 'input keyevent 3', 'am kill com.example.app']);
    expect(r.checks.map((c) => c.actual)).toEqual([
      'com.android.launcher3/com.android.launcher3.uioverview.QuickstepLauncher',
      'not running',
      'stopped=false',
    ]);
  });

  it('swiped-away is blocked, not guessed, when the process survives am kill', async () => {
    const { io } = scriptedPhone({ killIgnored: true });
    const r = await enterState(io, 'swiped-away', context());
    expect(r.ok).toBe(false);
    expect(r.reason).toContain('app process is running (pid 12345), expected not running');
  });

  it('force-stopped: am force-stop; proven by stopped=true and no process', async () => {
    const { io } = scriptedPhone();
    const r = await enterState(io, 'force-stopped', context());
    expect(r.ok).toBe(true);
    expect(actions(r.steps)).toEqual([
      ...UNLOCK,
      LAUNCH,
      'input keyevent 3',
      'am force-stop com.example.app',
    ]);
    expect(r.checks.map((c) => c.actual)).toEqual(['not running', 'stopped=true']);
  });

  it('doze: unplug, screen off, force-idle; proven by get deep == IDLE; leave restores everything', async () => {
    const { io, phone } = scriptedPhone();
    const r = await enterState(io, 'doze', context());
    expect(r.ok).toBe(true);
    expect(actions(r.steps)).toEqual([
      ...UNLOCK,
      LAUNCH,
      'input keyevent 3',
      'dumpsys battery unplug',
      'input keyevent 223',
      'dumpsys deviceidle force-idle deep',
    ]);
    expect(r.checks[0]).toMatchObject({ check: 'deep Doze state', actual: 'IDLE', ok: true });
    const left = await leaveState(io, 'doze', context());
    expect(left.ok).toBe(true);
    expect(actions(left.steps)).toEqual([
      'dumpsys deviceidle unforce',
      'dumpsys battery reset',
      'input keyevent 224',
      ...UNLOCK,
    ]);
    expect(phone).toMatchObject({ deep: 'ACTIVE', unplugged: false, screen: 'Awake', keyguard: false });
  });

  it('doze is blocked before Android 6 without touching the phone', async () => {
    const { io } = scriptedPhone();
    const r = await enterState(io, 'doze', context({ sdk: 22 }));
    expect(r).toMatchObject({ ok: false, steps: [] });
    expect(r.reason).toContain('Android 6');
  });

  it('verifyState says doze is not reached when get deep answers something else', async () => {
    const { io } = scriptedPhone({ screen: 'Asleep' });
    const r = await verifyState(io, 'doze', context());
    expect(r.ok).toBe(false);
    expect(r.reason).toContain('deep Doze state is ACTIVE, expected IDLE');
  });

  it('a secure lock screen blocks the state with the unlock hint', async () => {
    const { io } = scriptedPhone({ screen: 'Asleep', keyguard: true, secureLock: true });
    const r = await enterState(io, 'background', context());
    expect(r.ok).toBe(false);
    expect(r.error?.code).toBe('COMMAND_FAILED');
    expect(r.reason).toMatch(/still locked.*PIN, pattern or password/);
  });
});

describe('after-reboot', () => {
  it('reboots, waits while the phone is off adb, and proves a new boot with the app not running', async () => {
    const { io, phone } = scriptedPhone({ offlinePolls: 3 });
    const ctx = context({ pollIntervalMs: 1000 });
    const r = await enterState(io, 'after-reboot', ctx);
    expect(r.ok).toBe(true);
    expect(phone.bootId).toMatch(/^bbbbbbbb/);
    expect(r.steps.filter((s) => s === 'getprop sys.boot_completed').length).toBeGreaterThanOrEqual(4);
    expect(r.checks.map((c) => c.actual)).toEqual(['1', 'not running']);
  });

  it('reports clearly when the phone does not come back within the timeout', async () => {
    const { io } = scriptedPhone({ offlinePolls: -1 });
    const r = await enterState(
      io,
      'after-reboot',
      context({ rebootTimeoutMs: 10_000, pollIntervalMs: 1000 }),
    );
    expect(r.ok).toBe(false);
    expect(r.reason).toContain('did not come back on adb within 10 s');
  });

  it('does not take the old boot for the new one when the ROM ignores reboot', async () => {
    const { io } = scriptedPhone({ rebootRefused: true });
    const r = await enterState(io, 'after-reboot', context({ rebootTimeoutMs: 6_000, pollIntervalMs: 1000 }));
    expect(r.ok).toBe(false);
    expect(r.reason).toContain('did not restart within 6 s');
  });
});

describe('account states', () => {
  function accounts(start: AccountStatus = 'logged-in', withStatus = true) {
    let status: AccountStatus = start;
    const calls: string[] = [];
    const actions = {
      login: async () => {
        calls.push('login');
        status = 'logged-in';
      },
      logout: async () => {
        calls.push('logout');
        status = 'logged-out';
      },
      kick: async () => {
        calls.push('kick');
        status = 'kicked';
      },
      ...(withStatus ? { status: async () => status } : {}),
    };
    return { actions, calls };
  }

  it('logged-out: launches, logs out through the run engine, goes HOME, proves the status', async () => {
    const { io } = scriptedPhone();
    const { actions: accountActions, calls } = accounts();
    const r = await enterState(io, 'logged-out', context({ accountActions }));
    expect(r.ok).toBe(true);
    expect(actions(r.steps)).toEqual([...UNLOCK, LAUNCH, 'account: logout', 'input keyevent 3']);
    expect((await leaveState(io, 'logged-out', context({ accountActions }))).ok).toBe(true);
    expect(calls).toEqual(['logout', 'login']);
  });

  it('kicked-offline: kick after HOME; proven by the status', async () => {
    const { io } = scriptedPhone();
    const { actions: accountActions } = accounts();
    const r = await enterState(io, 'kicked-offline', context({ accountActions }));
    expect(r.ok).toBe(true);
    expect(actions(r.steps).slice(-2)).toEqual(['input keyevent 3', 'account: kick']);
  });

  it('is blocked without account actions, and unverified without a status reader', async () => {
    const { io } = scriptedPhone();
    const none = await enterState(io, 'logged-out', context());
    expect(none).toMatchObject({ ok: false, steps: [] });
    expect(none.reason).toContain('account actions');
    const blind = await enterState(
      io,
      'kicked-offline',
      context({ accountActions: accounts('logged-in', false).actions }),
    );
    expect(blind.ok).toBe(false);
    expect(blind.reason).toContain('account is unknown, expected kicked');
  });
});
