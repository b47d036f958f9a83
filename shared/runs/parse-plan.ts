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
import { PLAN_MESSAGES_ZH } from './plan-problems-zh';

export interface PlanProblem {
  /** Where in the plan, e.g. "sender.secret" or "scenarios[2]"; "(plan)" for the whole file. */
  readonly path: string;
  readonly message: string;
  /** The message in zh-CN; absent for zod's own words (the English is shown then). */
  readonly zh?: string;
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
      // The field paths stay as written; a problem without zh text (zod's own words) stays English.
      zh: {
        message: `计划无效：\n${this.problems.map((p) => `- ${p.path}: ${p.zh ?? p.message}`).join('\n')}`,
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

/** zod's names of JSON types, in zh-CN ("a whole number" for int). */
const TYPE_ZH: Readonly<Record<string, string>> = {
  int: '整数',
  number: '数字',
  string: '字符串',
  boolean: '布尔值（`true` 或 `false`）',
  object: '对象',
  array: '数组',
};
const typeZh = (expected: string): string => TYPE_ZH[expected] ?? `\`${expected}\``;

/** The zh-CN of a message PushLab wrote (the schema's own texts, or the zh a custom issue carries). */
function ownZh(issue: z.core.$ZodIssue): string | undefined {
  const carried: unknown = (issue as { params?: { zh?: unknown } }).params?.zh;
  return typeof carried === 'string' ? carried : PLAN_MESSAGES_ZH[issue.message];
}

function describeIssue(issue: z.core.$ZodIssue): PlanProblem[] {
  const path = formatPath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        // The note on secrets only where the unknown field looks like one.
        const secret = /secret|key|token|password|credential/i.test(String(key));
        return {
          path: formatPath([...issue.path, key]),
          message: secret
            ? 'is not a plan field: remove it or check its spelling (secrets go in { "env": NAME } or { "file": PATH })'
            : 'is not a plan field: remove it or check its spelling',
          zh: secret
            ? '不是计划字段：请删除它或检查拼写（密钥写成 { "env": NAME } 或 { "file": PATH }）'
            : '不是计划字段：请删除它或检查拼写',
        };
      });
    case 'invalid_type':
      // zod leaves `input` out of issues unless asked; its message still says what was received.
      if (/received undefined$/.test(issue.message)) {
        return [
          {
            path,
            message: `is missing: add it (${issue.expected === 'int' ? 'a whole number' : issue.expected})`,
            zh: `缺失：请添加（${typeZh(issue.expected)}）`,
          },
        ];
      }
      return [
        {
          path,
          message: `must be ${issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`}`,
          zh: `必须是${typeZh(issue.expected)}`,
        },
      ];
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return [{ path, message: `must be one of ${values}`, zh: `必须是以下之一：${values}` }];
    }
    case 'too_small':
      return [
        issue.origin === 'string'
          ? { path, message: 'must not be empty', zh: '不能为空' }
          : issue.origin === 'array'
            ? { path, message: 'must list at least one entry', zh: '至少要列出一项' }
            : {
                path,
                message: `must be at least ${String(issue.minimum)}`,
                zh: `至少为 ${String(issue.minimum)}`,
              },
      ];
    case 'too_big': {
      const number = issue.origin === 'number' || issue.origin === 'int';
      return [
        {
          path,
          message: `is too ${number ? 'large' : 'long'}: at most ${String(issue.maximum)}`,
          zh: `${number ? '太大' : '太长'}：最多 ${String(issue.maximum)}`,
        },
      ];
    }
    case 'invalid_union':
      if (issue.path.at(-1) === 'kind') {
        return [
          {
            path,
            message:
              'is not a known kind (app actions: shell, deeplink, operator; sender: tencent, apns, fcm, simctl, command, manual)',
            zh: '不是已知的类型（应用操作：`shell`、`deeplink`、`operator`；发送方式：`tencent`、`apns`、`fcm`、`simctl`、`command`、`manual`）',
          },
        ];
      }
      // A reference that is not { env } / { file } carries its own message.
      if (issue.message.startsWith('Invalid input'))
        return [
          { path, message: 'does not have the fields of any allowed form', zh: '不符合任何一种允许的格式' },
        ];
      return [withZh(path, issue)];
    case 'invalid_format':
      // A pattern without PushLab's own message (zod's words name the regex): say it in general terms.
      return [
        ownZh(issue) === undefined ? { path, message: issue.message, zh: '格式不正确' } : withZh(path, issue),
      ];
    default:
      return [withZh(path, issue)];
  }
}

function withZh(path: string, issue: z.core.$ZodIssue): PlanProblem {
  const zh = ownZh(issue);
  return zh === undefined ? { path, message: issue.message } : { path, message: issue.message, zh };
}

/** The JSON parser's reason in zh-CN: PushLab's own words are translated, V8's stay quoted as they are. */
function jsonReasonZh(reason: string): string {
  if (reason.startsWith('the text ends too early')) return '文本提前结束（缺少 } 或 ]？）';
  if (reason === 'syntax error') return '语法错误';
  return `“${reason}”`;
}

/** Validates a plan (JSON text or a parsed value); throws PlanError listing every problem. */
export function parsePlan(input: unknown): RunPlan {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input.replace(/^\uFEFF/, '')) as unknown;
    } catch (error) {
      const at = jsonSyntaxProblem(input.replace(/^\uFEFF/, ''), error);
      throw new PlanError([
        {
          path: '(plan)',
          message: `is not JSON (${at.reason}, at line ${at.line}, column ${at.column}): check commas and quotes`,
          zh: `不是 JSON（第 ${at.line} 行第 ${at.column} 列：${jsonReasonZh(at.reason)}）：请检查逗号和引号`,
        },
      ]);
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
export function planScenarioIds(plan: Pick<RunPlan, 'scenarios'>): readonly string[] {
  return plan.scenarios === 'all' ? SCENARIOS.map((s) => s.id) : plan.scenarios;
}

/** The test account for a phone: by serial first, then by its push channel; null when none. */
export function accountFor(plan: RunPlan, serial: string, channel: PushChannel | null): PlanAccount | null {
  const accounts = plan.app.accounts;
  const bySerial =
    accounts.serials !== undefined && Object.hasOwn(accounts.serials, serial)
      ? accounts.serials[serial]
      : undefined;
  if (bySerial !== undefined) return bySerial;
  return channel === null ? null : (accounts.vendors?.[channel] ?? null);
}
