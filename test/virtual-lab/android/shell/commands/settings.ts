/**
 * `settings [--user N] get|put|delete|list <global|secure|system> [key] [value]` as
 * SettingsService's shell command prints: a missing key reads "null"; delete reports
 * "Deleted N rows"; list prints key=value lines.
 */
import type { CommandHandler } from '../types';

export const settings: CommandHandler = async (ctx) => {
  const args = [...ctx.args];
  while (args[0] === '--user' || args[0] === '--lineage') args.splice(0, args[0] === '--user' ? 2 : 1);
  const [verb, namespace, key, ...value] = args;
  const store =
    namespace === 'global' || namespace === 'secure' || namespace === 'system'
      ? ctx.env.phone.settings[namespace]
      : null;
  if (!verb || !store) {
    await ctx.err(
      verb
        ? `Invalid namespace '${namespace ?? ''}'\n`
        : 'usage:  settings [--user <USER_ID> | current] get namespace key\n',
    );
    return 255;
  }
  switch (verb) {
    case 'get':
      await ctx.out(`${key !== undefined ? (store.get(key) ?? 'null') : 'null'}\n`);
      return 0;
    case 'put':
      if (key === undefined || value[0] === undefined) {
        await ctx.err('Usage: put namespace key value\n');
        return 255;
      }
      store.set(key, value[0]);
      return 0;
    case 'delete':
      await ctx.out(`Deleted ${key !== undefined && store.delete(key) ? 1 : 0} rows\n`);
      return 0;
    case 'list':
      await ctx.out([...store].map(([k, v]) => `${k}=${v}\n`).join(''));
      return 0;
    default:
      await ctx.err(`Invalid command: ${verb}\n`);
      return 255;
  }
};
