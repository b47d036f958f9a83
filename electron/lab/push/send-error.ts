/**
 * A failed send: still a LabError (plain message + hint), plus what was tried as evidence, so the
 * attempt keeps the request, the answer or the command's output even when the push never left.
 */
import type { ErrorCode, LocalizedErrorText } from '../../../shared/errors';
import { LabError } from '../errors';

export class SendError extends LabError {
  /** Same shape as SendReceipt.evidence: secrets stripped. */
  public readonly evidence: Readonly<Record<string, unknown>>;
  /** When the request left (host epoch ms); null when it never did. */
  public readonly sentAt: number | null;

  public constructor(
    code: ErrorCode,
    message: string,
    options: {
      hint?: string;
      detail?: string;
      cause?: unknown;
      zh?: LocalizedErrorText;
      evidence: Readonly<Record<string, unknown>>;
      sentAt: number | null;
    },
  ) {
    super(code, message, {
      ...(options.hint === undefined ? {} : { hint: options.hint }),
      ...(options.detail === undefined ? {} : { detail: options.detail }),
      ...(options.cause === undefined ? {} : { cause: options.cause }),
      ...(options.zh === undefined ? {} : { zh: options.zh }),
    });
    this.name = 'SendError';
    this.evidence = options.evidence;
    this.sentAt = options.sentAt;
  }

  /**
   * Wraps whatever a send threw. A refusal (COMMAND_FAILED, MALFORMED_OUTPUT) becomes SEND_FAILED;
   * TIMEOUT, CANCELLED, PLAN_INVALID and the like keep their code. The original stays as `cause`.
   */
  public static from(
    error: unknown,
    evidence: Readonly<Record<string, unknown>>,
    sentAt: number | null,
  ): SendError {
    if (error instanceof SendError) return error;
    if (error instanceof LabError) {
      const code =
        error.code === 'COMMAND_FAILED' || error.code === 'MALFORMED_OUTPUT' ? 'SEND_FAILED' : error.code;
      return new SendError(code, error.message, {
        ...(error.hint === undefined ? {} : { hint: error.hint }),
        ...(error.detail === undefined ? {} : { detail: error.detail }),
        ...(error.zh === undefined ? {} : { zh: error.zh }),
        cause: error,
        evidence,
        sentAt,
      });
    }
    const text = error instanceof Error ? error.message : String(error);
    return new SendError('INTERNAL', `Unexpected error while sending: ${text}`, {
      hint: 'Please report this with the log file.',
      zh: { message: `发送时出现意外错误：${text}`, hint: '请附上日志文件报告此问题。' },
      cause: error,
      evidence,
      sentAt,
    });
  }

  /** The same error with every text passed through `strip` (secrets out); `cause` replaces the cause (null: none). */
  public redacted(strip: (text: string) => string, cause: unknown = this.cause): SendError {
    return new SendError(this.code, strip(this.message), {
      ...(this.hint === undefined ? {} : { hint: strip(this.hint) }),
      ...(this.detail === undefined ? {} : { detail: strip(this.detail) }),
      ...(this.zh === undefined ? {} : { zh: stripText(this.zh, strip) }),
      ...(cause === undefined || cause === null ? {} : { cause }),
      evidence: this.evidence,
      sentAt: this.sentAt,
    });
  }
}

function stripText(text: LocalizedErrorText, strip: (text: string) => string): LocalizedErrorText {
  return { message: strip(text.message), ...(text.hint === undefined ? {} : { hint: strip(text.hint) }) };
}
