/**
 * Tokenizer and parser for the subset of POSIX sh (as Android's mksh runs `adb shell <cmd>`)
 * that host tools send: quoting ('...', "...", backslash), parameter expansion ($X, ${X}, $?),
 * command substitution ($(...), `...`), `;` `&` `&&` `||` `|` `!`, comments and redirections
 * ([n]> [n]>> [n]< [n]>&m). Words are split only by unquoted blanks and operators, so
 * `pm path 'a;reboot'` is one argument, never two commands.
 * Reference: POSIX.1-2017 XCU 2.2 (Quoting), 2.3 (Token Recognition), 2.7 (Redirection).
 */

export type WordPart =
  | { readonly kind: 'lit'; readonly text: string; readonly quoted: boolean }
  | { readonly kind: 'param'; readonly name: string; readonly quoted: boolean }
  | { readonly kind: 'subst'; readonly source: string; readonly quoted: boolean };

export interface Word {
  readonly parts: readonly WordPart[];
}

export interface Redirect {
  readonly fd: number;
  readonly op: '>' | '>>' | '<' | '>&' | '<&';
  readonly target: Word;
}

export interface SimpleCommand {
  readonly words: readonly Word[];
  readonly redirects: readonly Redirect[];
}

export interface Pipeline {
  readonly negate: boolean;
  readonly commands: readonly SimpleCommand[];
}

export interface AndOr {
  readonly first: Pipeline;
  readonly rest: ReadonlyArray<{ readonly op: '&&' | '||'; readonly pipeline: Pipeline }>;
}

export type Script = readonly AndOr[];

export class ShellSyntaxError extends Error {}

type Token =
  | { readonly t: 'word'; readonly word: Word }
  | { readonly t: 'op'; readonly op: ';' | ';;' | '&' | '&&' | '||' | '|' | '!' | '(' | ')' }
  | { readonly t: 'redir'; readonly op: Redirect['op']; readonly fd: number | null };

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const SPECIAL_PARAM = /^[?$#!@*0-9-]/;

class Lexer {
  private i = 0;
  private parts: WordPart[] = [];
  private lit = '';
  private litQuoted = false;
  private inWord = false;
  public readonly tokens: Token[] = [];

  public constructor(private readonly src: string) {}

  private flushLit(): void {
    if (this.lit !== '' || this.litQuoted)
      this.parts.push({ kind: 'lit', text: this.lit, quoted: this.litQuoted });
    this.lit = '';
    this.litQuoted = false;
  }

  private addLit(text: string, quoted: boolean): void {
    if (quoted !== this.litQuoted && (this.lit !== '' || this.litQuoted)) this.flushLit();
    this.litQuoted = quoted;
    this.lit += text;
    this.inWord = true;
  }

  private endWord(): void {
    if (!this.inWord) return;
    this.flushLit();
    this.tokens.push({ t: 'word', word: { parts: this.parts } });
    this.parts = [];
    this.inWord = false;
  }

  /** Reads `$...` at this.i (pointing after `$`). */
  private dollar(quoted: boolean): void {
    const rest = this.src.slice(this.i);
    if (rest.startsWith('(')) {
      const end = matchParen(this.src, this.i + 1);
      this.flushLit();
      this.parts.push({ kind: 'subst', source: this.src.slice(this.i + 1, end), quoted });
      this.inWord = true;
      this.i = end + 1;
      return;
    }
    if (rest.startsWith('{')) {
      const close = this.src.indexOf('}', this.i);
      if (close < 0) throw new ShellSyntaxError('${: bad substitution');
      const name = this.src.slice(this.i + 1, close);
      if (!NAME.test(name) && !SPECIAL_PARAM.test(name))
        throw new ShellSyntaxError(`\${${name}}: bad substitution`);
      this.flushLit();
      this.parts.push({ kind: 'param', name, quoted });
      this.inWord = true;
      this.i = close + 1;
      return;
    }
    const name = NAME.exec(rest)?.[0] ?? SPECIAL_PARAM.exec(rest)?.[0];
    if (!name) {
      this.addLit('$', quoted);
      return;
    }
    this.flushLit();
    this.parts.push({ kind: 'param', name, quoted });
    this.inWord = true;
    this.i += name.length;
  }

  private backtick(quoted: boolean): void {
    let j = this.i;
    let body = '';
    while (j < this.src.length && this.src[j] !== '`') {
      if (this.src[j] === '\\' && j + 1 < this.src.length && '$`\\'.includes(this.src[j + 1] ?? '')) j++;
      body += this.src[j];
      j++;
    }
    if (j >= this.src.length) throw new ShellSyntaxError('no closing quote');
    this.flushLit();
    this.parts.push({ kind: 'subst', source: body, quoted });
    this.inWord = true;
    this.i = j + 1;
  }

  private doubleQuoted(): void {
    this.addLit('', true);
    while (this.i < this.src.length) {
      const c = this.src[this.i] ?? '';
      if (c === '"') {
        this.i++;
        return;
      }
      if (c === '\\') {
        const next = this.src[this.i + 1] ?? '';
        if ('$`"\\'.includes(next) && next !== '') this.addLit(next, true);
        else if (next === '\n') {
          /* line continuation */
        } else this.addLit(`\\${next}`, true);
        this.i += 2;
      } else if (c === '$') {
        this.i++;
        this.dollar(true);
      } else if (c === '`') {
        this.i++;
        this.backtick(true);
      } else {
        this.addLit(c, true);
        this.i++;
      }
    }
    throw new ShellSyntaxError('no closing quote');
  }

  public run(): Token[] {
    const src = this.src;
    while (this.i < src.length) {
      const c = src[this.i] ?? '';
      if (c === ' ' || c === '\t') {
        this.endWord();
        this.i++;
      } else if (c === '\n') {
        this.endWord();
        this.tokens.push({ t: 'op', op: ';' });
        this.i++;
      } else if (c === '#' && !this.inWord) {
        while (this.i < src.length && src[this.i] !== '\n') this.i++;
      } else if (c === "'") {
        const close = src.indexOf("'", this.i + 1);
        if (close < 0) throw new ShellSyntaxError('no closing quote');
        this.addLit(src.slice(this.i + 1, close), true);
        this.i = close + 1;
      } else if (c === '"') {
        this.i++;
        this.doubleQuoted();
      } else if (c === '\\') {
        const next = src[this.i + 1];
        if (next === undefined) this.addLit('\\', false);
        else if (next !== '\n') this.addLit(next, true);
        this.i += 2;
      } else if (c === '$') {
        this.i++;
        this.dollar(false);
      } else if (c === '`') {
        this.i++;
        this.backtick(false);
      } else if (c === '>' || c === '<') {
        this.redirect(c);
      } else if ('&|;()'.includes(c)) {
        this.endWord();
        const two = src.slice(this.i, this.i + 2);
        if (two === '&&' || two === '||' || two === ';;') {
          this.tokens.push({ t: 'op', op: two });
          this.i += 2;
        } else {
          this.tokens.push({ t: 'op', op: c as ';' | '&' | '|' | '(' | ')' });
          this.i++;
        }
      } else if (c === '!' && !this.inWord && /[\s]/.test(src[this.i + 1] ?? ' ')) {
        this.tokens.push({ t: 'op', op: '!' });
        this.i++;
      } else {
        this.addLit(c, false);
        this.i++;
      }
    }
    this.endWord();
    return this.tokens;
  }

  private redirect(c: '>' | '<'): void {
    // An all-digit word glued to the operator is the fd number (2>/dev/null).
    let fd: number | null = null;
    const prev =
      this.inWord && this.parts.length === 0 && !this.litQuoted && /^[0-9]+$/.test(this.lit)
        ? this.lit
        : null;
    if (prev !== null) {
      fd = Number(prev);
      this.lit = '';
      this.inWord = false;
    } else {
      this.endWord();
    }
    const next = this.src[this.i + 1];
    let op: Redirect['op'];
    if (c === '>' && next === '>') op = '>>';
    else if (next === '&') op = c === '>' ? '>&' : '<&';
    else op = c;
    this.i += op.length === 2 ? 2 : 1;
    if (c === '>' && op === '>' && this.src[this.i] === '|') this.i++; // >| clobber
    this.tokens.push({ t: 'redir', op, fd });
  }
}

/** Index of the `)` closing a `$(` whose body starts at `from` (quotes and nesting aware). */
function matchParen(src: string, from: number): number {
  let depth = 1;
  for (let j = from; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === "'") {
      const close = src.indexOf("'", j + 1);
      if (close < 0) break;
      j = close;
    } else if (c === '"') {
      j++;
      while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
    } else if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return j;
    }
  }
  throw new ShellSyntaxError("'(' unmatched");
}

