/**
 * A tiny in-memory DeviceBackend for protocol tests and as the lab's fallback: a handful of
 * commands (echo, getprop, cat, rm, ls, pm install, cmd package install -S, exit), getprop
 * from a map, and an in-memory filesystem where /data/local/tmp and /sdcard are writable.
 * It is not an Android emulation (that is test/virtual-lab/android/).
 */
import { createHash } from 'node:crypto';
import type { DeviceBackend, ShellIo } from './backend';
import { SimpleFs } from './simple-fs';

export { SimpleFs } from './simple-fs';

/** One APK the simple backend was asked to install. */
export interface SimpleInstall {
  readonly via: 'abb' | 'cmd' | 'pm';
  readonly size: number;
  readonly sha256: string;
}

/** Identity and features of a simple backend. */
export interface SimpleBackendOptions {
  readonly props?: Readonly<Record<string, string>>;
  readonly features?: readonly string[];
}

/** The simple backend plus what tests inspect. */
export interface SimpleBackend extends DeviceBackend {
  readonly fs: SimpleFs;
  /** Every APK it was asked to install, in order. */
  readonly installs: SimpleInstall[];
  /** Every command line it ran, in order. */
  readonly commands: string[];
}

/** Android 10+ adbd features (AOSP android-10.0.0_r36 adb/transport.cpp). */
export const ANDROID_10_FEATURES: readonly string[] = [
  'shell_v2',
  'cmd',
  'stat_v2',
  'fixed_push_mkdir',
  'apex',
  'abb',
  'fixed_push_symlink_timestamp',
  'abb_exec',
];

const DEFAULT_PROPS: Readonly<Record<string, string>> = {
  'ro.product.name': 'simple',
  'ro.product.model': 'Simple Phone',
  'ro.product.device': 'simple',
  'ro.product.manufacturer': 'PushLab',
  'ro.build.version.release': '14',
  'ro.build.version.sdk': '34',
};

/** Splits a command line into `;`/`&&`-separated commands of words (quotes as sh; no expansion). */
export function splitCommandLine(line: string): Array<{ words: string[]; op: ';' | '&&' }> {
  const commands: Array<{ words: string[]; op: ';' | '&&' }> = [];
  let words: string[] = [];
  let word: string | null = null;
  let op: ';' | '&&' = ';';
  const flush = (): void => {
    if (word !== null) words.push(word);
    word = null;
  };
  const finish = (next: ';' | '&&'): void => {
    flush();
    if (words.length > 0) commands.push({ words: words.filter((w) => !/^\d?[<>]/.test(w)), op });
    words = [];
    op = next;
  };
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i] as string;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error('unterminated quote');
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      let text = '';
      for (; j < line.length && line[j] !== '"'; j += 1) {
        if (line[j] === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1] as string)) j += 1;
        text += line[j] as string;
      }
      if (j >= line.length) throw new Error('unterminated quote');
      word = (word ?? '') + text;
      i = j;
    } else if (c === '\\' && i + 1 < line.length) {
      word = (word ?? '') + (line[i + 1] as string);
      i += 1;
    } else if (c === ';' || c === '\n') {
      finish(';');
    } else if (c === '&' && line[i + 1] === '&') {
      finish('&&');
      i += 1;
    } else if (c === ' ' || c === '\t') {
      flush();
    } else {
      word = (word ?? '') + c;
    }
  }
  finish(';');
  return commands;
}

async function readExactly(stdin: AsyncIterable<Buffer>, size: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  if (size > 0) {
    for await (const chunk of stdin) {
      chunks.push(chunk);
      total += chunk.length;
      if (total >= size) break;
    }
  }
  return Buffer.concat(chunks, total).subarray(0, size);
}

