/**
 * Reads a plan file for `pushlab run`: JSON with a clear error, and paths in it (the build, a
 * relative send command, secret files) taken relative to the plan's folder, so a plan checked
 * into a repo runs from anywhere.
 */
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { jsonSyntaxProblem } from '../../../shared/runs/json-position';
import { LabError } from '../../lab/errors';
import { say, sayZh } from '../locale';
import { clean } from '../output';

const MAX_PLAN_BYTES = 1024 * 1024;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The plan file's error in words (not found / a folder / not readable), never a bare ENOENT. */
function fileError(path: string, error: unknown): LabError {
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
  const shown = clean(path);
  const text = (tell: typeof say): string =>
    code === 'ENOENT' || code === 'ENOTDIR'
      ? tell('cli.plan.notFound', { path: shown })
      : code === 'EISDIR'
        ? tell('cli.plan.isFolder', { path: shown })
        : code === 'EACCES' || code === 'EPERM'
          ? tell('cli.plan.notReadable', { path: shown })
          : tell('cli.plan.unreadable', { path: shown, code });
  return new LabError(code === 'ENOENT' ? 'NOT_FOUND' : 'INVALID_ARGUMENT', text(say), {
    hint: say('cli.plan.pathHint'),
    zh: { message: text(sayZh), hint: sayZh('cli.plan.pathHint') },
  });
}

export async function readPlanFile(path: string): Promise<unknown> {
  let text: string;
  try {
    const bytes = await readFile(path);
    if (bytes.length > MAX_PLAN_BYTES) {
      throw new LabError('PLAN_INVALID', say('cli.plan.tooLarge', { path: clean(path) }), {
        hint: say('cli.plan.tooLargeHint'),
        zh: {
          message: sayZh('cli.plan.tooLarge', { path: clean(path) }),
          hint: sayZh('cli.plan.tooLargeHint'),
        },
      });
    }
    text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    if (error instanceof LabError) throw error;
    throw fileError(path, error);
  }
  let plan: unknown;
  try {
    plan = JSON.parse(text);
  } catch (error) {
    const at = jsonSyntaxProblem(text, error);
    throw new LabError(
      'PLAN_INVALID',
      say('cli.plan.badJson', { path: clean(path), reason: at.reason, line: at.line, column: at.column }),
      {
        hint: say('cli.plan.badJsonHint'),
        zh: {
          message: sayZh('cli.plan.badJson', {
            path: clean(path),
            reason: at.reason,
            line: at.line,
            column: at.column,
          }),
          hint: sayZh('cli.plan.badJsonHint'),
        },
      },
    );
  }
  return anchorPaths(plan, dirname(resolve(path)));
}

/** Plan paths relative to `base` become absolute (only where the plan has a path). */
export function anchorPaths(plan: unknown, base: string): unknown {
  if (!isObject(plan)) return plan;
  const abs = (p: unknown): unknown =>
    typeof p === 'string' && p !== '' && !isAbsolute(p) ? resolve(base, p) : p;
  const out: Json = { ...plan };
  if (isObject(plan.build)) out.build = { ...plan.build, apk: abs(plan.build.apk) };
  if (isObject(plan.sender)) {
    const sender: Json = { ...plan.sender };
    // A bare command name (node, python3) is looked up on PATH; ./send.sh is the plan's own.
    if (sender.kind === 'command' && typeof sender.command === 'string' && /[\\/]/.test(sender.command))
      sender.command = abs(sender.command);
    // Every secret reference the sender holds (Tencent key, APNs .p8 key, FCM service account).
    for (const [key, value] of Object.entries(sender)) {
      if (isObject(value) && typeof value.file === 'string' && Object.keys(value).length === 1)
        sender[key] = { file: abs(value.file) };
    }
    out.sender = sender;
  }
  return out;
}
