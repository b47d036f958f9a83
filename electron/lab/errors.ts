/**
 * LabError is the one exception type inside the core; at the boundary it becomes an ErrorInfo
 * value. Anything else that escapes is wrapped as INTERNAL with its message (never its stack).
 */
import type { ErrorCode, ErrorInfo } from '../../shared/errors';

export class LabError extends Error {
  public readonly code: ErrorCode;
  public readonly hint: string | undefined;
  public readonly detail: string | undefined;

  public constructor(code: ErrorCode, message: string, options: { hint?: string; detail?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LabError';
    this.code = code;
    this.hint = options.hint;
    this.detail = options.detail;
  }

  public toInfo(): ErrorInfo {
    return {
      code: this.code,
      message: this.message,
      ...(this.hint === undefined ? {} : { hint: this.hint }),
      ...(this.detail === undefined ? {} : { detail: this.detail }),
    };
  }
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof LabError) return error.toInfo();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `Unexpected error: ${message}`, hint: 'Please report this with the log file.' };
}
