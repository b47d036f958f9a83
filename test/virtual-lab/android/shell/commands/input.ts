/**
 * `input keyevent <code|KEYCODE_NAME>...` (InputShellCommand; names resolve with or without the
 * KEYCODE_ prefix, codes per android.view.KeyEvent) and `wm dismiss-keyguard` / `wm size` /
 * `wm density`. Keys change the virtual phone the way a real one reacts: HOME 3, BACK 4,
 * POWER 26 (toggle), MENU 82 (dismisses an insecure keyguard), APP_SWITCH 187, SLEEP 223,
 * WAKEUP 224. Other keys and tap/swipe/text are accepted and do nothing visible here.
 */
import { dismissKeyguard, goBack, goHome, openRecents, sleep, wake } from '../../actions';
import type { CommandHandler } from '../types';
import { collapseShadeOnKey, inputTap } from './statusbar';

const KEYCODES: Record<string, number> = {
  KEYCODE_HOME: 3,
  KEYCODE_BACK: 4,
  KEYCODE_VOLUME_UP: 24,
  KEYCODE_VOLUME_DOWN: 25,
  KEYCODE_POWER: 26,
  KEYCODE_ENTER: 66,
  KEYCODE_MENU: 82,
  KEYCODE_NOTIFICATION: 83,
  KEYCODE_APP_SWITCH: 187,
  KEYCODE_SLEEP: 223,
  KEYCODE_WAKEUP: 224,
};

/** KeyEvent.keyCodeFromString, plus the bare-name form newer releases accept. */
export function keyCodeFromString(arg: string): number {
  if (/^\d+$/.test(arg)) return Number(arg);
  return KEYCODES[arg] ?? KEYCODES[`KEYCODE_${arg}`] ?? 0;
}

export const input: CommandHandler = async (ctx) => {
  const args = [...ctx.args];
  if (
    [
      'touchscreen',
      'keyboard',
      'dpad',
      'trackball',
      'mouse',
      'stylus',
      'touchpad',
      'gamepad',
      'joystick',
    ].includes(args[0] ?? '')
  ) {
    args.shift();
  }
  const [sub, ...rest] = args;
  if (sub === undefined) {
    await ctx.err('Usage: input [<source>] [-d DISPLAY_ID] <command> [<arg>...]\n');
    return 1;
  }
  if (sub === 'tap') return inputTap(ctx, rest);
  if (sub !== 'keyevent') return 0;
  const phone = ctx.env.phone;
  const now = ctx.env.now();
  for (const arg of rest.filter((a) => !a.startsWith('--'))) {
    collapseShadeOnKey(phone, keyCodeFromString(arg));
    switch (keyCodeFromString(arg)) {
      case 3:
        goHome(phone);
        break;
      case 4:
        goBack(phone);
        break;
      case 26:
        if (phone.screen === 'awake') sleep(phone, now);
        else wake(phone, now);
        break;
      case 82:
        dismissKeyguard(phone);
        break;
      case 187:
        openRecents(phone);
        break;
      case 223:
        sleep(phone, now);
        break;
      case 224:
        wake(phone, now);
        break;
      default:
        break;
    }
  }
  await ctx.env.delay(5, ctx.signal);
  return 0;
};

export const wm: CommandHandler = async (ctx) => {
  const phone = ctx.env.phone;
  switch (ctx.args[0]) {
    case 'dismiss-keyguard':
      dismissKeyguard(phone);
      return 0;
    case 'size':
      await ctx.out('Physical size: 1080x2400\n');
      return 0;
    case 'density':
      await ctx.out(`Physical density: ${phone.props.get('ro.sf.lcd_density') ?? '440'}\n`);
      return 0;
    default:
      await ctx.err(`Unknown command: ${ctx.args[0] ?? ''}\n`);
      return 255;
  }
};
