/**
 * Small text formats that several dumps share: the "yyyy-MM-dd HH:mm:ss" dates of dumpsys package
 * (SimpleDateFormat in the phone's time zone), ActivityRecord{...} and Window{...} tokens as
 * their toString() prints them (frameworks/base services/core/java/com/android/server/wm).
 */
import { shortComponent } from './actions';
import { identityHash, type Foreground, type PhoneState } from './state';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      f = formatter('UTC');
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** "2025-07-04 01:16:33" in the phone's persist.sys.timezone (UTC when unset). */
export function formatDeviceDate(phone: PhoneState, ms: number): string {
  const parts = formatter(phone.props.get('persist.sys.timezone') || 'UTC').formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

/** ActivityRecord{b3b7a2a u0 com.miui.home/.launcher.Launcher t1} */
export function activityRecord(fg: Foreground): string {
  return `ActivityRecord{${identityHash(`${fg.package}/${fg.activity}`)} u0 ${shortComponent(fg.package, fg.activity)} t${fg.taskId}}`;
}

/** Window{5e4b3c1 u0 com.miui.home/com.miui.home.launcher.Launcher} */
export function windowToken(title: string): string {
  return `Window{${identityHash(`w:${title}`)} u0 ${title}}`;
}

/** Milliseconds as TimeUtils.formatDuration prints them, e.g. "+1m23s456ms". */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  let rest = Math.abs(Math.round(ms));
  const units: Array<[number, string]> = [
    [86_400_000, 'd'],
    [3_600_000, 'h'],
    [60_000, 'm'],
    [1000, 's'],
  ];
  let out = '';
  for (const [size, unit] of units) {
    if (rest >= size) {
      out += `${Math.floor(rest / size)}${unit}`;
      rest %= size;
    }
  }
  return `${sign}${out}${rest}ms`;
}
