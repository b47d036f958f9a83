/**
 * `getprop [name [default]]` as toolbox prints it (AOSP system/core/toolbox/getprop.cpp): the full
 * list as `[name]: [value]` lines, or one value (or the default, or an empty line) for a name.
 */
import { renderGetprop } from '../../props';
import type { CommandHandler } from '../types';

export const getprop: CommandHandler = async (ctx) => {
  const props = ctx.env.phone.props;
  const [name, fallback] = ctx.args.filter((a) => !a.startsWith('-'));
  if (name === undefined) {
    await ctx.out(renderGetprop(props));
    return 0;
  }
  await ctx.out(`${props.get(name) ?? fallback ?? ''}\n`);
  return 0;
};
