/**
 * Deterministic fuzzing for the parsers of device text and files (issue 10): seeded mutations of
 * the real captures in test/fixtures plus random bytes. Each input must give a result or one of
 * the parser's typed errors, and no single input of at most 64 KB may take more than 100 ms, a
 * bound on catastrophic backtracking (ReDoS), not a speed benchmark. The time is this process's
 * CPU time (process.cpuUsage), so other jobs sharing the cores do not count, and an input over the
 * bound is timed again: only one that is slow twice fails (a GC pause is not a bug). The ReDoS
 * cases this found took 0.1-65 s, far beyond the bound, while linear parsers stay well under it.
 */
import { expect } from 'vitest';

export const MAX_INPUT_BYTES = 64 * 1024;
export const MAX_MS_PER_INPUT = 100;

/** Rounds per parser: quick in CI; set PUSHLAB_FUZZ_ROUNDS (and PUSHLAB_FUZZ_SEED) for a deeper local run. */
export const FUZZ_ROUNDS = Number(process.env.PUSHLAB_FUZZ_ROUNDS ?? 400);
const SEED_OFFSET = Number(process.env.PUSHLAB_FUZZ_SEED ?? 0);

export type Random = () => number;

/** xorshift32: a small deterministic PRNG so every failure reproduces from its seed. */
export function prng(seed: number): Random {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x100000000;
  };
}

const below = (random: Random, n: number): number => Math.floor(random() * n);

/** Bytes that steer line-oriented parsers into their separators and number, quote and tag paths. */
const SPICE = [
  ' ',
  '\t',
  '\n',
  '\r\n',
  '=',
  ':',
  '[',
  ']',
  '{',
  '}',
  '(',
  ')',
  '<',
  '>',
  '"',
  "'",
  '/',
  ',',
  '0',
  '9',
  '-',
  '.',
  '\u00a0',
  '\0',
  '\\',
];

/** A window of at most 64 KB from a (possibly larger) capture, starting at a line when it can. */
function windowOf(seed: Buffer, random: Random): Buffer {
  if (seed.length <= MAX_INPUT_BYTES) return seed;
  let start = below(random, seed.length - MAX_INPUT_BYTES);
  const newline = seed.indexOf(0x0a, start);
  if (newline >= 0 && newline < start + 4096) start = newline + 1;
  return seed.subarray(start, start + below(random, MAX_INPUT_BYTES) + 1);
}

/** A slice of the input repeated, the shape that makes backtracking regexes go quadratic or worse. */
function repeatSlice(input: Buffer, random: Random): Buffer {
  const from = below(random, Math.max(1, input.length));
  const piece =
    input.length === 0
      ? Buffer.from(SPICE[below(random, SPICE.length)] as string)
      : input.subarray(from, from + 1 + below(random, 40));
  const unit = piece.length === 0 ? Buffer.from(' ') : piece;
  const times = 1 + below(random, Math.floor(60_000 / unit.length));
  const at = below(random, input.length + 1);
  return Buffer.concat([
    input.subarray(0, at),
    Buffer.alloc(unit.length * times).fill(unit),
    input.subarray(at),
  ]);
}

function mutateOnce(input: Buffer, random: Random): Buffer {
  const copy = Buffer.from(input);
  const at = below(random, copy.length + 1);
  switch (below(random, 7)) {
    case 0: // byte flips
      for (let k = 1 + below(random, 8); k > 0 && copy.length > 0; k--)
        copy[below(random, copy.length)] = below(random, 256);
      return copy;
    case 1: // truncation
      return copy.subarray(0, at);
    case 2: // a deleted span
      return Buffer.concat([copy.subarray(0, at), copy.subarray(at + below(random, 512))]);
    case 3: // a duplicated span
      return Buffer.concat([
        copy.subarray(0, at),
        copy.subarray(at, at + below(random, 2048)),
        copy.subarray(at),
      ]);
    case 4: // a separator or quote inserted
      return Buffer.concat([
        copy.subarray(0, at),
        Buffer.from(SPICE[below(random, SPICE.length)] as string),
        copy.subarray(at),
      ]);
    case 5: // every line break gone: one long line
      return Buffer.from(copy.toString('latin1').replace(/\n/g, below(random, 2) === 0 ? ' ' : ''), 'latin1');
    default:
      return repeatSlice(copy, random);
  }
}

