/**
 * A tiny scripted phone behind FakeDeviceIo for the app-state unit tests: it keeps screen, lock,
 * foreground, process, stopped flag, Doze and boot id, and answers in the real output formats.
 */
import { FakeDeviceIo } from '../../../support/fake-device-io';

export const PKG = 'com.example.app';
const LAUNCHER = 'com.android.launcher3/.uioverview.QuickstepLauncher';

export interface PhoneModel {
  screen: 'Awake' | 'Asleep';
  keyguard: boolean;
  secureLock: boolean;
  top: string;
  running: boolean;
  stopped: boolean;
  deep: 'ACTIVE' | 'IDLE';
  forced: boolean;
  unplugged: boolean;
  bootId: string;
  /** Polls left while rebooting (shell throws); -1 = the phone never comes back. */
  offlinePolls: number;
  rebootRefused: boolean;
  /** `am kill` leaves the process alive (app with a foreground service). */
  killIgnored: boolean;
}

export function scriptedPhone(patch: Partial<PhoneModel> = {}): { io: FakeDeviceIo; phone: PhoneModel } {
  const phone: PhoneModel = {
    screen: 'Awake',
    keyguard: false,
    secureLock: false,
    top: LAUNCHER,
    running: false,
    stopped: true,
    deep: 'ACTIVE',
    forced: false,
    unplugged: false,
    bootId: 'aaaaaaaa-0000-4000-8000-000000000001',
    offlinePolls: 0,
    rebootRefused: false,
    killIgnored: false,
    ...patch,
  };
  let rebooting = false;
  const home = (): void => {
    if (phone.screen === 'Awake' && !phone.keyguard) phone.top = LAUNCHER;
  };
  const io = new FakeDeviceIo('PHONE1', [
    [/^getprop sys.boot_completed$/, () => (rebooting ? '\n' : '1\n')],
    [/^cat \/proc\/sys\/kernel\/random\/boot_id/, () => `${phone.bootId}\n`],
    [
      /^reboot$/,
      () => {
        if (phone.rebootRefused) return '';
        Object.assign(phone, {
          running: false,
          screen: 'Awake',
          keyguard: true,
          top: LAUNCHER,
          deep: 'ACTIVE',
          forced: false,
          unplugged: false,
        });
        phone.bootId = 'bbbbbbbb-0000-4000-8000-000000000002';
        rebooting = true;
        throw new Error('closed');
      },
    ],
    [
      /^monkey -p com\.example\.app /,
      () => {
        Object.assign(phone, { running: true, stopped: false, top: `${PKG}/.MainActivity` });
        return 'Events injected: 1\n';
      },
    ],
    [/^input keyevent 224$/, () => ((phone.screen = 'Awake'), '')],
    [
      /^input keyevent 223$/,
      () => {
        phone.screen = 'Asleep';
        phone.keyguard = true;
        return '';
      },
    ],
    [/^input keyevent 3$/, () => (home(), '')],
    [/^input keyevent 82$/, () => ''],
    [
      /^wm dismiss-keyguard$/,
      () => {
        if (!phone.secureLock && phone.screen === 'Awake') phone.keyguard = false;
        return '';
      },
    ],
    [
      /^am kill com\.example\.app$/,
      () => {
        if (!phone.killIgnored && phone.top !== `${PKG}/.MainActivity`) phone.running = false;
        return '';
      },
    ],
    [
      /^am force-stop com\.example\.app$/,
      () => {
        Object.assign(phone, { running: false, stopped: true });
        home();
        return '';
      },
    ],
    [/^pidof com\.example\.app$/, () => (phone.running ? '12345\n' : '')],
    [
      /^dumpsys package com\.example\.app$/,
      () =>
        `Packages:\n  Package [${PKG}] (1a2b3c):\n    versionCode=7 minSdk=24 targetSdk=34\n ` +
        `   User 0: ceDataInode=1 installed=true hidden=false suspended=false stopped=${phone.stopped} ` +
        `notLaunched=false enabled=0\n`,
    ],
    [
      /^dumpsys activity activities$/,
      () => `  topResumedActivity=ActivityRecord{9f1c2d u0 ${phone.top} t7}\n`,
    ],
    [/^dumpsys power$/, () => `Power Manager State:\n  mWakefulness=${phone.screen}\n`],
    [
      /^dumpsys window$/,
      () =>
        `    KeyguardServiceDelegate\n      showing=${phone.keyguard}\n      secure=${phone.secureLock}\n`,
    ],
    [/^dumpsys battery unplug$/, () => ((phone.unplugged = true), '')],
    [
      /^dumpsys battery reset$/,
      () => {
        phone.unplugged = false;
        if (!phone.forced) phone.deep = 'ACTIVE'; // charging: becomeActiveLocked("charging")
        return '';
      },
    ],
    [
      /^dumpsys deviceidle force-idle deep$/,
      () => {
        Object.assign(phone, { deep: 'IDLE', forced: true });
        return 'Now forced in to deep idle mode\n';
      },
    ],
    [
      /^dumpsys deviceidle unforce$/,
      () => {
        phone.forced = false;
        if (!phone.unplugged || phone.screen === 'Awake') phone.deep = 'ACTIVE';
        return `Light state: ACTIVE, deep state: ${phone.deep}\n`;
      },
    ],
    [/^dumpsys deviceidle get deep$/, () => `${phone.deep}\n`],
  ]);
  // While rebooting, every call fails until the phone is back.
  const shell = io.shell.bind(io);
  io.shell = async (command: string): Promise<string> => {
    if (rebooting && command !== 'reboot') {
      if (phone.offlinePolls !== 0) {
        if (phone.offlinePolls > 0) phone.offlinePolls -= 1;
        io.commands.push(command);
        throw new Error(`device '${io.serial}' not found`);
      }
      rebooting = false;
    }
    return shell(command);
  };
  return { io, phone };
}

/** A clock that only moves when the code under test waits. */
export function steppingClock(): { now(): number; iso(): string; wait(ms: number): Promise<void> } {
  let t = 1_700_000_000_000;
  return {
    now: () => t,
    iso: () => new Date(t).toISOString(),
    wait: async (ms: number) => {
      t += ms;
    },
  };
}
