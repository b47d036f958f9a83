/**
 * Screen, lock and foreground state from dumpsys power / window / activity. Field names moved
 * between Android 7 and 16 and OEMs add their own, so each reader tries the known shapes in order
 * and answers null when none is present rather than guessing.
 */
import { decodeDeviceText, splitLines } from './decode';

export type Wakefulness = 'awake' | 'asleep' | 'dozing' | 'dreaming';

export interface KeyguardState {
  readonly showing: boolean | null;
  readonly secure: boolean | null;
}

export interface ForegroundActivity {
  readonly package: string;
  /** Fully qualified class name (a leading "." is expanded with the package). */
  readonly activity: string;
}

/**
 * `mWakefulness=Awake` (Power Manager State). Some OEM builds print `getWakefulnessLocked()=`;
 * Android 13+ power groups add a numeric `mWakefulness=1`, which is not a state name and is skipped.
 */
export function parseWakefulness(dumpsysPower: string | Buffer): Wakefulness | null {
  const m = /^[ \t]*(?:mWakefulness|getWakefulnessLocked\(\))=(Awake|Asleep|Dozing|Dreaming)[ \t]*$/im.exec(
    decodeDeviceText(dumpsysPower),
  );
  return m ? ((m[1] as string).toLowerCase() as Wakefulness) : null;
}

/**
 * Whole-dump patterns use [ \t]*, never \s*, next to ^ and $: \s spans line breaks, and on a run of
 * blank lines every line start rescans the rest of the run (quadratic: 65 s on 53 KB of newlines).
 */
function firstBoolean(text: string, pattern: RegExp): boolean | null {
  const m = pattern.exec(text);
  return m ? m[1] === 'true' : null;
}

/**
 * Keyguard from `dumpsys window` (policy section). Android 8+: `KeyguardServiceDelegate` with
 * `showing=` / `secure=` and a nested `KeyguardStateMonitor` `mIsShowing=`; Android 7 and older
 * OEM builds: `mShowingLockscreen=` / `mDreamingLockscreen=` / `isStatusBarKeyguard=`.
 */
export function parseKeyguard(dumpsysWindow: string | Buffer): KeyguardState {
  const text = decodeDeviceText(dumpsysWindow);
  let showing = firstBoolean(text, /^[ \t]*mIsShowing=(true|false)[ \t]*$/m);
  showing ??= firstBoolean(text, /^[ \t]*showing=(true|false)[ \t]*$/m);
  if (showing === null) {
    const lockscreen = firstBoolean(text, /\bmShowingLockscreen=(true|false)\b/);
    const dreaming = firstBoolean(text, /\bmDreamingLockscreen=(true|false)\b/);
    if (lockscreen !== null || dreaming !== null) showing = lockscreen === true || dreaming === true;
  }
  showing ??= firstBoolean(text, /\bisStatusBarKeyguard=(true|false)\b/);
  showing ??= firstBoolean(text, /\bmKeyguardShowing=(true|false)\b/);
  // `secure=` is the delegate's own line; `mSimSecure` (SIM PIN) is a different thing.
  const secure = firstBoolean(text, /^[ \t]*secure=(true|false)[ \t]*$/m);
  return { showing, secure };
}

/** Keys that name the foreground activity, most reliable first. */
const FOREGROUND_KEYS = [
  /^\s*topResumedActivity[=:]\s*(.*)$/,
  /^\s*mResumedActivity[=:]\s*(.*)$/,
  /^\s*ResumedActivity[=:]\s*(.*)$/,
  /^\s*Resumed[=:]\s*(.*)$/,
  /^\s*mFocusedActivity[=:]\s*(.*)$/,
  /^\s*mFocusedApp[=:]\s*(.*)$/,
  /^\s*mCurrentFocus[=:]\s*(.*)$/,
] as const;

const COMPONENT = '([A-Za-z][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)*)/([A-Za-z0-9_.$]+)';
/** `ActivityRecord{<hash> u<user> pkg/cls t<task>}`; the hash is hex or decimal depending on the build. */
const ACTIVITY_RECORD = new RegExp(`ActivityRecord\\{(?:\\S+\\s+)?u\\d*\\s+${COMPONENT}`);
const WINDOW = new RegExp(`Window\\{\\S+(?:\\s+u\\d+)?\\s+${COMPONENT}`);

function componentOf(value: string): ForegroundActivity | null {
  const m = ACTIVITY_RECORD.exec(value) ?? WINDOW.exec(value);
  if (!m) return null;
  const pkg = m[1] as string;
  const cls = m[2] as string;
  return { package: pkg, activity: cls.startsWith('.') ? `${pkg}${cls}` : cls };
}

function candidatesFor(lines: readonly string[], key: RegExp): ForegroundActivity[] {
  const found: ForegroundActivity[] = [];
  for (const line of lines) {
    const m = key.exec(line);
    const component = m ? componentOf(m[1] as string) : null;
    if (component) found.push(component);
  }
  return found;
}

/**
 * The resumed activity from `dumpsys activity activities` (also works on `dumpsys window`):
 * `topResumedActivity=` (10+), `mResumedActivity:` / `ResumedActivity:` (7–16),
 * `mFocusedActivity:` (7), `mFocusedApp=` (window dump; AppWindowToken{… ActivityRecord{…}} before 10).
 * Phones with a second screen (Samsung flip cover) list one focused app per display; the one whose
 * package owns the focused window (`mCurrentFocus`) wins.
 */
export function parseForegroundActivity(
  dumpsysActivityActivities: string | Buffer,
): ForegroundActivity | null {
  const lines = splitLines(decodeDeviceText(dumpsysActivityActivities));
  const focusedWindow =
    candidatesFor(lines, FOREGROUND_KEYS[FOREGROUND_KEYS.length - 1] as RegExp)[0] ?? null;
  for (const key of FOREGROUND_KEYS) {
    const found = candidatesFor(lines, key);
    if (found.length === 0) continue;
    if (found.length > 1 && focusedWindow) {
      const match = found.find((c) => c.package === focusedWindow.package);
      if (match) return match;
    }
    return found[0] as ForegroundActivity;
  }
  return null;
}