/** One fuzz input: random bytes, a repeated run, or 1-4 mutations of a capture; at most 64 KB. */
export function fuzzInput(seeds: readonly Buffer[], random: Random): Buffer {
  const pick = below(random, 20);
  if (pick === 0 || seeds.length === 0) {
    const bytes = Buffer.alloc(below(random, 4096));
    for (let i = 0; i < bytes.length; i++) bytes[i] = below(random, 256);
    return bytes;
  }
  if (pick === 1) return repeatSlice(Buffer.alloc(0), random).subarray(0, MAX_INPUT_BYTES);
  let input = windowOf(seeds[below(random, seeds.length)] as Buffer, random);
  for (let k = 1 + below(random, 4); k > 0; k--) input = mutateOnce(input, random);
  return input.subarray(0, MAX_INPUT_BYTES);
}

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Runs one more reader on the same input inside a combined target: its typed errors are an
 * answer (so the readers after it still run), any other throw fails the fuzz run.
 */
export function alsoRun(errors: readonly ErrorClass[], read: () => unknown): void {
  try {
    read();
  } catch (error) {
    if (!errors.some((type) => error instanceof type)) throw error;
  }
}

export interface FuzzTarget {
  /** A parser name for failure messages. */
  readonly name: string;
  /** Real captures to mutate (windows of 64 KB are taken from larger ones). */
  readonly seeds: readonly Buffer[];
  /** Runs the parser (or parsers) on one input; may return a promise. */
  readonly parse: (input: Buffer) => unknown;
  /** The typed errors this parser may throw. */
  readonly errors: readonly ErrorClass[];
  readonly rounds: number;
  readonly seed: number;
}

export interface FuzzStats {
  readonly parsed: number;
  readonly refused: number;
  readonly slowestMs: number;
}

async function timed(target: FuzzTarget, input: Buffer): Promise<{ ms: number; refused: boolean }> {
  const started = process.cpuUsage();
  let refused = false;
  try {
    await target.parse(input);
  } catch (error) {
    if (!target.errors.some((type) => error instanceof type)) {
      const shown = input.subarray(0, 200).toString('latin1');
      throw new Error(
        `${target.name} threw ${String(error).slice(0, 300)} (not a typed error) on ${input.length} bytes starting ${JSON.stringify(shown)}`,
        { cause: error },
      );
    }
    refused = true;
  }
  const used = process.cpuUsage(started);
  return { ms: (used.user + used.system) / 1000, refused };
}

/** Fuzzes one parser and asserts: a result or a typed error, never > 100 ms per input (twice). */
export async function fuzz(target: FuzzTarget): Promise<FuzzStats> {
  const random = prng(target.seed + SEED_OFFSET);
  let parsed = 0;
  let refused = 0;
  let slowestMs = 0;
  for (let round = 0; round < target.rounds; round++) {
    const input = fuzzInput(target.seeds, random);
    expect(input.length).toBeLessThanOrEqual(MAX_INPUT_BYTES);
    let outcome = await timed(target, input);
    if (outcome.ms > MAX_MS_PER_INPUT) outcome = await timed(target, input);
    if (outcome.ms > MAX_MS_PER_INPUT) {
      const shown = JSON.stringify(input.subarray(0, 120).toString('latin1'));
      expect.fail(
        `${target.name}: round ${round} (seed ${target.seed + SEED_OFFSET}) took ${outcome.ms.toFixed(0)} ms of CPU on ${input.length} bytes ${shown}`,
      );
    }
    slowestMs = Math.max(slowestMs, outcome.ms);
    if (outcome.refused) refused++;
    else parsed++;
  }
  if (process.env.PUSHLAB_FUZZ_REPORT)
    console.info(
      `${target.name}: ${parsed} parsed, ${refused} refused, slowest ${slowestMs.toFixed(1)} ms CPU`,
    );
  return { parsed, refused, slowestMs };
}