/** Parses a command line into a script; throws ShellSyntaxError like sh would refuse it. */
export function parseScript(src: string): Script {
  const tokens = new Lexer(src).run();
  const script: AndOr[] = [];
  let i = 0;
  const peek = (): Token | undefined => tokens[i];

  const simple = (): SimpleCommand => {
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (let tok = peek(); tok && tok.t !== 'op'; tok = peek()) {
      i++;
      if (tok.t === 'word') {
        words.push(tok.word);
        continue;
      }
      const target = peek();
      if (!target || target.t !== 'word') throw new ShellSyntaxError(unexpected(target));
      i++;
      redirects.push({
        fd: tok.fd ?? (tok.op === '<' || tok.op === '<&' ? 0 : 1),
        op: tok.op,
        target: target.word,
      });
    }
    if (words.length === 0 && redirects.length === 0) throw new ShellSyntaxError(unexpected(peek()));
    return { words, redirects };
  };
  const pipeline = (): Pipeline => {
    let negate = false;
    const first = peek();
    if (first?.t === 'op' && first.op === '!') {
      negate = true;
      i++;
    }
    const commands = [simple()];
    for (let tok = peek(); tok?.t === 'op' && tok.op === '|'; tok = peek()) {
      i++;
      commands.push(simple());
    }
    return { negate, commands };
  };

  while (i < tokens.length) {
    const tok = peek();
    if (tok?.t === 'op' && tok.op === ';') {
      i++;
      continue;
    }
    if (tok?.t === 'op' && (tok.op === '(' || tok.op === ')')) throw new ShellSyntaxError(unexpected(tok));
    const andOr: { first: Pipeline; rest: Array<{ op: '&&' | '||'; pipeline: Pipeline }> } = {
      first: pipeline(),
      rest: [],
    };
    for (let op = peek(); op?.t === 'op' && (op.op === '&&' || op.op === '||'); op = peek()) {
      i++;
      andOr.rest.push({ op: op.op, pipeline: pipeline() });
    }
    script.push(andOr);
    const sep = peek();
    if (sep === undefined) break;
    if (sep.t === 'op' && (sep.op === ';' || sep.op === '&')) i++;
    else throw new ShellSyntaxError(unexpected(sep));
  }
  return script;
}

function unexpected(tok: Token | undefined): string {
  if (!tok) return 'unexpected end of file';
  if (tok.t === 'op') return `'${tok.op}' unexpected`;
  if (tok.t === 'redir') return `'${tok.op}' unexpected`;
  return 'syntax error';
}
