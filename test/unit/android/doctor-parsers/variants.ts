/** Byte-level variants of a capture: what Windows redirection and cut-off transfers do to it. */

/** PowerShell `>`: UTF-16LE with a BOM and CRLF line ends. */
export function asUtf16(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf16le')]);
}

/** A terminal copy: CRLF line ends, UTF-8. */
export function asCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/** The first `share` of the bytes (0..1), as a transfer cut off part-way would leave it. */
export function cutAt(bytes: Buffer, share: number): Buffer {
  return bytes.subarray(0, Math.floor(bytes.length * share));
}

/** Fields of `partial` that are set must equal the same fields of `full` (a cut may only lose data). */
export function onlyLost<T extends object>(partial: T, full: T, ignore: readonly string[] = []): boolean {
  return Object.entries(partial).every(
    ([k, v]) =>
      ignore.includes(k) ||
      v === null ||
      JSON.stringify(v) === JSON.stringify((full as Record<string, unknown>)[k]),
  );
}

/** Elapsed milliseconds of fn (for the catastrophic-backtracking guards). */
export function timed(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}
