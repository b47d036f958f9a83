/**
 * App-profile templates (login / logout / kick as an adb shell command or a deep link). Only the
 * placeholders {package} {account} {serial} exist. Each value is substituted already quoted (shell
 * quoting for shell templates, percent-encoding for deep links), so a placeholder written inside
 * quotes would undo that quoting: such templates are refused.
 *
 * A shell template runs in the phone's shell (`adb shell` is /system/bin/sh), which removes the
 * quotes PushLab put around each value. A template with a placeholder is therefore one simple
 * command: nothing may hand the value to a second shell or parser (`sh -c`, `su`, `eval`, `xargs`,
 * `$(…)`, backticks, `$VAR`, a pipe into `sh`) and nothing may chain or redirect (`;` `|` `&`
 * `&&` `<` `>` `( )`), so the value reaches the command as exactly one argument (issue 10 point 7).
 */

/** The placeholders a template may use. */
export const TEMPLATE_PLACEHOLDERS = ['package', 'account', 'serial'] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

/** The values substituted into a template. */
export type TemplateValues = Readonly<Record<TemplatePlaceholder, string>>;

const PLACEHOLDER = /\{([^{}]*)\}/g;
// C0 controls (incl. newline: one template is one command line), DEL and C1 controls.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const isPlaceholder = (name: string): name is TemplatePlaceholder =>
  (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name);

/** A template problem in English (completes "The shell template ...") and as a zh-CN sentence. */
export interface TemplateProblem {
  readonly en: string;
  readonly zh: string;
}

/** Problems with a template, as sentences; empty when it is usable. */
export function templateProblems(template: string, kind: 'shell' | 'deeplink'): string[] {
  return templateProblemTexts(template, kind).map((p) => p.en);
}

/** templateProblems in English and zh-CN. */
export function templateProblemTexts(template: string, kind: 'shell' | 'deeplink'): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  if (template.trim() === '') return [{ en: 'is empty', zh: '为空' }];
  if (CONTROL.test(template)) {
    problems.push({
      en: 'contains a control character or line break (one command, one line)',
      zh: '含有控制字符或换行（一条命令只占一行）',
    });
  }
  for (const m of template.matchAll(PLACEHOLDER)) {
    const name = m[1] as string;
    if (!isPlaceholder(name)) {
      problems.push({
        en: `uses the unknown placeholder {${name}} (allowed: {package} {account} {serial})`,
        zh: `使用了未知的占位符 \`{${name}}\`（可用：{package} {account} {serial}）`,
      });
    }
  }
  // Braces that are not part of a {name} pair (e.g. ${HOME}, "{", "}}") are refused, not guessed at.
  const rest = template.replace(PLACEHOLDER, '');
  if (/[{}]/.test(rest)) {
    problems.push({
      en: 'has a stray { or }: only {package} {account} {serial} may use braces',
      zh: '含有多余的 { 或 }：只有 {package} {account} {serial} 可以使用花括号',
    });
  }
  if (/\$\{/.test(template)) {
    problems.push({
      en: 'uses ${…}: shell variables are not allowed, use a placeholder',
      zh: '使用了 `${…}`：不允许使用变量，请改用占位符',
    });
  }
  if (kind === 'shell') {
    const quoted = placeholdersInQuotes(template)
      .map((n) => `{${n}}`)
      .join(' ');
    if (quoted !== '') {
      problems.push({
        en: `puts ${quoted} inside quotes or after a backslash: write it bare, PushLab quotes each value`,
        zh: `把 ${quoted} 放在了引号内或反斜杠之后：请直接写出占位符，PushLab 会为每个值加引号`,
      });
    }
    if (templatePlaceholders(template).length > 0) problems.push(...secondShellProblems(template));
  } else if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(template)) {
    problems.push({
      en: 'is not a URI (scheme:rest, no spaces), e.g. myapp://login?user={account}',
      zh: '不是 URI（scheme:rest，不含空格），例如 myapp://login?user={account}',
    });
  }
  return problems;
}

/** Programs that run their arguments (or stdin) as a new command line: a value handed to them is parsed again. */
const REPARSERS = new Set([
  'sh',
  'bash',
  'ash',
  'dash',
  'ksh',
  'mksh',
  'zsh',
  'csh',
  'tcsh',
  'busybox',
  'toybox',
  'su',
  'eval',
  'exec',
  'source',
  '.',
  'xargs',
  'env',
  'nohup',
  'setsid',
  'nice',
  'timeout',
  'time',
  'watch',
  'run-as',
  'script',
  'sudo',
  'awk',
  'sed',
  'find',
  'perl',
  'python',
  'python3',
]);
const EXAMPLE = 'e.g. am start -n {package}/.LoginActivity --es user {account}';
const EXAMPLE_ZH = '例如 `am start -n {package}/.LoginActivity --es user {account}`';

