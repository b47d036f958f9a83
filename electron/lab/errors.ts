/**
 * LabError is the one exception type inside the core; at the boundary it becomes an ErrorInfo
 * value. Anything else that escapes is wrapped as INTERNAL with its message (never its stack).
 */
import type { ErrorCode, ErrorInfo, LocalizedErrorText } from '../../shared/errors';

export class LabError extends Error {
  public readonly code: ErrorCode;
  public readonly hint: string | undefined;
  public readonly detail: string | undefined;
  /** The message and hint in zh-CN; the shells show it to zh-CN users. */
  public readonly zh: LocalizedErrorText | undefined;

  public constructor(
    code: ErrorCode,
    message: string,
    options: { hint?: string; detail?: string; cause?: unknown; zh?: LocalizedErrorText } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LabError';
    this.code = code;
    this.hint = options.hint;
    this.detail = options.detail;
    this.zh = options.zh;
  }

  public toInfo(): ErrorInfo {
    return {
      code: this.code,
      message: this.message,
      ...(this.hint === undefined ? {} : { hint: this.hint }),
      ...(this.detail === undefined ? {} : { detail: this.detail }),
      ...(this.zh === undefined ? {} : { zh: this.zh }),
    };
  }
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof LabError) return error.toInfo();
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: 'INTERNAL',
    message: `Unexpected error: ${message}`,
    hint: 'Please report this with the log file.',
    zh: { message: `意外错误：${message}`, hint: '请附上日志文件报告此问题。' },
  };
}
