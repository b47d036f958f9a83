/**
 * `screencap [-p] [-d display] [FILE]` (frameworks/base cmds/screencap): PNG with -p or a .png
 * file name, otherwise the raw framebuffer. The picture reflects the virtual phone's state.
 */
import { visibleSurface } from '../../actions';
import { screenPng, screenRaw } from '../../png';
import type { CommandHandler } from '../types';

export const screencap: CommandHandler = async (ctx) => {
  let png = false;
  let file: string | undefined;
  for (let i = 0; i < ctx.args.length; i++) {
    const a = ctx.args[i] ?? '';
    if (a === '-p') png = true;
    else if (a === '-d') i++;
    else if (a === '-h') {
      await ctx.err('usage: screencap [-hp] [-d display-id] [FILENAME]\n');
      return 0;
    } else if (!a.startsWith('-')) file = a;
  }
  const { phone, fs } = ctx.env;
  const surface = visibleSurface(phone);
  if (file !== undefined) {
    const data = png || file.endsWith('.png') ? screenPng(surface) : screenRaw(surface, phone.sdk);
    const error = fs.write(file, data, 0o644, fs.nowSeconds());
    if (error) {
      await ctx.err(`Error opening file: ${file} (Permission denied)\n`);
      return 1;
    }
    return 0;
  }
  await ctx.env.delay(15, ctx.signal);
  await ctx.out(png ? screenPng(surface) : screenRaw(surface, phone.sdk));
  return 0;
};