interface ShellScan {
  /** Characters outside any quotes that make more than one simple command (; | & < > ( )). */
  readonly operators: Set<string>;
  /** `$` or a backtick where the shell expands it (outside single quotes). */
  readonly expansions: Set<string>;
  /** Words as the shell sees them, quotes removed. */
  readonly words: string[];
}

/** One pass over a template the way sh splits it: quotes, backslashes, words, operators. */
function scanShell(template: string): ShellScan {
  const operators = new Set<string>();
  const expansions = new Set<string>();
  const words: string[] = [];
  let word = '';
  let quote: "'" | '"' | null = null;
  const endWord = (): void => {
    if (word !== '') words.push(word);
    word = '';
  };
  for (let i = 0; i < template.length; i++) {
    const ch = template[i] as string;
    if (quote === "'") {
      if (ch === "'") quote = null;
      else word += ch;
    } else if (ch === '\\') {
      word += template[i + 1] ?? '';
      i++;
    } else if (ch === '$' || ch === '`') {
      expansions.add(ch === '$' && template[i + 1] === '(' ? '$(' : ch);
      word += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = null;
      else word += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (';|&<>()'.includes(ch)) {
      operators.add(
        ch === '&' && template[i + 1] === '&' ? '&&' : ch === '|' && template[i + 1] === '|' ? '||' : ch,
      );
      endWord();
    } else if (ch === ' ' || ch === '\t') {
      endWord();
    } else {
      word += ch;
    }
  }
  endWord();
  return { operators, expansions, words };
}

/** Problems of a template with a placeholder that could reach a second shell or run more than one command. */
function secondShellProblems(template: string): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const { operators, expansions, words } = scanShell(template);
  const reparsers = [
    ...new Set(words.map((w) => w.slice(w.lastIndexOf('/') + 1)).filter((w) => REPARSERS.has(w))),
  ];
  const listed = (items: Iterable<string>): string => [...items].map((w) => `"${w}"`).join(', ');
  if (reparsers.length > 0) {
    problems.push({
      en:
        `hands its placeholders to ${listed(reparsers)}, which would parse the value as a command line again: ` +
        `write the command itself (PushLab already runs it in the phone's shell and quotes each value), ${EXAMPLE}`,
      zh:
        `把占位符交给了 ${listed(reparsers)}，它会把值再当作命令行解析一次：` +
        `请直接写出命令本身（PushLab 已经在手机的命令行中运行它并为每个值加引号），${EXAMPLE_ZH}`,
    });
  }
  if (expansions.size > 0) {
    problems.push({
      en:
        `uses ${listed(expansions)} alongside a placeholder (command substitution or a variable): ` +
        `use only {package} {account} {serial}, ${EXAMPLE}`,
      zh: `在占位符旁使用了 ${listed(expansions)}（命令替换或变量）：只能使用 {package} {account} {serial}，${EXAMPLE_ZH}`,
    });
  }
  if (operators.size > 0) {
    problems.push({
      en:
        `chains, pipes or redirects with ${listed(operators)} alongside a placeholder: a template with a ` +
        `placeholder is one command, ${EXAMPLE}; put other steps in a template without placeholders`,
      zh:
        `在占位符旁用 ${listed(operators)} 串联、管道或重定向：含占位符的模板只能是一条命令，${EXAMPLE_ZH}；` +
        '其他步骤请放在不含占位符的模板中',
    });
  }
  return problems;
}

/** Placeholders that sit inside '…', "…" or `…`, or right after a backslash. */
function placeholdersInQuotes(template: string): string[] {
  const found: string[] = [];
  let quote: string | null = null;
  for (let i = 0; i < template.length; i++) {
    const ch = template[i] as string;
    if (ch === '{') {
      const end = template.indexOf('}', i);
      const name = end > i ? template.slice(i + 1, end) : '';
      if (isPlaceholder(name)) {
        if (quote !== null || template[i - 1] === '\\') found.push(name);
        i = end;
        continue;
      }
    }
    // A backslash escapes the next character, except a placeholder's brace (checked above).
    const escapes = ch === '\\' && template[i + 1] !== '{';
    if (quote === null) {
      if (escapes) i++;
      else if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    } else if (ch === quote) {
      quote = null;
    } else if (escapes && quote !== "'") {
      i++;
    }
  }
  return found;
}

/** The placeholders a template uses, in order of first use. */
export function templatePlaceholders(template: string): TemplatePlaceholder[] {
  const names: TemplatePlaceholder[] = [];
  for (const m of template.matchAll(PLACEHOLDER)) {
    const name = m[1] as string;
    if (isPlaceholder(name) && !names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * Fills a validated template. `encode` quotes one value (the core's shell quoting for shell
 * templates, encodeURIComponent for deep links); it is applied to every value, never skipped.
 */
export function fillTemplate(
  template: string,
  values: TemplateValues,
  encode: (value: string) => string,
): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!isPlaceholder(name))
      throw new Error(
        `Template placeholder ${whole} is not allowed; validate templates with templateProblems first.`,
      );
    return encode(values[name]);
  });
}
