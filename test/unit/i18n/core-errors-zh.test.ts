/**
 * Every error the core, the CLI and the shells raise reaches a user: each `new LabError(...)` must
 * carry its zh-CN text (`zh: { message, hint? }`) beside the English, so a zh-CN screen or terminal
 * never shows an English error (issue 9 point 7). Read from the sources with the TypeScript parser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../..');
const HAN = /[\u4e00-\u9fff]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

interface Site {
  readonly where: string;
  readonly problem: string;
}

function objectProperty(node: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const property of node.properties) {
    if (ts.isPropertyAssignment(property) && property.name.getText() === name) return property.initializer;
    if (ts.isShorthandPropertyAssignment(property) && property.name.getText() === name) return property.name;
  }
  return undefined;
}

/** A zh text is Chinese when some literal part of it has Han characters (values may be English). */
function hasHan(node: ts.Expression | undefined): boolean {
  if (!node) return false;
  let found = false;
  const visit = (child: ts.Node): void => {
    if (
      (ts.isStringLiteral(child) ||
        ts.isNoSubstitutionTemplateLiteral(child) ||
        ts.isTemplateLiteralToken(child)) &&
      HAN.test(child.text)
    ) {
      found = true;
    }
    if (!found) ts.forEachChild(child, visit);
  };
  visit(node);
  // A zh text built elsewhere (a function or a catalog lookup) counts: it is checked where it is made.
  return found || ts.isCallExpression(node) || ts.isIdentifier(node) || ts.isPropertyAccessExpression(node);
}

function problemsIn(file: string): Site[] {
  const text = readFileSync(file, 'utf8');
  return text.includes('new LabError(') ? problemsInText(file, text) : [];
}

function problemsInText(file: string, text: string): Site[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const sites: Site[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && node.expression.getText() === 'LabError') {
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      const where = `${relative(ROOT, file)}:${line}`;
      const options = node.arguments?.[2];
      const zh = options && ts.isObjectLiteralExpression(options) ? objectProperty(options, 'zh') : undefined;
      const hint =
        options && ts.isObjectLiteralExpression(options) ? objectProperty(options, 'hint') : undefined;
      if (!zh) sites.push({ where, problem: 'no zh text' });
      else if (ts.isObjectLiteralExpression(zh)) {
        if (!hasHan(objectProperty(zh, 'message')))
          sites.push({ where, problem: 'zh.message is not Chinese' });
        if (hint && !objectProperty(zh, 'hint')) sites.push({ where, problem: 'hint has no zh.hint' });
        else if (hint && !hasHan(objectProperty(zh, 'hint')))
          sites.push({ where, problem: 'zh.hint is not Chinese' });
      } else if (!hasHan(zh)) sites.push({ where, problem: 'zh is not Chinese' });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return sites;
}

describe('errors in zh-CN', () => {
  it('every LabError raised by the core, the CLI and the shells has a Chinese message and hint', () => {
    const problems = sourceFiles(join(ROOT, 'electron')).flatMap(problemsIn);
    expect(problems.map((site) => `${site.where}: ${site.problem}`)).toEqual([]);
  });

  it('the checker finds a LabError without a zh text, with an English one, and with a hint left out', () => {
    const problems = (code: string) =>
      problemsInText(join(ROOT, 'probe.ts'), code).map((site) => site.problem);
    expect(problems(`throw new LabError('TIMEOUT', 'x', { hint: 'y' });`)).toEqual(['no zh text']);
    expect(problems(`throw new LabError('TIMEOUT', 'x', { zh: { message: 'x' } });`)).toEqual([
      'zh.message is not Chinese',
    ]);
    expect(problems(`throw new LabError('TIMEOUT', 'x', { hint: 'y', zh: { message: '超时' } });`)).toEqual([
      'hint has no zh.hint',
    ]);
    expect(
      problems(
        `throw new LabError('TIMEOUT', \`x \${n}\`, { hint: 'y', zh: { message: \`超时 \${n}\`, hint: '重试' } });`,
      ),
    ).toEqual([]);
  });
});
