/**
 * How to reach, prove and undo each app state. `enter` returns a reason when the state cannot
 * even be attempted on this phone; `verify` returns the read-backs; `leave` restores the phone.
 */
import type { AdbDeviceIo } from '../../adb/device-io';
import { forceStop } from '../commands/force-stop';
import { launchApp } from '../commands/launch-app';
import { screenOff, screenOn } from '../commands/screen-power';
import { sendToBackground } from '../commands/send-to-background';
import { resetBattery } from '../commands/state/battery-reset';
import { unplugBattery } from '../commands/state/battery-unplug';
import { forceDeepIdle } from '../commands/state/force-idle';
import { readBoot } from '../commands/state/read-boot';
import { requestReboot } from '../commands/state/reboot';
import { unforceIdle } from '../commands/state/unforce-idle';
import { swipeAway } from '../commands/swipe-away';
import { unlockIfInsecure } from '../commands/unlock';
import type { AppState } from '../../../../shared/scenarios/types';
import {
  checkAccount,
  checkBootCompleted,
  checkDeepIdle,
  checkForeground,
  checkKeyguard,
  checkProcess,
  checkScreen,
  checkStopped,
} from './checks';
import { waitForReboot } from './reboot-wait';
import type { AccountActions, StateCheck, StateContext } from './types';

export interface StateDriver {
  enter(io: AdbDeviceIo, ctx: StateContext, steps: string[]): Promise<string | null>;
  verify(io: AdbDeviceIo, ctx: StateContext): Promise<StateCheck[]>;
  leave(io: AdbDeviceIo, ctx: StateContext, steps: string[]): Promise<StateCheck[]>;
}

/** Screen on, lock screen gone (throws when it is secure), app launched. */
async function openApp(io: AdbDeviceIo, ctx: StateContext): Promise<void> {
  await unlockIfInsecure(io);
  await launchApp(io, ctx.package);
}

async function screenBack(io: AdbDeviceIo): Promise<StateCheck[]> {
  await screenOn(io);
  await unlockIfInsecure(io);
  return [await checkScreen(io, 'on'), await checkKeyguard(io, false)];
}

const nothingToUndo = async (): Promise<StateCheck[]> => [];

function needAccount(ctx: StateContext): AccountActions | string {
  return (
    ctx.accountActions ?? 'Needs account actions (login/logout/kick) from the run engine; none were given.'
  );
}

async function account(
  ctx: StateContext,
  steps: string[],
  action: 'login' | 'logout' | 'kick',
): Promise<void> {
  steps.push(`account: ${action}`);
  await ctx.accountActions?.[action]();
}

export const DRIVERS: Record<AppState, StateDriver> = {
  foreground: {
    async enter(io, ctx) {
      await openApp(io, ctx);
      return null;
    },
    async verify(io, ctx) {
      return [
        await checkForeground(io, ctx.package, true),
        await checkScreen(io, 'on'),
        await checkKeyguard(io, false),
      ];
    },
    leave: nothingToUndo,
  },
  background: {
    async enter(io, ctx) {
      await openApp(io, ctx);
      await sendToBackground(io);
      return null;
    },
    async verify(io, ctx) {
      return [
        await checkForeground(io, ctx.package, false),
        await checkProcess(io, ctx.package, true),
        await checkScreen(io, 'on'),
      ];
    },
    leave: nothingToUndo,
  },
  'screen-locked': {
    async enter(io, ctx) {
      await openApp(io, ctx);
      await screenOff(io);
      return null;
    },
    async verify(io, ctx) {
      return [
        await checkScreen(io, 'off'),
        await checkKeyguard(io, true),
        await checkProcess(io, ctx.package, true),
      ];
    },
    leave: (io) => screenBack(io),
  },
  'swiped-away': {
    async enter(io, ctx) {
      await openApp(io, ctx);
      await swipeAway(io, ctx.package);
      return null;
    },
    async verify(io, ctx) {
      return [
        await checkForeground(io, ctx.package, false),
        await checkProcess(io, ctx.package, false),
        await checkStopped(io, ctx.package, false),
      ];
    },
    leave: nothingToUndo,
  },
  'force-stopped': {
    async enter(io, ctx) {
      await openApp(io, ctx);
      await sendToBackground(io);
      await forceStop(io, ctx.package);
      return null;
    },
    async verify(io, ctx) {
      return [await checkProcess(io, ctx.package, false), await checkStopped(io, ctx.package, true)];
    },
    leave: nothingToUndo,
  },
  doze: {
    async enter(io, ctx) {
      if (ctx.sdk !== null && ctx.sdk < 23)
        return `Doze does not exist before Android 6 (this phone has API ${ctx.sdk}).`;
      await openApp(io, ctx);
      await sendToBackground(io);
      await unplugBattery(io); // a charging phone never dozes on its own; force-idle overrides, reset undoes
      await screenOff(io);
      await forceDeepIdle(io);
      return null;
    },
    async verify(io) {
      return [await checkDeepIdle(io, true), await checkScreen(io, 'off')];
    },
    async leave(io) {
      await unforceIdle(io);
      await resetBattery(io);
      const screen = await screenBack(io);
      return [await checkDeepIdle(io, false), ...screen];
    },
  },
  'after-reboot': {
    async enter(io, ctx) {
      // Launch first so "not running" after the reboot means the reboot, not a never-started app.
      await openApp(io, ctx);
      const before = await readBoot(io);
      await requestReboot(io);
      const back = await waitForReboot(io, before.bootId, ctx);
      return back.back ? null : back.reason;
    },
    async verify(io, ctx) {
      return [await checkBootCompleted(io), await checkProcess(io, ctx.package, false)];
    },
    leave: (io) => screenBack(io),
  },
  'logged-out': {
    async enter(io, ctx, steps) {
      const actions = needAccount(ctx);
      if (typeof actions === 'string') return actions;
      await openApp(io, ctx);
      await account(ctx, steps, 'logout');
      await sendToBackground(io);
      return null;
    },
    async verify(io, ctx) {
      return [await checkAccount(ctx, 'logged-out'), await checkForeground(io, ctx.package, false)];
    },
    async leave(_io, ctx, steps) {
      await account(ctx, steps, 'login');
      return [await checkAccount(ctx, 'logged-in')];
    },
  },
  'kicked-offline': {
    async enter(io, ctx, steps) {
      const actions = needAccount(ctx);
      if (typeof actions === 'string') return actions;
      await openApp(io, ctx);
      await sendToBackground(io);
      await account(ctx, steps, 'kick');
      return null;
    },
    async verify(io, ctx) {
      return [await checkAccount(ctx, 'kicked'), await checkForeground(io, ctx.package, false)];
    },
    async leave(_io, ctx, steps) {
      await account(ctx, steps, 'login');
      return [await checkAccount(ctx, 'logged-in')];
    },
  },
};
