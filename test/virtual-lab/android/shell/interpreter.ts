/**
 * Runs parsed command lines like /system/bin/sh -c does on a phone: expansion and field splitting
 * (POSIX XCU 2.6), redirections, pipelines (run in order, bytes buffered), && / || / ! and exit
 * statuses. Unknown commands fail as mksh reports them: "<sh>: <name>: inaccessible or not found",
 * status 127. Only builtins a host tool needs exist (exit, true, false, :, cd, export, sh -c).
 */
import { normalizePath } from '../fs';
import {
  parseScript,
  ShellSyntaxError,
  type AndOr,
  type Pipeline,
  type SimpleCommand,
  type Word,
} from './parser';
import { StdinReader, type CommandEnv, type CommandHandler, type Write } from './types';

export const SH = '/system/bin/sh';

export interface Streams {
  readonly stdin: StdinReader;
  readonly out: Write;
  readonly err: Write;
  readonly signal: AbortSignal;
}

const noop: Write = async () => undefined;
const collector = (): { write: Write; text: () => Buffer } => {
  const chunks: Buffer[] = [];
  return {
    write: async (c) => {
      chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c));
    },
    text: () => Buffer.concat(chunks),
  };
};

class ExitSignal {
  public constructor(public readonly status: number) {}
}

export class Interpreter {
  private lastStatus = 0;
  private readonly vars = new Map<string, string>([
    ['HOME', '/'],
    [
      'PATH',
      '/product/bin:/apex/com.android.runtime/bin:/apex/com.android.art/bin:/system_ext/bin:/system/bin:/system/xbin:/odm/bin:/vendor/bin:/vendor/xbin',
    ],
    ['ANDROID_DATA', '/data'],
    ['ANDROID_ROOT', '/system'],
    ['EXTERNAL_STORAGE', '/sdcard'],
    ['TMPDIR', '/data/local/tmp'],
    ['USER', 'shell'],
  ]);

  public constructor(
    private readonly env: CommandEnv,
    private readonly lookup: (name: string) => CommandHandler | undefined,
  ) {}

  /** Runs a command line; returns its exit status. */
  public async run(source: string, streams: Streams): Promise<number> {
    try {
      return await this.runSource(source, streams);
    } catch (e) {
      if (e instanceof ExitSignal) return e.status;
      throw e;
    }
  }

  private async runSource(source: string, streams: Streams): Promise<number> {
    let script;
    try {
      script = parseScript(source);
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      // mksh: "no closing quote" and "bad substitution" stand alone, the rest are syntax errors.
      const bare = e.message.startsWith('no closing') || e.message.includes('substitution');
      await streams.err(`${SH}: ${bare ? '' : 'syntax error: '}${e.message}\n`);
      this.lastStatus = 1;
      return 1;
    }
    for (const andOr of script) {
      if (streams.signal.aborted) return 130;
      this.lastStatus = await this.runAndOr(andOr, streams);
    }
    return this.lastStatus;
  }

  private async runAndOr(andOr: AndOr, streams: Streams): Promise<number> {
    let status = await this.runPipeline(andOr.first, streams);
    for (const { op, pipeline } of andOr.rest) {
      if ((op === '&&' && status === 0) || (op === '||' && status !== 0))
        status = await this.runPipeline(pipeline, streams);
      this.lastStatus = status;
    }
    return status;
  }

  private async runPipeline(p: Pipeline, streams: Streams): Promise<number> {
    let input = streams.stdin;
    let status = 0;
    for (let i = 0; i < p.commands.length; i++) {
      const last = i === p.commands.length - 1;
      const sink = last ? null : collector();
      const cmd = p.commands[i] as SimpleCommand;
      status = await this.runSimple(cmd, { ...streams, stdin: input, out: sink ? sink.write : streams.out });
      if (sink) input = new StdinReader(sink.text());
    }
    return p.negate ? (status === 0 ? 1 : 0) : status;
  }

  /** Expands one word into fields (quoted parts are never split; no globbing). */
  public async expand(word: Word, streams: Streams): Promise<string[]> {
    const fields: string[] = [];
    let cur = '';
    let started = false;
    for (const part of word.parts) {
      let text: string;
      if (part.kind === 'lit') text = part.text;
      else if (part.kind === 'param') text = this.param(part.name);
      else text = await this.substitute(part.source, streams);
      if (part.kind === 'lit' || part.quoted) {
        cur += text;
        started ||= part.quoted || text !== '';
        continue;
      }
      text.split(/[ \t\n]+/).forEach((piece, k) => {
        if (k > 0 && started) {
          fields.push(cur);
          cur = '';
          started = false;
        }
        if (piece !== '') {
          cur += piece;
          started = true;
        }
      });
    }
    if (started) fields.push(cur);
    return fields;
  }

  private param(name: string): string {
    if (name === '?') return String(this.lastStatus);
    if (name === '$') return String(this.env.phone.nextPid + 1);
    if (name === '#') return '0';
    if (name === '0') return 'sh';
    return this.vars.get(name) ?? '';
  }

  private async substitute(source: string, streams: Streams): Promise<string> {
    const sink = collector();
    const sub = new Interpreter(this.env, this.lookup);
    await sub.run(source, { ...streams, stdin: new StdinReader(null), out: sink.write });
    return sink.text().toString('utf8').replace(/\n+$/, '');
  }

