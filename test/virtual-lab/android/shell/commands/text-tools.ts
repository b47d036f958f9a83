/**
 * toybox filters often piped after dumpsys/getprop (head, tail, wc) and `ps -A` in toybox's
 * default column layout (USER PID PPID VSZ RSS WCHAN ADDR S NAME).
 */
import type { CommandContext, CommandHandler } from '../types';

async function inputText(ctx: CommandContext, files: readonly string[]): Promise<string | null> {
  if (files.length === 0) return (await ctx.stdin.readAll()).toString('utf8');
  let text = '';
  for (const f of files) {
    const data = ctx.env.fs.read(f);
    if (!data) {
      await ctx.err(`${ctx.name}: ${f}: No such file or directory\n`);
      return null;
    }
    text += data.toString('utf8');
  }
  return text;
}

function lineCountArg(args: readonly string[]): { n: number; files: string[] } {
  let n = 10;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-n') n = Number(args[++i] ?? '10');
    else if (/^-\d+$/.test(a)) n = Number(a.slice(1));
    else if (/^-n\d+$/.test(a)) n = Number(a.slice(2));
    else files.push(a);
  }
  return { n: Number.isFinite(n) ? n : 10, files };
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export const head: CommandHandler = async (ctx) => {
  const { n, files } = lineCountArg(ctx.args);
  const text = await inputText(ctx, files);
  if (text === null) return 1;
  const lines = splitLines(text).slice(0, n);
  await ctx.out(lines.map((l) => `${l}\n`).join(''));
  return 0;
};

export const tail: CommandHandler = async (ctx) => {
  const { n, files } = lineCountArg(ctx.args);
  const text = await inputText(ctx, files);
  if (text === null) return 1;
  const lines = splitLines(text);
  await ctx.out(
    lines
      .slice(Math.max(0, lines.length - n))
      .map((l) => `${l}\n`)
      .join(''),
  );
  return 0;
};

export const wc: CommandHandler = async (ctx) => {
  const flags = ctx.args.filter((a) => a.startsWith('-')).join('');
  const files = ctx.args.filter((a) => !a.startsWith('-'));
  const text = await inputText(ctx, files);
  if (text === null) return 1;
  const counts = {
    l: (text.match(/\n/g) ?? []).length,
    w: text.split(/\s+/).filter((w) => w !== '').length,
    c: Buffer.byteLength(text, 'utf8'),
  };
  const wanted = (['l', 'w', 'c'] as const).filter((k) => flags.includes(k));
  const shown = wanted.length > 0 ? wanted : (['l', 'w', 'c'] as const);
  await ctx.out(
    `${shown.map((k) => (shown.length > 1 ? String(counts[k]).padStart(7) : String(counts[k]))).join(' ')}\n`,
  );
  return 0;
};

export const ps: CommandHandler = async (ctx) => {
  const { phone } = ctx.env;
  const rows = ['USER            PID   PPID        VSZ    RSS WCHAN            ADDR S NAME'];
  rows.push('root              1      0   10923180  11052 do_epoll_wait       0 S init');
  for (const [name, pid] of [...phone.processes].sort((a, b) => a[1] - b[1])) {
    const app = phone.packages.get(name);
    const uid = app?.uid ?? 1000;
    const user = uid < 10000 ? (uid === 1000 ? 'system' : 'root') : `u0_a${uid - 10000}`;
    rows.push(
      `${user.padEnd(12)} ${String(pid).padStart(6)}    ${phone.sdk >= 29 ? 1200 : 700} ` +
        `  ${String(14_000_000 + (pid % 997) * 1000).padStart(8)} ${String(90_000 + (pid % 89) * 1000).padStart(6)} ` +
        `do_epoll_wait       0 S ${name}`,
    );
  }
  await ctx.out(`${rows.join('\n')}\n`);
  return 0;
};
