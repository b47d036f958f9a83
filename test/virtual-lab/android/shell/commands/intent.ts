/**
 * The <INTENT> arguments shared by `am start` and `pm resolve-activity` (Intent.parseCommandArgs
 * in frameworks/base core/java/android/content/Intent.java): -a ACTION, -c CATEGORY, -n COMPONENT,
 * -d URI, -t TYPE, -f FLAGS, extras (--es/--ei/--ez ... KEY VALUE), launch flags, and a trailing
 * bare PACKAGE or COMPONENT. Options the caller handles itself (-W, -S, --brief ...) are returned
 * in `own`. Extras are kept (by key) and show as "(has extras)" in Intent.toString.
 */
export interface ParsedIntent {
  action: string | null;
  readonly categories: string[];
  component: { package: string; cls: string } | null;
  pkg: string | null;
  data: string | null;
  /** String and other extras (--es/--ei/... KEY VALUE), values as typed. */
  readonly extras: Map<string, string>;
  readonly own: string[];
}

const ONE_VALUE = new Set([
  '-a',
  '-c',
  '-n',
  '-d',
  '-t',
  '-f',
  '-i',
  '-e',
  '--es',
  '--esn',
  '--user',
  '--receiver-permission',
  '--query-flags',
  '-p',
  '-r',
  '--start-profiler',
  '--sampling',
  '--attach-agent',
  '--attach-agent-bind',
  '--windowingMode',
  '--activityType',
  '--display',
  '--task',
  '--ei',
  '--el',
  '--ef',
  '--ed',
  '--eu',
  '--ecn',
  '--eia',
  '--eial',
  '--ela',
  '--elal',
  '--efa',
  '--efal',
  '--esa',
  '--esal',
  '--ez',
  '--selector',
]);
const TWO_VALUE = new Set([
  '-e',
  '--es',
  '--ei',
  '--el',
  '--ef',
  '--ed',
  '--eu',
  '--ecn',
  '--eia',
  '--eial',
  '--ela',
  '--elal',
  '--efa',
  '--efal',
  '--esa',
  '--esal',
  '--ez',
]);

/** Parses intent words; `ownOptions` lists caller flags (value-taking ones in `ownWithValue`). */
export function parseIntentArgs(
  args: readonly string[],
  ownOptions: ReadonlySet<string>,
  ownWithValue: ReadonlySet<string> = new Set(),
): ParsedIntent {
  const intent: ParsedIntent = {
    action: null,
    categories: [],
    component: null,
    pkg: null,
    data: null,
    extras: new Map(),
    own: [],
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (ownOptions.has(arg)) {
      intent.own.push(arg);
      if (ownWithValue.has(arg)) intent.own.push(args[++i] ?? '');
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') {
      const value = ONE_VALUE.has(arg) ? (args[++i] ?? '') : null;
      if (TWO_VALUE.has(arg)) intent.extras.set(value ?? '', args[++i] ?? '');
      else if (arg === '--esn' && value !== null) intent.extras.set(value, '');
      if (arg === '-a') intent.action = value;
      else if (arg === '-c' && value) intent.categories.push(value);
      else if (arg === '-n' && value) intent.component = splitComponent(value);
      else if (arg === '-d') intent.data = value;
      else if (arg === '-p') intent.pkg = value;
      continue;
    }
    // A bare word: COMPONENT if it has a '/', a URI if it has ':', else a PACKAGE.
    if (arg.includes('/')) intent.component = splitComponent(arg);
    else if (arg.includes(':')) intent.data = arg;
    else intent.pkg = arg;
  }
  return intent;
}

function splitComponent(value: string): { package: string; cls: string } | null {
  const slash = value.indexOf('/');
  if (slash <= 0 || slash === value.length - 1) return null;
  return { package: value.slice(0, slash), cls: value.slice(slash + 1) };
}

/** "act=... cat=[...] cmp=..." as Intent.toShortString prints it inside `Intent { }`. */
export function describeIntent(intent: ParsedIntent, shortComponent: string | null, flags?: string): string {
  const parts: string[] = [];
  if (intent.action) parts.push(`act=${intent.action}`);
  if (intent.categories.length > 0) parts.push(`cat=[${intent.categories.join(',')}]`);
  if (intent.data) parts.push(`dat=${intent.data}`);
  if (intent.pkg && !shortComponent) parts.push(`pkg=${intent.pkg}`);
  if (flags !== undefined) parts.push(`flg=${flags}`);
  if (shortComponent) parts.push(`cmp=${shortComponent}`);
  // Intent.toString prints extras only as a marker.
  if (intent.extras.size > 0) parts.push('(has extras)');
  return `Intent { ${parts.join(' ')} }`;
}
