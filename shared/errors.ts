/**
 * The closed set of error codes the UI and CLI can switch on. Each error carries a plain
 * message (what happened) and a hint (what to do next); never a stack trace.
 */
export const ERROR_CODES = [
  'ADB_UNREACHABLE',
  'ADB_SERVER_START_FAILED',
  'ADB_NOT_FOUND',
  'DEVICE_NOT_FOUND',
  'DEVICE_UNAUTHORIZED',
  'DEVICE_OFFLINE',
  'DEVICE_LOST',
  'DEVICE_NOT_READY',
  'TIMEOUT',
  'NOT_AN_APK',
  'APK_UNREADABLE',
  'INSTALL_FAILED',
  'INVALID_ARGUMENT',
  'MALFORMED_OUTPUT',
  'COMMAND_FAILED',
  'NOT_FOUND',
  'STORAGE_FAILED',
  'PLAN_INVALID',
  'SEND_FAILED',
  'CANCELLED',
  'SECRET_UNAVAILABLE',
  'RUN_SIGNED_OFF',
  /** The run would send more pushes through a sender than the plan's or the sender's quota allows. */
  'QUOTA_EXCEEDED',
  /** A person refused (or could not be asked) to let a plan run a program or read a file. */
  'APPROVAL_REFUSED',
  /** The web UI's request came without this launch's credential. */
  'ACCESS_DENIED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorInfo {
  readonly code: ErrorCode;
  /** What happened, in one plain sentence. */
  readonly message: string;
  /** What the user should do next. */
  readonly hint?: string;
  /** Raw text from the device or tool, kept as evidence (untrusted: render as text). */
  readonly detail?: string;
  /** The same message and hint in Simplified Chinese (every error the core raises has one). */
  readonly zh?: LocalizedErrorText;
}

export interface LocalizedErrorText {
  readonly message: string;
  readonly hint?: string;
}

/** The message and hint to show in a locale: the zh-CN text where the error has one. */
export function errorText(error: ErrorInfo, locale: string): LocalizedErrorText {
  if (locale === 'zh-CN' && error.zh) return error.zh;
  return { message: error.message, ...(error.hint === undefined ? {} : { hint: error.hint }) };
}

export function isErrorInfo(value: unknown): value is ErrorInfo {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorInfo).code === 'string' &&
    (ERROR_CODES as readonly string[]).includes((value as ErrorInfo).code) &&
    typeof (value as ErrorInfo).message === 'string'
  );
}
