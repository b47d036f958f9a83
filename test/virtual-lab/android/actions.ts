/**
 * State transitions shared by the shell commands: launching and stopping apps, HOME/BACK, power
 * keys and the keyguard. Semantics follow AOSP: a launch clears the stopped state
 * (ActivityManagerService -> setPackageStoppedState(false)); `am force-stop` kills the process and
 * sets it; `am kill` only kills background processes; SLEEP/POWER-off locks a phone that has a lock
 * screen; MENU or `wm dismiss-keyguard` dismiss only an insecure keyguard. A launch is also usage
 * (standby bucket ACTIVE) and the moment an app creates its notification channels; a force-stop
 * cancels the app's notifications (NotificationManagerService on ACTION_PACKAGE_RESTARTED).
 */
import { noteAppUsed } from './battery';
import { cancelNotifications, ensureLaunchChannels } from './notifications';
import { CANCEL_REASON } from './logbuffer';
import type { AppPackage, PhoneState } from './state';

export type LaunchState = 'COLD' | 'WARM' | 'HOT';

export interface LaunchResult {
  readonly state: LaunchState;
  /** Already the resumed top activity: the intent was delivered to it. */
  readonly alreadyTop: boolean;
}

/** Resolves ".Main" / "Main" / "com.x.Main" against a package. */
export function qualifyActivity(pkg: string, cls: string): string {
  if (cls.startsWith('.')) return `${pkg}${cls}`;
  return cls.includes('.') ? cls : `${pkg}.${cls}`;
}

/** ComponentName.flattenToShortString: ".Main" when the class lives under the package. */
export function shortComponent(pkg: string, cls: string): string {
  return cls.startsWith(`${pkg}.`) ? `${pkg}/${cls.slice(pkg.length)}` : `${pkg}/${cls}`;
}

function startProcess(phone: PhoneState, pkg: string): void {
  if (phone.processes.has(pkg)) return;
  phone.nextPid += 7 + (pkg.length % 13);
  phone.processes.set(pkg, phone.nextPid);
}

/** Starts (or brings to front) an app's activity, as a launcher tap or `am start` does. */
export function launchActivity(phone: PhoneState, app: AppPackage, activity: string): LaunchResult {
  const alreadyTop = phone.foreground.package === app.name && phone.foreground.activity === activity;
  const state: LaunchState = phone.processes.has(app.name) ? (alreadyTop ? 'HOT' : 'WARM') : 'COLD';
  startProcess(phone, app.name);
  app.stopped = false;
  app.notLaunched = false;
  noteAppUsed(phone, app);
  ensureLaunchChannels(phone, app);
  if (!alreadyTop) {
    const taskId = phone.foreground.package === app.name ? phone.foreground.taskId : phone.nextTaskId++;
    phone.foreground = { package: app.name, activity, taskId };
  }
  return { state, alreadyTop };
}

/** HOME: the launcher comes to front (ignored while the keyguard shows). */
export function goHome(phone: PhoneState): void {
  if (phone.screen === 'asleep' || phone.keyguard.showing) return;
  const launcher = phone.vendor.launcher;
  phone.foreground = { package: launcher.package, activity: launcher.activity, taskId: 1 };
}

/** BACK on the app's root activity: it finishes and the launcher shows; the process lives on. */
export function goBack(phone: PhoneState): void {
  if (phone.foreground.package === phone.vendor.launcher.package) return;
  goHome(phone);
}

/** APP_SWITCH: Recents (System UI before Android 10, the launcher's Quickstep after). */
export function openRecents(phone: PhoneState): void {
  if (phone.screen === 'asleep' || phone.keyguard.showing) return;
  phone.foreground =
    phone.sdk >= 29
      ? {
          package: phone.vendor.launcher.package,
          activity: 'com.android.quickstep.RecentsActivity',
          taskId: 1,
        }
      : {
          package: 'com.android.systemui',
          activity: 'com.android.systemui.recents.RecentsActivity',
          taskId: phone.nextTaskId++,
        };
}

/** `am force-stop`: process killed, stopped state set, its task leaves the screen. */
export function forceStop(phone: PhoneState, pkg: string): void {
  const app = phone.packages.get(pkg);
  phone.processes.delete(pkg);
  if (app && !app.system) app.stopped = true;
  if (app) cancelNotifications(app, undefined, { phone, reason: CANCEL_REASON.packageChanged });
  if (phone.foreground.package === pkg) {
    const launcher = phone.vendor.launcher;
    phone.foreground = { package: launcher.package, activity: launcher.activity, taskId: 1 };
  }
}

/** `am kill`: only a background process dies; the stopped state is untouched. */
export function killBackground(phone: PhoneState, pkg: string): boolean {
  const visible = phone.foreground.package === pkg && phone.screen === 'awake' && !phone.keyguard.showing;
  if (visible || !phone.processes.has(pkg)) return false;
  phone.processes.delete(pkg);
  return true;
}

export function sleep(phone: PhoneState, now: number): void {
  if (phone.screen === 'asleep') return;
  phone.screen = 'asleep';
  phone.lastSleepTime = now;
  if (phone.keyguard.lockScreen !== 'none') phone.keyguard.showing = true;
}

export function wake(phone: PhoneState, now: number): void {
  if (phone.screen === 'awake') return;
  phone.screen = 'awake';
  phone.lastWakeTime = now;
}

/** Dismisses the keyguard if it is insecure and the screen is on; a PIN keyguard stays. */
export function dismissKeyguard(phone: PhoneState): void {
  if (phone.screen === 'awake' && phone.keyguard.lockScreen !== 'pin') phone.keyguard.showing = false;
}

/** What a user sees: 'off', 'lock', 'home' or the foreground package. */
export function visibleSurface(phone: PhoneState): string {
  if (phone.screen === 'asleep') return 'off';
  if (phone.keyguard.showing) return 'lock';
  return phone.foreground.package === phone.vendor.launcher.package ? 'home' : phone.foreground.package;
}
