/**
 * The approval port: before a plan that arrived from the window (Electron IPC or the web page)
 * runs a program, reads a secret file or installs an APK from a path, a person must say yes.
 * The shell injects the approver (a main-process dialog, a terminal prompt). The CLI never asks:
 * the user typed the plan path there, and it calls the run engine directly, not these channels.
 * The core only describes and enforces.
 */
import path from 'node:path';
import { translate, type Locale } from '../../../shared/i18n';
import { safeParsePlan } from '../../../shared/runs/parse-plan';
import type { RunPlan } from '../../../shared/runs/plan';
import type { LocalizedErrorText } from '../../../shared/errors';
import { LabError } from '../errors';
import { secretRefsOf } from '../secrets/resolve-secret';

/** What would touch this computer, exactly as it would run (paths resolved as the engine resolves them). */
export interface ProgramApprovalRequest {
  readonly action: 'start' | 'resume';
  readonly planName: string;
  /** Set when resuming a stored run. */
  readonly runId: string | null;
  /** The `command` sender: the program and each argument as passed (no shell in between). */
  readonly program: { readonly command: string; readonly args: readonly string[] } | null;
  /** `{ "file": … }` secret references, as absolute paths. */
  readonly secretFiles: readonly string[];
  /** `build.apk`, as an absolute path. */
  readonly apk: string | null;
}

/** A no, with what to tell the user (in their language) and what they can do instead. */
export interface ApprovalRefusal {
  readonly approved: false;
  readonly message: string;
  readonly hint: string;
  /** The same refusal in zh-CN, so the error shows in Chinese whatever locale the shell asked in. */
  readonly zh?: LocalizedErrorText;
}

export type ApprovalDecision = { readonly approved: true } | ApprovalRefusal;

/** Implemented by each shell; resolves once a person decided (or it is clear nobody can). */
export type ProgramApprover = (request: ProgramApprovalRequest) => Promise<ApprovalDecision>;

/** The refusal a shell gives when it has nobody to ask. */
export function nobodyToAsk(locale: Locale, request: ProgramApprovalRequest): ApprovalRefusal {
  return {
    approved: false,
    message: translate(locale, 'approval.unavailable', { plan: request.planName }),
    hint: translate(locale, 'approval.unavailable.hint'),
    zh: {
      message: translate('zh-CN', 'approval.unavailable', { plan: request.planName }),
      hint: translate('zh-CN', 'approval.unavailable.hint'),
    },
  };
}

/** The refusal after a person said no. */
export function personRefused(locale: Locale, request: ProgramApprovalRequest): ApprovalRefusal {
  return {
    approved: false,
    message: translate(locale, 'approval.refused', { plan: request.planName }),
    hint: translate(locale, 'approval.refused.hint'),
    zh: {
      message: translate('zh-CN', 'approval.refused', { plan: request.planName }),
      hint: translate('zh-CN', 'approval.refused.hint'),
    },
  };
}

/** Default where a shell injected no approver: refuse, never run silently. */
export const refuseWithoutApprover: ProgramApprover = async (request) => nobodyToAsk('en', request);

/**
 * What a plan would do on this computer, or null when it only talks to phones and push services
 * (those plans need nobody's approval).
 */
export function describeLocalEffects(
  plan: RunPlan,
  action: ProgramApprovalRequest['action'],
  runId: string | null = null,
  cwd: string = process.cwd(),
): ProgramApprovalRequest | null {
  const sender = plan.sender;
  const program =
    sender.kind === 'command' ? { command: sender.command, args: [...(sender.args ?? [])] } : null;
  const secretFiles = secretRefsOf(sender).flatMap((ref) =>
    'file' in ref ? [path.resolve(cwd, ref.file)] : [],
  );
  const apk = plan.build ? path.resolve(cwd, plan.build.apk) : null;
  if (!program && secretFiles.length === 0 && !apk) return null;
  return { action, planName: plan.name, runId, program, secretFiles, apk };
}

/** The request as lines for a dialog or a terminal, in the user's language; values JSON-quoted. */
export function approvalLines(locale: Locale, request: ProgramApprovalRequest): string[] {
  const lines = [
    request.action === 'resume' && request.runId
      ? translate(locale, 'approval.intro.resume', { plan: request.planName, runId: request.runId })
      : translate(locale, 'approval.intro', { plan: request.planName }),
  ];
  if (request.program) {
    lines.push(translate(locale, 'approval.program', { command: JSON.stringify(request.program.command) }));
    lines.push(
      request.program.args.length === 0
        ? translate(locale, 'approval.noArguments')
        : translate(locale, 'approval.arguments', {
            args: request.program.args.map((a) => JSON.stringify(a)).join(' '),
          }),
    );
  }
  for (const file of request.secretFiles)
    lines.push(translate(locale, 'approval.secretFile', { path: JSON.stringify(file) }));
  if (request.apk) lines.push(translate(locale, 'approval.apk', { path: JSON.stringify(request.apk) }));
  return lines;
}

/**
 * Asks the approver when the plan needs it. Returns the plan to run: the parsed plan a person
 * approved (so what runs is what was shown), or the input unchanged when nothing needed asking
 * (an invalid plan is left for the engine to explain). Throws APPROVAL_REFUSED on a no.
 */
export async function approvePlan(
  approver: ProgramApprover,
  input: unknown,
  action: ProgramApprovalRequest['action'],
  runId: string | null = null,
): Promise<unknown> {
  const parsed = safeParsePlan(input);
  if (!parsed.ok) return input;
  const request = describeLocalEffects(parsed.value, action, runId);
  if (!request) return input;
  let decision: ApprovalDecision;
  try {
    decision = await approver(request);
  } catch (error) {
    // An approver that failed said nothing: that is not a yes.
    const refusal = nobodyToAsk('en', request);
    throw new LabError('APPROVAL_REFUSED', refusal.message, {
      hint: refusal.hint,
      cause: error,
      zh: refusal.zh,
    });
  }
  if (!decision.approved) {
    // A shell's own refusal may lack zh: fall back to the catalog's refusal text.
    const zh = decision.zh ?? personRefused('zh-CN', request).zh;
    throw new LabError('APPROVAL_REFUSED', decision.message, { hint: decision.hint, zh });
  }
  return parsed.value;
}
