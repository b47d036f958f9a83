/**
 * Reading a plan: JSON text or a parsed value in, a RunPlan or a PlanError out. Each problem names
 * its place in the file ("app.login.template") and what to do about it.
 */
import type { z } from 'zod';
import type { ErrorInfo } from '../errors';
import { fail, ok, type Result } from '../result';
import type { PushChannel } from '../domain/device';
import { SCENARIOS } from '../scenarios/catalog';
import { jsonSyntaxProblem } from './json-position';
import { planSchema, type PlanAccount, type RunPlan } from './plan';

export interface PlanProblem {
  /** Where in the plan, e.g. "sender.secret" or "scenarios[2]"; "(plan)" for the whole file. */
  readonly path: string;
  readonly message: string;
}

/** A plan that cannot run; `problems` lists every issue found, not only the first. */
export class PlanError extends Error {
  public readonly problems: readonly PlanProblem[];

  public constructor(problems: readonly PlanProblem[]) {
    super(`The plan is not valid:\n${problems.map((p) => `- ${p.path}: ${p.message}`).join('\n')}`);
    this.name = 'PlanError';
    this.problems = problems;
  }

  /** As an ErrorInfo for the CLI and IPC. */
  public toInfo(): ErrorInfo {
    return {
      code: 'PLAN_INVALID',
      message: this.message,
      hint: 'Fix the fields listed, then run again. The plan format, with a complete example, is in the README section "The plan".',
      // The problem lines (field paths and checks) stay as written; the lead-in and hint are zh-CN.
      zh: {
        message: `计划无效：\n${this.problems.map((p) => `- ${p.path}: ${p.message}`).join('\n')}`,
        hint: '请修改列出的字段，然后重新运行。计划格式和完整示例见 README 的“The plan”一节。',
      },
    };
  }
}

/** "app.accounts.serials[\"8a7f\"]"-style path from zod's path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(plan)';
  return path
    .map((key, i) => {
      if (typeof key === 'number') return `[${key}]`;
      const name = String(key);
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return i === 0 ? name : `.${name}`;
      return `[${JSON.stringify(name)}]`;
    })
    .join('');
}

function describeIssue(issue: z.core.$ZodIssue): PlanProblem[] {
  const path = formatPath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: formatPath([...issue.path, key]),
        // The note on secrets only where the unknown field looks like one.
        message: /secret|key|token|password|credential/i.test(String(key))
          ? 'is not a plan field: remove it or check its spelling (secrets go in { "env": NAME } or { "file": PATH })'
          : 'is not a plan field: remove it or check its spelling',
      }));
    case 'invalid_type':
      // zod leaves `input` out of issues unless asked; its message still says what was received.
      if (/received undefined$/.test(issue.message)) return [{ path, message: `is missing: add it (${issue.expected === 'int' ? 'a whole number' : issue.expected})` }];
      return [{ path, message: `must be ${issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`}` }];
    case 'invalid_value':
      return [{ path, message: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}` }];
    case 'too_small':
      return [{ path, message: issue.origin === 'string' ? 'must not be empty' : issue.origin === 'array' ? 'must list at least one entry' : `must be at least ${String(issue.minimum)}` }];
    case 'too_big':
      return [{ path, message: `is too ${issue.origin === 'number' || issue.origin === 'int' ? 'large' : 'long'}: at most ${String(issue.maximum)}` }];
    case 'invalid_union':
      if (issue.path.at(-1) === 'kind') {
        return [{ path, message: 'is not a known kind (app actions: shell, deeplink, operator; sender: tencent, apns, fcm, simctl, command, manual)' }];
      }
      // A reference that is not { env } / { file } carries its own message.
      return [{ path, message: issue.message.startsWith('Invalid input') ? 'does not have the fields of any allowed form' : issue.message }];
    default:
      return [{ path, message: issue.message }];
  }
}

/** Validates a plan (JSON text or a parsed value); throws PlanError listing every problem. */
export function parsePlan(input: unknown): RunPlan {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input.replace(/^\uFEFF/, '')) as unknown;
    } catch (error) {
      const at = jsonSyntaxProblem(input.replace(/^\uFEFF/, ''), error);
      throw new PlanError([{ path: '(plan)', message: `is not JSON (${at.reason}, at line ${at.line}, column ${at.column}): check commas and quotes` }]);
    }
  }
  const parsed = planSchema.safeParse(value);
  if (!parsed.success) throw new PlanError(parsed.error.issues.flatMap(describeIssue));
  return parsed.data;
}

/** parsePlan as a Result, for IPC and the web bridge. */
export function safeParsePlan(input: unknown): Result<RunPlan> {
  try {
    return ok(parsePlan(input));
  } catch (error) {
    if (error instanceof PlanError) return fail(error.toInfo());
    throw error;
  }
}

/** The scenario ids the plan runs, in catalog order for 'all', else as listed. */
export function planScenarioIds(plan: RunPlan): readonly string[] {
  return plan.scenarios === 'all' ? SCENARIOS.map((s) => s.id) : plan.scenarios;
}

/** The test account for a phone: by serial first, then by its push channel; null when none. */
export function accountFor(plan: RunPlan, serial: string, channel: PushChannel | null): PlanAccount | null {
  const accounts = plan.app.accounts;
  const bySerial = accounts.serials !== undefined && Object.hasOwn(accounts.serials, serial) ? accounts.serials[serial] : undefined;
  if (bySerial !== undefined) return bySerial;
  return channel === null ? null : (accounts.vendors?.[channel] ?? null);
}
