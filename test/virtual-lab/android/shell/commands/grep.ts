/**
 * toybox `grep [-EFivcqo] PATTERN [FILE...]`, enough for `dumpsys window | grep -E 'a|b'`.
 * Basic regular expressions (the default) treat | ( ) { } + ? literally unless backslashed;
 * extended ones (-E) do the reverse. Exit 0 on a match, 1 on none, 2 on a bad pattern.
 */
import type { CommandHandler } from '../types';

/** POSIX BRE (with the GNU \| extension) to a JavaScript regex source. */
function breToJs(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === '\\' && i + 1 < pattern.length) {
      const n = pattern[++i] ?? '';
      out += '|(){}+?'.includes(n) ? n : `\\${n}`;
    } else out += '|(){}+?'.includes(c) ? `\\${c}` : c;
  }
  return out;
}

export const grep: CommandHandler = async (ctx) => {
  const flags = new Set<string>();
  const operands: string[] = [];
  const patterns: string[] = [];
  for (let i = 0; i < ctx.args.length; i++) {
    const a = ctx.args[i] ?? '';
    if (a === '-e') patterns.push(ctx.args[++i] ?? '');
    else if (a.length > 1 && a.startsWith('-') && operands.length === 0)
      for (const c of a.slice(1)) flags.add(c);
    else operands.push(a);
  }
  if (patterns.length === 0) {
    const p = operands.shift();
    if (p === undefined) {
      await ctx.err('grep: Needs 1 argument\n');
      return 2;
    }
    patterns.push(p);
  }
  let re: RegExp;
  try {
    const sources = patterns.map((p) =>
      flags.has('F') ? p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : flags.has('E') ? p : breToJs(p),
    );
    re = new RegExp(sources.map((s) => `(?:${s})`).join('|'), flags.has('i') ? 'i' : '');
  } catch {
    await ctx.err(`grep: bad regex '${patterns.join('')}'\n`);
    return 2;
  }
  const inputs: Buffer[] = [];
  if (operands.length === 0) inputs.push(await ctx.stdin.readAll());
  for (const path of operands) {
    const data = ctx.env.fs.read(path);
    if (data) inputs.push(data);
    else await ctx.err(`grep: ${path}: No such file or directory\n`);
  }
  let count = 0;
  let text = '';
  for (const input of inputs) {
    const lines = input.toString('utf8').split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    for (const line of lines) {
      const hit = re.test(line) !== flags.has('v');
      if (!hit) continue;
      count++;
      if (flags.has('o') && !flags.has('v')) {
        const all = line.match(new RegExp(re.source, `g${re.flags}`)) ?? [];
        for (const m of all) text += `${m}\n`;
      } else text += `${line}\n`;
    }
  }
  if (!flags.has('q')) await ctx.out(flags.has('c') ? `${count}\n` : text);
  return count > 0 ? 0 : 1;
};
