import { describe, expect, it } from 'vitest';
import type { ShellIo } from '../../../virtual-lab/adbd/backend';
import { parseScript, ShellSyntaxError, type Word } from '../../../virtual-lab/android/shell/parser';
import { phone, sh } from './helpers';

const literal = (w: Word): string => w.parts.map((p) => (p.kind === 'lit' ? p.text : `<${p.kind}>`)).join('');

describe('shell parser', () => {
  it('keeps quoted operators inside one word', () => {
    const [first] = parseScript('pm path \'a;reboot\' "b && c" d\\|e');
    const words = first?.first.commands[0]?.words.map(literal);
    expect(words).toEqual(['pm', 'path', 'a;reboot', 'b && c', 'd|e']);
    expect(first?.rest).toEqual([]);
  });

  it('splits on ; && || and |', () => {
    const script = parseScript('a; b && c || d | e');
    expect(script).toHaveLength(2);
    const second = script[1];
    expect(second?.rest.map((r) => r.op)).toEqual(['&&', '||']);
    expect(second?.rest[1]?.pipeline.commands).toHaveLength(2);
  });

  it('reads fd numbers only when glued to the operator', () => {
    const cmd = parseScript('x 2>/dev/null >out </dev/null 2>&1 a2>b')[0]?.first.commands[0];
    expect(cmd?.redirects.map((r) => [r.fd, r.op, literal(r.target)])).toEqual([
      [2, '>', '/dev/null'],
      [1, '>', 'out'],
      [0, '<', '/dev/null'],
      [2, '>&', '1'],
      [1, '>', 'b'],
    ]);
    expect(cmd?.words.map(literal)).toEqual(['x', 'a2']);
  });

  it('refuses unterminated quotes and stray operators', () => {
    expect(() => parseScript('echo "abc')).toThrow(ShellSyntaxError);
    expect(() => parseScript("echo 'abc")).toThrow('no closing quote');
    expect(() => parseScript('&& ls')).toThrow("'&&' unexpected");
    expect(() => parseScript('ls |')).toThrow(ShellSyntaxError);
  });

  it('treats backslash-newline as a continuation and # as a comment', () => {
    const words = parseScript('ec\\\nho hi # not an arg')[0]?.first.commands[0]?.words.map(literal);
    expect(words).toEqual(['echo', 'hi']);
  });
});

describe('shell interpreter', () => {
  const p = phone('google-pixel-android15-1');

  it('runs hostile text as one argument, never as a second command', async () => {
    const r = await sh(p, "pm path 'com.x;reboot'");
    expect(r).toEqual({ status: 1, out: '', err: '' });
    const r2 = await sh(p, 'echo "$(echo a;echo b)" \'$(echo no)\' `echo tick`');
    expect(r2.out).toBe('a\nb $(echo no) tick\n');
  });

  it('expands parameters and splits unquoted results only', async () => {
    expect((await sh(p, 'X="a  b"; echo $X; echo "$X"; echo ${X}c')).out).toBe('a b\na  b\na bc\n');
    expect((await sh(p, 'false; echo $?; true && echo yes || echo no')).out).toBe('1\nyes\n');
    expect((await sh(p, 'echo \'\' x "" | grep -c x')).out).toBe('1\n');
  });

  it('honours && || ! and exit statuses', async () => {
    expect((await sh(p, 'false && echo a || echo b')).out).toBe('b\n');
    expect((await sh(p, '! false && echo negated')).out).toBe('negated\n');
    expect((await sh(p, 'echo a; exit 3; echo never')).status).toBe(3);
    expect((await sh(p, 'sh -c "exit 4"')).status).toBe(4);
  });

  it('reports unknown commands like mksh, exit 127', async () => {
    const r = await sh(p, 'su -c id');
    expect(r.status).toBe(127);
    expect(r.err).toBe('/system/bin/sh: su: inaccessible or not found\n');
    expect((await sh(p, 'nope 2>/dev/null')).err).toBe('');
  });

  it('prints syntax errors on stderr with status 1', async () => {
    expect(await sh(p, 'echo "open')).toEqual({
      status: 1,
      out: '',
      err: '/system/bin/sh: no closing quote\n',
    });
    expect((await sh(p, 'ls ;; ls')).err).toBe("/system/bin/sh: syntax error: ';;' unexpected\n");
  });

  it('redirects to /dev/null, files and the other stream', async () => {
    const r = await sh(p, 'echo to-err >&2; ls /missing 2>&1; echo quiet >/dev/null');
    expect(r.err).toBe('to-err\n');
    expect(r.out).toBe('ls: /missing: No such file or directory\n');
    await sh(p, 'echo one > /data/local/tmp/f.txt; echo two >> /data/local/tmp/f.txt');
    expect((await sh(p, 'cat < /data/local/tmp/f.txt')).out).toBe('one\ntwo\n');
    expect(await sh(p, 'echo x > /system/evil')).toEqual({
      status: 1,
      out: '',
      err: "/system/bin/sh: can't create /system/evil: Permission denied\n",
    });
  });

  it('pipes bytes through grep, head, tail and wc', async () => {
    const r = await sh(p, 'getprop | grep -E "ro.product.(model|brand)\\]" | head -n 1');
    expect(r.out).toBe('[ro.product.brand]: [google]\n');
    // A pipeline's status is its last command's, even when an earlier one is missing.
    expect(await sh(p, 'printf x | wc -c')).toEqual({
      status: 0,
      out: '0\n',
      err: '/system/bin/sh: printf: inaccessible or not found\n',
    });
    expect((await sh(p, 'echo -n abc | wc -c')).out).toBe('3\n');
    expect((await sh(p, 'echo a; echo b; echo c')).out).toBe('a\nb\nc\n');
    expect((await sh(p, 'echo a; ls /data/local | tail -n 1')).out).toBe('a\ntmp\n');
  });
});

describe('shell sessions', () => {
  function io(lines: string[], signal = new AbortController().signal): { io: ShellIo; text: () => string } {
    const out: string[] = [];
    return {
      io: {
        stdin: (async function* () {
          for (const l of lines) yield Buffer.from(l);
        })(),
        stdout: async (c) => {
          out.push(c.toString());
        },
        stderr: async (c) => {
          out.push(c.toString());
        },
        signal,
      },
      text: () => out.join(''),
    };
  }

  it('an empty command is an interactive shell reading lines from stdin', async () => {
    const p = phone('samsung-oneui8.0-android16-3');
    const session = io(['getprop ro.product.mo', 'del\n', 'echo $?\nexit\n', 'echo never\n']);
    expect(await p.shell('', session.io)).toBe(0);
    expect(session.text()).toBe('q7q:/ $ SM-F9660\nq7q:/ $ 0\nq7q:/ $ ');
  });

  it('stops running commands once the stream is aborted', async () => {
    const p = phone('samsung-oneui8.0-android16-3');
    const abort = new AbortController();
    abort.abort();
    const session = io([], abort.signal);
    expect(await p.shell('echo one; echo two', session.io)).toBe(130);
    expect(session.text()).toBe('');
  });
});
