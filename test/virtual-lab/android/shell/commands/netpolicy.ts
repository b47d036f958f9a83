/**
 * `cmd netpolicy` (NetworkPolicyManagerShellCommand): data saver and the per-uid background-data
 * restriction (POLICY_REJECT_METERED_BACKGROUND).
 * - `get restrict-background` -> "Restrict background status: enabled|disabled".
 * - `list restrict-background-blacklist` -> "Restrict background blacklisted UIDs: 10234 " (each uid
 *   followed by a space) or "...: none", then an empty line (listUidPolicies prints println() after).
 * - `set restrict-background true|false`, `add|remove restrict-background-blacklist <uid>`.
 * - `dumpsys netpolicy`: the head of NetworkPolicyManagerService.dump as the HyperOS capture
 *   (test/fixtures/netpolicy) prints it: "Restrict background: <bool>", "Policy for UIDs:" with
 *   "  UID=<uid> policy=1 (REJECT_METERED_BACKGROUND)" lines.
 * - Unknown types: "Error: unknown list type 'X'" (stdout, exit -1). We found no release that
 *   accepts "restrict-background-denylist" (AOSP and vendor builds read in the code index all use
 *   the blacklist names), so it gets that error too.
 */
import type { PhoneState } from '../../state';
import type { CommandContext } from '../types';
import { EXIT_MINUS_ONE } from '../types';

function restrictedUids(phone: PhoneState): number[] {
  return [...phone.packages.values()]
    .filter((a) => a.installed && a.settings.backgroundDataRestricted)
    .map((a) => a.uid)
    .sort((a, b) => a - b);
}

async function fail(ctx: CommandContext, text: string): Promise<number> {
  await ctx.out(`${text}\n`);
  return EXIT_MINUS_ONE;
}

async function setUidPolicy(
  ctx: CommandContext,
  uidText: string | undefined,
  restricted: boolean,
): Promise<number> {
  if (uidText === undefined) return fail(ctx, "Error: didn't specify UID");
  if (!/^\d+$/.test(uidText)) return fail(ctx, `Error: UID (${uidText}) should be a number`);
  const uid = Number(uidText);
  for (const app of ctx.env.phone.packages.values())
    if (app.uid === uid) app.settings.backgroundDataRestricted = restricted;
  return 0;
}

/** `dumpsys netpolicy` (the fields a push lab reads). */
export function dumpNetpolicy(phone: PhoneState): string {
  const lines = [
    'System ready: true',
    `Restrict background: ${phone.power.dataSaver}`,
    'Restrict power: false',
    'Device idle: false',
    ...(phone.sdk >= 31 ? ['Restricted networking mode: false'] : []),
    'Metered ifaces: {}',
    '',
    'Network policies:',
    '',
    'Policy for UIDs:',
    ...restrictedUids(phone).map((uid) => `  UID=${uid} policy=1 (REJECT_METERED_BACKGROUND)`),
  ];
  return `${lines.join('\n')}\n`;
}

/** Words after `cmd netpolicy`. */
export async function netpolicyCommand(ctx: CommandContext, args: readonly string[]): Promise<number> {
  const phone = ctx.env.phone;
  const [sub, type, value] = args;
  switch (sub) {
    case 'get':
      if (type === undefined) return fail(ctx, "Error: didn't specify type of data to get");
      if (type !== 'restrict-background') return fail(ctx, `Error: unknown get type '${type}'`);
      await ctx.out(`Restrict background status: ${phone.power.dataSaver ? 'enabled' : 'disabled'}\n`);
      return 0;
    case 'set':
      if (type !== 'restrict-background')
        return fail(
          ctx,
          type === undefined
            ? "Error: didn't specify type of data to set"
            : `Error: unknown set type '${type}'`,
        );
      if (value !== 'true' && value !== 'false')
        return fail(
          ctx,
          value === undefined
            ? "Error: didn't specify BOOLEAN"
            : `Error: invalid value for BOOLEAN: ${value}`,
        );
      phone.power.dataSaver = value === 'true';
      return 0;
    case 'list': {
      if (type === undefined) return fail(ctx, "Error: didn't specify type of data to list");
      if (type !== 'restrict-background-blacklist') return fail(ctx, `Error: unknown list type '${type}'`);
      const uids = restrictedUids(phone);
      await ctx.out(
        `Restrict background blacklisted UIDs: ${uids.length === 0 ? 'none\n' : uids.map((u) => `${u} `).join('')}\n`,
      );
      return 0;
    }
    case 'add':
    case 'remove':
      if (type !== 'restrict-background-blacklist') {
        return fail(
          ctx,
          type === undefined
            ? `Error: didn't specify type of data to ${sub}`
            : `Error: unknown ${sub} type '${type}'`,
        );
      }
      return setUidPolicy(ctx, value, sub === 'add');
    case undefined:
    case 'help':
    case '-h':
      await ctx.out('Network policy manager (netpolicy) commands:\n  help\n    Print this help text.\n');
      return 0;
    default:
      await ctx.out(`Unknown command: ${sub}\n`);
      return EXIT_MINUS_ONE;
  }
}
