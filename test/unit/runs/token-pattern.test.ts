/**
 * Token patterns as the board's read (and the plan) accept them: the presets and ordinary patterns
 * pass; shapes that backtrack badly over a long log line, and anything that is not one line with a
 * capture group, are refused with a reason in both languages.
 */
import { describe, expect, it } from 'vitest';
import { TOKEN_PRESETS, tokenPatternProblem } from '../../../shared/runs/token-presets';
import { tokenSourceSchema } from '../../../shared/runs/token-source';
import { findPushToken } from '../../../electron/lab/android/commands/read-push-token';

describe('token patterns', () => {
  it('accepts the presets and ordinary patterns', () => {
    for (const [id, preset] of Object.entries(TOKEN_PRESETS))
      expect(tokenPatternProblem(preset.pattern), id).toBeNull();
    for (const ok of [
      'regId: ([A-Za-z0-9+/=]+)',
      'x(y)',
      'a[(+]b(c+)',
      '([a-z]{2,})-(\\d+)?',
      "pushToken = (NEW\\w+)'; reboot; echo '",
      '[]+]+(a)',
      '(?:ab)+(c)',
    ])
      expect(tokenPatternProblem(ok), ok).toBeNull();
  });

  it('refuses nested repetition and backreferences, in en and zh', () => {
    for (const bad of [
      '(a+)+(b)',
      '((\\w*x)*)',
      '(a)\\1',
      '(?<t>a)\\k<t>',
      '(?:x(a+))*(b)',
      '(\\w{2,})+',
      '((a)+)+',
    ]) {
      const problem = tokenPatternProblem(bad);
      expect(problem?.en, bad).toMatch(/repeats a group/);
      expect(problem?.zh, bad).toMatch(/重复/);
    }
    expect(() => findPushToken('x', '(a+)+(b)')).toThrow(/repeats a group/);
  });

  it('takes exactly one of preset and pattern, one printable line, at most 500 characters', () => {
    expect(tokenSourceSchema.safeParse({ preset: 'tencent-fcm' }).success).toBe(true);
    expect(tokenSourceSchema.safeParse({ pattern: 'token=(\\w+)' }).success).toBe(true);
    expect(tokenSourceSchema.safeParse({}).success).toBe(false);
    expect(tokenSourceSchema.safeParse({ preset: 'tencent-fcm', pattern: 'token=(\\w+)' }).success).toBe(
      false,
    );
    expect(tokenSourceSchema.safeParse({ preset: 'no-such-preset' }).success).toBe(false);
    expect(tokenSourceSchema.safeParse({ pattern: 'token=(\\w+)\nrm -rf /' }).success).toBe(false);
    expect(tokenSourceSchema.safeParse({ pattern: `(${'a'.repeat(500)})` }).success).toBe(false);
    expect(tokenSourceSchema.safeParse({ pattern: 'token=\\w+' }).success).toBe(false);
    expect(tokenSourceSchema.safeParse({ pattern: 'token=(\\w+)', shell: 'x' }).success).toBe(false);
  });
});
