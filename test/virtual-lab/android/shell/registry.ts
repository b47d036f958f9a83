/**
 * Every command the virtual phone knows, by name (one module per command family in ./commands).
 */
import { am } from './commands/am';
import { appops, cmd } from './commands/cmd';
import { cat, date, echo, id, ls, pidof, rm, sleep } from './commands/coreutils';
import { dumpsys } from './commands/dumpsys';
import { getprop } from './commands/getprop';
import { grep } from './commands/grep';
import { input, wm } from './commands/input';
import { logcat } from './commands/logcat';
import { monkey } from './commands/monkey';
import { pm } from './commands/pm';
import { reboot, svc } from './commands/reboot';
import { settings } from './commands/settings';
import { screencapWithShade } from './commands/statusbar';
import { head, ps, tail, wc } from './commands/text-tools';
import { uiautomator } from './commands/uiautomator';
import type { CommandHandler } from './types';

const COMMANDS: ReadonlyMap<string, CommandHandler> = new Map<string, CommandHandler>([
  ['getprop', getprop],
  ['pm', pm],
  ['cmd', cmd],
  ['appops', appops],
  ['am', am],
  ['monkey', monkey],
  ['input', input],
  ['wm', wm],
  ['dumpsys', dumpsys],
  ['screencap', screencapWithShade],
  ['settings', settings],
  ['echo', echo],
  ['rm', rm],
  ['ls', ls],
  ['cat', cat],
  ['id', id],
  ['pidof', pidof],
  ['sleep', sleep],
  ['date', date],
  ['grep', grep],
  ['head', head],
  ['tail', tail],
  ['wc', wc],
  ['ps', ps],
  ['reboot', reboot],
  ['svc', svc],
  ['logcat', logcat],
  ['uiautomator', uiautomator],
]);

/** The handler for a command name, if this phone has it. */
export function lookupCommand(name: string): CommandHandler | undefined {
  return COMMANDS.get(name);
}