  private async runSimple(cmd: SimpleCommand, streams: Streams): Promise<number> {
    const argv: string[] = [];
    const assignments: Array<[string, string]> = [];
    for (const word of cmd.words) {
      const first = word.parts[0];
      const assign =
        argv.length === 0 && first?.kind === 'lit' && !first.quoted
          ? /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.text)
          : null;
      if (assign?.[1] && first?.kind === 'lit') {
        // Assignments are not field-split: expand the value as one quoted word.
        const valueWord: Word = {
          parts: [
            { kind: 'lit', text: first.text.slice(assign[0].length), quoted: true },
            ...word.parts.slice(1),
          ],
        };
        assignments.push([assign[1], (await this.expand(valueWord, streams)).join(' ')]);
        continue;
      }
      argv.push(...(await this.expand(word, streams)));
    }
    const io = await this.redirect(cmd, streams);
    if (typeof io === 'number') return io;
    if (argv.length === 0) {
      for (const [k, v] of assignments) this.vars.set(k, v);
      await io.finish();
      return 0;
    }
    let status: number;
    try {
      status = await this.exec(argv, io.streams);
    } finally {
      await io.finish();
    }
    return status;
  }

  /** Runs one command by argv without shell parsing (abb/exec-style callers). */
  public async invoke(argv: readonly string[], streams: Streams): Promise<number> {
    try {
      return await this.exec([...argv], streams);
    } catch (e) {
      if (e instanceof ExitSignal) return e.status;
      throw e;
    }
  }

  private async exec(argv: string[], streams: Streams): Promise<number> {
    const raw = argv[0] ?? '';
    const args = argv.slice(1);
    const name = /^\/(system|system_ext|vendor|product)\/x?bin\/[^/]+$/.test(raw)
      ? raw.slice(raw.lastIndexOf('/') + 1)
      : raw;
    switch (name) {
      case 'exit':
        throw new ExitSignal(args[0] === undefined ? this.lastStatus : Number.parseInt(args[0], 10) & 0xff);
      case 'true':
      case ':':
      case 'cd':
      case 'export':
        return 0;
      case 'false':
        return 1;
      case 'sh':
        if (args[0] === '-c' && args[1] !== undefined)
          return new Interpreter(this.env, this.lookup).run(args[1], streams);
        return 0;
      default:
        break;
    }
    const handler = name.includes('/') ? undefined : this.lookup(name);
    if (!handler) {
      await streams.err(`${SH}: ${raw}: inaccessible or not found\n`);
      return 127;
    }
    try {
      return await handler({
        name,
        args,
        stdin: streams.stdin,
        out: streams.out,
        err: streams.err,
        signal: streams.signal,
        env: this.env,
        runScript: (source) => new Interpreter(this.env, this.lookup).run(source, streams),
      });
    } catch (e) {
      if (streams.signal.aborted) return 130;
      await streams.err(`${name}: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
  }

  /** Applies redirections; returns an exit status when one fails (the command does not run). */
  private async redirect(
    cmd: SimpleCommand,
    streams: Streams,
  ): Promise<number | { streams: Streams; finish: () => Promise<void> }> {
    const fds: { 0: StdinReader; 1: Write; 2: Write } = { 0: streams.stdin, 1: streams.out, 2: streams.err };
    const files: Array<{ path: string; chunks: Buffer[]; append: boolean }> = [];
    for (const r of cmd.redirects) {
      const target = (await this.expand(r.target, streams)).join(' ');
      const fd = r.fd === 2 ? 2 : r.fd === 0 ? 0 : 1;
      if (r.op === '>&' || r.op === '<&') {
        if (fd !== 0 && (target === '1' || target === '2')) fds[fd] = fds[target === '1' ? 1 : 2];
        else if (fd !== 0 && target === '-') fds[fd] = noop;
        continue;
      }
      if (r.op === '<') {
        if (target === '/dev/null') {
          fds[0] = new StdinReader(null);
          continue;
        }
        const data = this.env.fs.read(target);
        if (!data) {
          await streams.err(`${SH}: can't open ${target}: No such file or directory\n`);
          return 1;
        }
        fds[0] = new StdinReader(data);
        continue;
      }
      if (fd === 0) continue;
      if (target === '/dev/null') {
        fds[fd] = noop;
        continue;
      }
      if (!this.env.fs.isWritable(target)) {
        await streams.err(`${SH}: can't create ${target}: Permission denied\n`);
        return 1;
      }
      const file = { path: normalizePath(target), chunks: [] as Buffer[], append: r.op === '>>' };
      files.push(file);
      fds[fd] = async (c) => {
        file.chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c));
      };
    }
    const finish = async (): Promise<void> => {
      for (const f of files) {
        const before = f.append ? (this.env.fs.read(f.path) ?? Buffer.alloc(0)) : Buffer.alloc(0);
        const error = this.env.fs.write(
          f.path,
          Buffer.concat([before, ...f.chunks]),
          0o644,
          this.env.fs.nowSeconds(),
        );
        if (error) await streams.err(`${SH}: ${f.path}: ${error.replace(/^[^:]*: /, '')}\n`);
      }
    };
    return { streams: { ...streams, stdin: fds[0], out: fds[1], err: fds[2] }, finish };
  }
}
