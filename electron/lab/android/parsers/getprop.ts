/**
 * `adb shell getprop`: one `[key]: [value]` per property. Real captures also hold values that
 * span lines (boot-reason history, MTK values ending in a newline), values hard-wrapped by a
 * terminal, a CR artifact that turns the line into `]key]: [value`, prompts and a truncated tail.
 */
import { LabError } from '../../errors';
import { decodeDeviceText, splitLines } from './decode';

const PROP_START = /^\s*\[([^\][]+)\]:\s?\[(.*)$/;
/** A value that ended in CR was echoed so the closing `]` overwrote the opening `[` of its line. */
const CR_ARTIFACT = /^\]([^\][\s]+)\]:\s?\[(.*)$/;

interface OpenValue {
  readonly key: string;
  readonly parts: string[];
}

function finish(value: string): string {
  // Multi-line values keep inner line breaks; a trailing one is the device's own newline.
  // Trimmed by a scan: /\n+$/ rescans every run of blank lines (quadratic on a long one).
  let end = value.length;
  while (end > 0 && value.charCodeAt(end - 1) === 0x0a) end--;
  return value.slice(0, end);
}

/** Parses getprop output into a key/value map; first occurrence of a key wins. */
export function parseGetprop(input: string | Buffer): Record<string, string> {
  const props: Record<string, string> = Object.create(null) as Record<string, string>;
  const set = (key: string, value: string): void => {
    if (!(key in props)) props[key] = finish(value);
  };
  let open: OpenValue | null = null;
  const closeOpen = (): void => {
    // Followed by a fresh property: the closing bracket was lost, the value itself is whole.
    if (open) set(open.key, open.parts.join('\n'));
    open = null;
  };

  for (const line of splitLines(decodeDeviceText(input))) {
    const start = PROP_START.exec(line);
    const artifact = start ? null : CR_ARTIFACT.exec(line);
    if (open && !start && !artifact) {
      if (line.endsWith(']')) {
        open.parts.push(line.slice(0, -1));
        set(open.key, open.parts.join('\n'));
        open = null;
      } else {
        open.parts.push(line);
      }
      continue;
    }
    closeOpen();
    if (start) {
      const key = start[1] as string;
      const rest = start[2] as string;
      if (rest.endsWith(']')) set(key, rest.slice(0, -1));
      else open = { key, parts: [rest] };
    } else if (artifact) {
      set(artifact[1] as string, artifact[2] as string);
    }
    // Anything else is a prompt, a blank line or vendor noise: skipped.
  }
  // A value still open at the end was cut off mid-way (truncated capture): not trusted, dropped.

  if (Object.keys(props).length === 0) {
    throw new LabError('MALFORMED_OUTPUT', 'No system properties could be read from the getprop output.', {
      hint: 'Check that the phone is online and run `adb shell getprop` again.',
      zh: {
        message: '无法从 getprop 的输出中读到任何系统属性。',
        hint: '请确认手机在线，然后再次运行 `adb shell getprop`。',
      },
      detail: decodeDeviceText(input).slice(0, 500),
    });
  }
  return { ...props };
}
