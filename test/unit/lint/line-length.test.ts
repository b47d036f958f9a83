/**
 * Proves the line-length rules can fail: prettier (run by lint) wraps code at its printWidth, and
 * ESLint's max-len catches what prettier cannot wrap, except in i18n catalogs (one message, one line).
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.js') });
});

async function rulesAt(file: string, code: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId);
}

const longString = `export const text = '${'word '.repeat(34)}';\n`;

describe('line length', { timeout: 60_000 }, () => {
  it('refuses a line over 160 characters in the core, and allows it once split', async () => {
    expect(longString.length).toBeGreaterThan(170);
    expect(await rulesAt('electron/lab/x.ts', longString)).toContain('max-len');
    const split = `export const text =\n  '${'word '.repeat(17)}' +\n  '${'word '.repeat(17)}';\n`;
    expect(await rulesAt('electron/lab/x.ts', split)).not.toContain('max-len');
  });

  it('lets an i18n catalog keep a long message on one line', async () => {
    expect(await rulesAt('shared/i18n/x.en.ts', longString)).not.toContain('max-len');
  });

  it('prettier finds code that is not wrapped at the configured width', async () => {
    const file = path.join(root, 'electron/lab/x.ts');
    const options = { ...(await prettier.resolveConfig(file)), filepath: file };
    const wide = `export const f = (alpha: number, beta: number, gamma: number) => alpha + beta + gamma + alpha * beta * gamma + 1;\n`;
    expect(await prettier.check(wide, options)).toBe(false);
    expect(await prettier.check(await prettier.format(wide, options), options)).toBe(true);
  });
});
