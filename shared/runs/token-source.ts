/**
 * The zod shapes of a token source (a preset's name or the user's own pattern), for requests that
 * read a push token from a phone's log. Kept apart from token-presets.ts so the window, which checks
 * patterns with tokenPatternProblem, does not bundle zod.
 */
import { z } from 'zod';
import { TOKEN_PRESET_IDS, tokenPatternProblem } from './token-presets';

/** A user's token pattern as a request or plan carries it: one printable line that passes tokenPatternProblem. */
export const tokenPatternSchema = z
  .string()
  .min(1)
  .max(500)
  .regex(/^[^\u0000-\u001f\u007f-\u009f]*$/, 'must be one line without control characters')
  .superRefine((source, ctx) => {
    const problem = tokenPatternProblem(source);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem.en, params: { zh: problem.zh } });
  });

/** Where to find a token in the log: exactly one of a preset's name or the user's own pattern. */
export const tokenSourceSchema = z
  .strictObject({ preset: z.enum(TOKEN_PRESET_IDS).optional(), pattern: tokenPatternSchema.optional() })
  .refine((f) => (f.preset === undefined) !== (f.pattern === undefined), {
    message: `needs exactly one of "preset" (${TOKEN_PRESET_IDS.join(', ')}) or "pattern"`,
    params: { zh: `需要且只能有 "preset"（${TOKEN_PRESET_IDS.join(', ')}）或 "pattern" 之一` },
  });
export type TokenSource = z.infer<typeof tokenSourceSchema>;
