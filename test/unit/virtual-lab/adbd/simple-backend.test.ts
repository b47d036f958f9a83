import { describe, expect, it } from 'vitest';
import type { ShellIo } from '../../../virtual-lab/adbd/backend';
import { createSimpleBackend, splitCommandLine } from '../../../virtual-lab/adbd/simple-backend';

function memoryIo(stdin: Buffer[] = []): { io: ShellIo; out: () => string } {
  const chunks: Buffer[] = [];
  const write = async (chunk: Buffer | string): Promise<void> => {
    chunks.push(Buffer.from(chunk));
  };
  async function* input(): AsyncGenerator<Buffer> {
    yield* stdin;
  }
  return {
    io: { stdin: input(), stdout: write, stderr: write, signal: new AbortController().signal },
    out: () => Buffer.concat(chunks).toString(),
  };
}

describe('simple backend', () => {
  it('splits command lines on ; and && honouring quotes and dropping redirections', () => {
    expect(splitCommandLine(`rm '/data/local/tmp/a b.apk' </dev/null`)).toEqual([
      { words: ['rm', '/data/local/tmp/a b.apk'], op: ';' },
    ]);
    expect(splitCommandLine('echo && screencap -p 2>/dev/null')).toEqual([
      { words: ['echo'], op: ';' },
      { words: ['screencap', '-p'], op: '&&' },
    ]);
    expect(splitCommandLine(`echo "a;b" 'c&&d'\\;e`)).toEqual([
      { words: ['echo', 'a;b', 'c&&d;e'], op: ';' },
    ]);
    expect(() => splitCommandLine(`echo 'open`)).toThrow(/unterminated/);
  });

  it('runs commands with exit statuses like sh', async () => {
    const backend = createSimpleBackend({ props: { 'ro.product.model': 'Pixel 6' } });
    const a = memoryIo();
    expect(await backend.shell('getprop ro.product.model; false && echo no', a.io)).toBe(1);
    expect(a.out()).toBe('Pixel 6\n');
    const b = memoryIo();
    expect(await backend.shell(`echo 'a;reboot'`, b.io)).toBe(0);
    expect(b.out()).toBe('a;reboot\n');
    const c = memoryIo();
    expect(await backend.shell('reboot', c.io)).toBe(127);
    expect(c.out()).toBe('/system/bin/sh: reboot: inaccessible or not found\n');
  });

  it('cmd package install -S reads exactly the stream and records it', async () => {
    const backend = createSimpleBackend();
    const { io, out } = memoryIo([Buffer.alloc(3, 1), Buffer.alloc(4, 2)]);
    expect(await backend.shell(`cmd package 'install' -S 7`, io)).toBe(0);
    expect(out()).toBe('Success\n');
    expect(backend.installs).toEqual([expect.objectContaining({ via: 'cmd', size: 7 })]);
  });
});