/** Creates a fresh simple backend. */
export function createSimpleBackend(options: SimpleBackendOptions = {}): SimpleBackend {
  const props = { ...DEFAULT_PROPS, ...options.props };
  const features = options.features ?? ANDROID_10_FEATURES;
  const fs = new SimpleFs();
  const installs: SimpleInstall[] = [];
  const commands: string[] = [];

  const install = async (
    via: SimpleInstall['via'],
    apk: Buffer | null,
    expected: number,
    io: ShellIo,
  ): Promise<number> => {
    if (apk === null || apk.length !== expected) {
      await io.stdout(
        `Failure [INSTALL_PARSE_FAILED_NOT_APK: Failed to parse ${apk === null ? 'missing file' : 'short stream'}]\n`,
      );
      return 1;
    }
    installs.push({ via, size: apk.length, sha256: createHash('sha256').update(apk).digest('hex') });
    await io.stdout('Success\n');
    return 0;
  };

  const run = async (words: string[], io: ShellIo): Promise<number> => {
    const [name, ...args] = words;
    switch (name) {
      case 'echo':
        await io.stdout(`${args.join(' ')}\n`);
        return 0;
      case 'true':
        return 0;
      case 'false':
        return 1;
      case 'exit':
        return Number(args[0] ?? 0) & 0xff;
      case 'getprop': {
        if (args[0] !== undefined) {
          await io.stdout(`${props[args[0]] ?? ''}\n`);
          return 0;
        }
        const lines = Object.keys(props)
          .sort()
          .map((key) => `[${key}]: [${props[key]}]\n`);
        await io.stdout(lines.join(''));
        return 0;
      }
      case 'cat': {
        if (args.length === 0) {
          for await (const chunk of io.stdin) await io.stdout(chunk);
          return 0;
        }
        let status = 0;
        for (const path of args) {
          const data = fs.read(path);
          if (data === null) {
            await io.stderr(`cat: ${path}: No such file or directory\n`);
            status = 1;
          } else await io.stdout(data);
        }
        return status;
      }
      case 'rm': {
        const force = args.includes('-f');
        let status = 0;
        for (const path of args.filter((arg) => !arg.startsWith('-'))) {
          if (!fs.remove(path) && !force) {
            await io.stderr(`rm: ${path}: No such file or directory\n`);
            status = 1;
          }
        }
        return status;
      }
      case 'ls': {
        const path = args.find((arg) => !arg.startsWith('-')) ?? '/';
        const entries = fs.list(path);
        if (entries === null) {
          await io.stderr(`ls: ${path}: No such file or directory\n`);
          return 1;
        }
        await io.stdout(entries.map((entry) => `${entry.name}\n`).join(''));
        return 0;
      }
      case 'pm':
        if (args[0] === 'install') {
          const path =
            args
              .slice(1)
              .filter((arg) => !arg.startsWith('-'))
              .pop() ?? '';
          const apk = fs.read(path);
          return install('pm', apk, apk?.length ?? -1, io);
        }
        break;
      case 'cmd': {
        const sizeIndex = args.indexOf('-S');
        if (args[0] === 'package' && args[1] === 'install' && sizeIndex > 0) {
          const size = Number(args[sizeIndex + 1]);
          return install('cmd', await readExactly(io.stdin, size), size, io);
        }
        break;
      }
      default:
        break;
    }
    await io.stderr(`/system/bin/sh: ${name}: inaccessible or not found\n`);
    return 127;
  };

  const shell = async (command: string, io: ShellIo): Promise<number> => {
    if (command.trim() === '') return interactive((line, lineIo) => shell(line, lineIo), io);
    commands.push(command);
    let parsed: ReturnType<typeof splitCommandLine>;
    try {
      parsed = splitCommandLine(command);
    } catch (error) {
      await io.stderr(`/system/bin/sh: syntax error: ${(error as Error).message}\n`);
      return 2;
    }
    let status = 0;
    for (const { words, op } of parsed) {
      if (op === '&&' && status !== 0) continue;
      if (words.length === 0) continue;
      status = await run(words, io);
      if (words[0] === 'exit') return status;
    }
    return status;
  };

  return {
    fs,
    installs,
    commands,
    bannerProps: () => ({
      name: props['ro.product.name'] ?? '',
      model: props['ro.product.model'] ?? '',
      device: props['ro.product.device'] ?? '',
    }),
    features: () => features,
    shell,
    async abb(args, io) {
      commands.push(`abb ${args.join(' ')}`);
      const sizeIndex = args.indexOf('-S');
      if (args[0] === 'package' && args[1] === 'install' && sizeIndex > 0) {
        const size = Number(args[sizeIndex + 1]);
        return install('abb', await readExactly(io.stdin, size), size, io);
      }
      await io.stderr(`abb: unknown command: ${args.join(' ')}\n`);
      return 1;
    },
  };
}

/** A bare-bones interactive shell: runs each stdin line until `exit` or end of input. */
async function interactive(
  run: (line: string, io: ShellIo) => Promise<number>,
  io: ShellIo,
): Promise<number> {
  let pending = '';
  let status = 0;
  for await (const chunk of io.stdin) {
    pending += chunk.toString('utf8');
    for (let newline = pending.indexOf('\n'); newline >= 0; newline = pending.indexOf('\n')) {
      const line = pending.slice(0, newline).replace(/\r$/, '').trim();
      pending = pending.slice(newline + 1);
      const exit = /^exit(?:\s+(\d+))?$/.exec(line);
      if (exit !== null) return exit[1] === undefined ? status : Number(exit[1]);
      if (line.length > 0) status = await run(line, { ...io, stdin: noInput() });
    }
  }
  return status;
}

async function* noInput(): AsyncGenerator<Buffer> {
  // Commands typed in the interactive shell get no stdin of their own.
}
