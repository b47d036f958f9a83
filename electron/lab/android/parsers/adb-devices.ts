/**
 * `adb devices [-l]`. Without -l adb separates serial and state with a TAB; with -l it pads the
 * serial to 22 columns with spaces. Pasted captures expand TABs, serials can start with a space
 * (Rockchip boards) or be `????????????` (no permissions on Linux), so the state word is the anchor.
 */
import type { AdbState, Transport } from '../../../../shared/domain/device';
import { LabError } from '../../errors';
import { decodeDeviceText, splitLines } from './decode';

export interface AdbDeviceEntry {
  readonly serial: string;
  readonly state: AdbState;
  readonly transport: Transport;
  readonly attributes: Record<string, string>;
}

const STATE_WORDS = [
  'device',
  'offline',
  'unauthorized',
  'no permissions',
  'authorizing',
  'connecting',
  'recovery',
  'sideload',
  'rescue',
  'bootloader',
  'host',
  'unknown',
  'no device',
] as const;
/** Two-word states are matched token by token; every other state word is one token. */
const TWO_WORD_STATES: ReadonlySet<string> = new Set(STATE_WORDS.filter((w) => w.includes(' ')));
const ONE_WORD_STATES: ReadonlySet<string> = new Set(STATE_WORDS.filter((w) => !w.includes(' ')));
const ATTRIBUTE = /^([a-z][a-z_]*):(.*)$/;
/** Words adb prints in its own status lines, never a device. */
const NOISE = /^(List of devices attached|\* daemon |adb server |adb: |error: |\s*$)/;

const STATE_MAP: Readonly<Record<string, AdbState>> = {
  device: 'device',
  offline: 'offline',
  unauthorized: 'unauthorized',
  authorizing: 'authorizing',
  connecting: 'connecting',
  recovery: 'recovery',
  sideload: 'sideload',
  rescue: 'rescue',
  bootloader: 'bootloader',
  host: 'host',
};

/** Maps adb's state words (e.g. "no permissions (user in plugdev group...)") onto AdbState. */
export function normaliseAdbState(raw: string): AdbState {
  const word = raw.trim().toLowerCase();
  if (word.startsWith('no permissions') || word.startsWith('insufficient permissions'))
    return 'no-permissions';
  return STATE_MAP[word] ?? 'unknown';
}

/** emulator-NNNN -> emulator; host:port, [v6]:port and mDNS `adb-…._adb-tls-connect._tcp` -> tcp; else usb. */
export function transportOf(serial: string): Transport {
  const s = serial.trim();
  if (/^emulator-\d+$/.test(s)) return 'emulator';
  if (/^adb-.+\._adb-tls-(connect|pairing)\._tcp\.?$/.test(s) || /\._adb\._tcp\.?$/.test(s)) return 'tcp';
  if (/^\[[0-9A-Fa-f:.%a-z]+\]:\d{1,5}$/.test(s)) return 'tcp';
  if (/^[A-Za-z0-9.-]+:\d{1,5}$/.test(s)) return 'tcp';
  return 'usb';
}

function splitStateAndAttributes(rest: string): { state: string; attributes: Record<string, string> } {
  const attributes: Record<string, string> = {};
  const stateWords: string[] = [];
  for (const token of rest.trim().split(/\s+/)) {
    const m = ATTRIBUTE.exec(token);
    // URLs inside "no permissions ...; see [http://...]" are not attributes.
    if (m && stateWords.length > 0 && !/^https?$/.test(m[1] as string))
      attributes[m[1] as string] = m[2] as string;
    else if (token) stateWords.push(token);
  }
  return { state: stateWords.join(' '), attributes };
}

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

function tokensOf(line: string): Token[] {
  const tokens: Token[] = [];
  for (const m of line.matchAll(/\S+/g))
    tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return tokens;
}

/**
 * The first state word standing on its own after at least one serial token, found by one pass
 * over the tokens (a backtracking regex here took seconds on a 5 KB line: issue 10).
 */
function splitSpacedLine(line: string): { serial: string; rest: string } | null {
  const tokens = tokensOf(line);
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const next = tokens[i + 1];
    // "no permissions": exactly one whitespace character between the two words, as adb prints it.
    const adjacent = next !== undefined && next.start === token.end + 1;
    const twoWord = adjacent && TWO_WORD_STATES.has(`${token.text} ${next.text}`);
    if (twoWord || ONE_WORD_STATES.has(token.text)) {
      return { serial: line.slice(0, token.start).trimEnd(), rest: line.slice(token.start) };
    }
  }
  return null;
}

function parseLine(line: string): AdbDeviceEntry | null {
  let serial: string;
  let rest: string;
  const tab = line.indexOf('\t');
  if (tab > 0) {
    serial = line.slice(0, tab).trimEnd();
    rest = line.slice(tab + 1);
  } else {
    const split = splitSpacedLine(line);
    if (!split) return null;
    ({ serial, rest } = split);
  }
  if (serial.trim() === '') return null;
  const { state, attributes } = splitStateAndAttributes(rest);
  return { serial, state: normaliseAdbState(state), transport: transportOf(serial), attributes };
}

/** Parses `adb devices [-l]`; keeps a serial's leading space (it is part of the serial). */
export function parseAdbDevices(input: string | Buffer): AdbDeviceEntry[] {
  const lines = splitLines(decodeDeviceText(input));
  const devices: AdbDeviceEntry[] = [];
  let sawHeader = false;
  let unreadable = 0;
  for (const line of lines) {
    if (line.startsWith('List of devices attached')) sawHeader = true;
    if (NOISE.test(line)) continue;
    const entry = parseLine(line);
    if (entry) devices.push(entry);
    else unreadable++;
  }
  if (!sawHeader && devices.length === 0 && unreadable > 0) {
    throw new LabError('MALFORMED_OUTPUT', 'The adb device list could not be read.', {
      hint: 'Run `adb devices -l` by hand to see what adb prints.',
      zh: {
        message: '无法读取 adb 的设备列表。',
        hint: '请手动运行 `adb devices -l`，查看 adb 打印的内容。',
      },
      detail: lines.slice(0, 20).join('\n'),
    });
  }
  return devices;
}
