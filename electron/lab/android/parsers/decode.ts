/**
 * Turns raw device output into plain LF text. Captures arrive as UTF-8 from adb, but files saved
 * on Windows (PowerShell `>`) are UTF-16 with a BOM and CRLF, and terminal copies carry stray CRs.
 */

/** Share of NUL bytes on one side of the 16-bit pairs above which text is taken as BOM-less UTF-16. */
const UTF16_NUL_SHARE = 0.3;
const SAMPLE_BYTES = 4096;

type Encoding = 'utf8' | 'utf16le' | 'utf16be';

function sniff(bytes: Buffer): { encoding: Encoding; skip: number } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: 'utf8', skip: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf16le', skip: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf16be', skip: 2 };
  // No BOM: ASCII-heavy UTF-16 has a NUL in every other byte, on the odd side for LE, even for BE.
  const pairs = Math.floor(Math.min(bytes.length, SAMPLE_BYTES) / 2);
  if (pairs === 0) return { encoding: 'utf8', skip: 0 };
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenNul++;
    if (bytes[2 * i + 1] === 0) oddNul++;
  }
  if (oddNul / pairs > UTF16_NUL_SHARE && oddNul > evenNul * 2) return { encoding: 'utf16le', skip: 0 };
  if (evenNul / pairs > UTF16_NUL_SHARE && evenNul > oddNul * 2) return { encoding: 'utf16be', skip: 0 };
  return { encoding: 'utf8', skip: 0 };
}

function decodeBuffer(bytes: Buffer): string {
  const { encoding, skip } = sniff(bytes);
  const body = bytes.subarray(skip);
  if (encoding === 'utf8') return body.toString('utf8');
  // A truncated capture can end mid code unit: drop the odd byte rather than emit garbage.
  const even = body.subarray(0, body.length - (body.length % 2));
  if (encoding === 'utf16le') return even.toString('utf16le');
  const swapped = Buffer.from(even);
  swapped.swap16();
  return swapped.toString('utf16le');
}

/** A string that still holds UTF-16 code units as separate chars (decoded as latin1/UTF-8 upstream). */
function repairWideString(text: string): string {
  const sample = text.slice(0, SAMPLE_BYTES);
  let nul = 0;
  let wide = false;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) nul++;
    else if (code > 0xff) wide = true;
  }
  if (sample.length === 0 || nul / sample.length < UTF16_NUL_SHARE / 2) return text;
  return wide ? text.replace(/\u0000/g, '') : decodeBuffer(Buffer.from(text, 'latin1'));
}

/** Decodes device text (UTF-8, or UTF-16LE/BE with or without BOM), drops the BOM and normalises CRLF/CR to LF. */
export function decodeDeviceText(input: string | Buffer): string {
  const text = typeof input === 'string' ? repairWideString(input) : decodeBuffer(input);
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Splits decoded text into lines (no trailing empty line for a final newline). */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
