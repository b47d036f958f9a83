/** Printing for the CLI: errors in one readable block, tables with aligned columns. */
import { errorText, type ErrorInfo } from '../../shared/errors';
import { cliLocale, say } from './locale';

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

export const processOutput: Output = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

export function printError(output: Output, error: ErrorInfo): void {
  const text = errorText(error, cliLocale());
  output.err(`pushlab: ${text.message}`);
  if (text.hint) output.err(`  ${say('cli.error.whatToDo')}: ${text.hint}`);
  if (error.detail)
    output.err(`  ${say('cli.error.details')}: ${error.detail.split('\n')[0]?.slice(0, 300) ?? ''}`);
}

/** Strips control characters so device text cannot drive the terminal. */
export function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '?');
}

export function table(rows: ReadonlyArray<readonly string[]>): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}
