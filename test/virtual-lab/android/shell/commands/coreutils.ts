/**
 * The toybox tools host software runs over adb: echo, rm, ls, cat, id, pidof, sleep. Messages
 * follow toybox's "<tool>: <path>: <strerror>" form (e.g. "rm: /x: No such file or directory").
 * `id` prints what the adb shell user is on a production build.
 */
import { powerExtras } from '../../power-state';
import type { CommandContext, CommandHandler } from '../types';

const BOOT_ID_PATH = '/proc/sys/kernel/random/boot_id';

const ERRNO = {
  ENOENT: 'No such file or directory',
  EISDIR: 'Is a directory',
  EACCES: 'Permission denied',
} as const;

/** Splits "-abc" style flags from operands (toybox stops at "--"). */
function flagsAndOperands(
  args: readonly string[],
  known: string,
): { flags: Set<string>; operands: string[] } {
  const flags = new Set<string>();
  const operands: string[] = [];
  let done = false;
  for (const a of args) {
    if (!done && a === '--') done = true;
    else if (!done && a.length > 1 && a.startsWith('-') && [...a.slice(1)].every((c) => known.includes(c))) {
      for (const c of a.slice(1)) flags.add(c);
    } else operands.push(a);
  }
  return { flags, operands };
}

function unescape(text: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '\\' || i === text.length - 1) {
      out += c;
      continue;
    }
    const n = text[++i];
    if (n === 'c') return { text: out, stop: true };
    out +=
      (
        {
          n: '\n',
          t: '\t',
          r: '\r',
          '\\': '\\',
          a: '\x07',
          b: '\b',
          e: '\x1b',
          f: '\f',
          v: '\v',
          '0': '\0',
        } as Record<string, string>
      )[n ?? ''] ?? `\\${n}`;
  }
  return { text: out, stop: false };
}

export const echo: CommandHandler = async (ctx) => {
  const { flags, operands } = flagsAndOperands(ctx.args, 'neE');
  let text = operands.join(' ');
  let newline = !flags.has('n');
  if (flags.has('e')) {
    const r = unescape(text);
    text = r.text;
    if (r.stop) newline = false;
  }
  await ctx.out(newline ? `${text}\n` : text);
  return 0;
};

export const rm: CommandHandler = async (ctx) => {
  const { flags, operands } = flagsAndOperands(ctx.args, 'frRiv');
  let status = 0;
  if (operands.length === 0 && !flags.has('f')) {
    await ctx.err('rm: Needs 1 argument\n');
    return 1;
  }
  for (const path of operands) {
    const error = ctx.env.fs.remove(path);
    if (!error || (error === 'ENOENT' && flags.has('f'))) continue;
    await ctx.err(`rm: ${path}: ${ERRNO[error]}\n`);
    status = 1;
  }
  return status;
};

function modeString(mode: number, dir: boolean): string {
  const bits = 'rwxrwxrwx';
  let s = dir ? 'd' : '-';
  for (let i = 0; i < 9; i++) s += mode & (1 << (8 - i)) ? bits[i] : '-';
  return s;
}

export const ls: CommandHandler = async (ctx) => {
  const { flags, operands } = flagsAndOperands(ctx.args, 'lad1RtrhSs');
  const fs = ctx.env.fs;
  const targets = operands.length > 0 ? operands : ['/'];
  let status = 0;
  let text = '';
  const line = (name: string, st: { mode: number; size: number; mtime: number }): string => {
    if (!flags.has('l')) return `${name}\n`;
    const date = new Date(st.mtime * 1000).toISOString().replace('T', ' ').slice(0, 16);
    const dir = (st.mode & 0o170000) === 0o040000;
    return `${modeString(st.mode, dir)} 1 shell shell ${String(st.size).padStart(8)} ${date} ${name}\n`;
  };
  for (const target of targets) {
    const st = fs.stat(target);
    if (!st) {
      await ctx.err(`ls: ${target}: No such file or directory\n`);
      status = 1;
      continue;
    }
    const entries = (st.mode & 0o170000) === 0o040000 && !flags.has('d') ? fs.list(target) : null;
    if (!entries) {
      text += line(target, st);
      continue;
    }
    if (targets.length > 1) text += `${target}:\n`;
    for (const e of entries) text += line(e.name, e);
  }
  await ctx.out(text);
  return status;
};

export const cat: CommandHandler = async (ctx) => {
  if (ctx.args.length === 0) {
    await ctx.out(await ctx.stdin.readAll());
    return 0;
  }
  let status = 0;
  for (const path of ctx.args) {
    // procfs: the kernel's per-boot UUID (changes on every reboot).
    const data =
      path === BOOT_ID_PATH ? Buffer.from(`${powerExtras(ctx.env.phone).bootId}\n`) : ctx.env.fs.read(path);
    if (data) await ctx.out(data);
    else {
      await ctx.err(`cat: ${path}: ${ctx.env.fs.stat(path) ? ERRNO.EISDIR : ERRNO.ENOENT}\n`);
      status = 1;
    }
  }
  return status;
};

export const id: CommandHandler = async (ctx) => {
  await ctx.out(
    'uid=2000(shell) gid=2000(shell) groups=2000(shell),1004(input),1007(log),1011(adb),' +
      '1015(sdcard_rw),1028(sdcard_r),1078(ext_data_rw),1079(ext_obb_rw),3001(net_bt_' +
      'admin),3002(net_bt),3003(inet),3006(net_bw_stats),3009(readproc),3011(uhid),3012(readtracefs) ' +
      'context=u:r:shell:s0\n',
  );
  return 0;
};

export const pidof: CommandHandler = async (ctx: CommandContext) => {
  const { operands } = flagsAndOperands(ctx.args, 'so');
  const pids = operands
    .map((name) => ctx.env.phone.processes.get(name))
    .filter((p): p is number => p !== undefined);
  if (pids.length === 0) return 1;
  await ctx.out(`${pids.join(' ')}\n`);
  return 0;
};

export const sleep: CommandHandler = async (ctx) => {
  const seconds = Number(ctx.args[0] ?? '');
  if (!Number.isFinite(seconds) || seconds < 0) {
    await ctx.err(`sleep: Bad number '${ctx.args[0] ?? ''}'\n`);
    return 1;
  }
  await ctx.env.delay(seconds * 1000, ctx.signal);
  return 0;
};

/**
 * toybox `date` for the formats PushLab reads: `+%s`, `+%s.%3N` (and %N, nanoseconds). The phone's
 * clock is the host's (env.now): the true clock offset is 0, which the clock bench relies on.
 */
export const date: CommandHandler = async (ctx) => {
  const nowMs = ctx.env.now();
  const format = ctx.args[0];
  if (format === undefined) {
    await ctx.out(`${new Date(nowMs).toUTCString()}\n`);
    return 0;
  }
  if (!format.startsWith('+')) {
    await ctx.err(`date: bad date '${format}'\n`);
    return 1;
  }
  const seconds = Math.floor(nowMs / 1000);
  const millis = String(Math.floor(nowMs) % 1000).padStart(3, '0');
  const text = format
    .slice(1)
    .replace(/%3N/g, millis)
    .replace(/%N/g, `${millis}000000`)
    .replace(/%s/g, String(seconds));
  await ctx.out(`${text}\n`);
  return 0;
};
