import { describe, expect, it } from 'vitest';
import { jsonErrorOffset, jsonSyntaxProblem } from '../../../shared/runs/json-position';

function problemOf(text: string): ReturnType<typeof jsonSyntaxProblem> {
  try {
    JSON.parse(text);
  } catch (error) {
    return jsonSyntaxProblem(text, error);
  }
  throw new Error('expected a syntax error');
}

describe('JSON syntax errors as line and column', () => {
  it('points at the offending character on its line', () => {
    expect(problemOf('{\n  "a": 1,\n  "b": }\n')).toMatchObject({ line: 3, column: 8 });
    expect(problemOf('{"a": [1, 2 3]}')).toMatchObject({ line: 1, column: 13 });
    expect(problemOf('{\n  "a": tru\n}')).toMatchObject({ line: 2, column: 11 });
    expect(problemOf('{"a": "x\ny"}')).toMatchObject({ line: 1, column: 9 });
  });

  it('points past the end when the text stops early, and says so', () => {
    const problem = problemOf('{\n  "a": [1, 2');
    expect(problem).toMatchObject({ line: 2, column: 13 });
    expect(problemOf('')).toMatchObject({
      line: 1,
      column: 1,
      reason: expect.stringMatching(/ends too early/),
    });
  });

  it("keeps V8's reason but never its character offset or an echo of the text", () => {
    const { reason } = problemOf('{"secret-ish": 1,, "b": 2}');
    expect(reason).not.toMatch(/position|\d{2,}|secret-ish/);
    expect(reason.length).toBeGreaterThan(0);
  });

  it('accepts what JSON.parse accepts (no false offsets on valid text)', () => {
    for (const text of ['{}', '[]', ' {"a":[1,-2.5e3,true,false,null,"\\u00e9\\n"]} ', '"x"', '0']) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(jsonErrorOffset(text)).toBe(text.length);
    }
    // Trailing garbage after a valid value is an error at the garbage.
    expect(jsonErrorOffset('{} x')).toBe(3);
  });
});
