/**
 * The transport one phone's commands go through: text shell, binary exec, and file push with
 * progress. Commands (android/commands/*) depend on this interface only, so they are tested with
 * a fake and run for real over adbkit.
 */
export interface PushOptions {
  readonly mode?: number;
  readonly timeoutMs: number;
  readonly onProgress?: (bytesTransferred: number) => void;
  readonly signal?: AbortSignal;
}

export interface ShellOptions {
  readonly timeoutMs?: number;
}

export interface ShellStreamOptions {
  /** Output as it is printed (decoded as UTF-8, never splitting a character). */
  readonly onData: (text: string) => void;
  /** Aborting closes the stream (adbd then hangs the command up). */
  readonly signal: AbortSignal;
  /** Deadline for the phone to accept the command (default 10 s); the stream itself has none. */
  readonly openTimeoutMs?: number;
}

export interface AdbDeviceIo {
  readonly serial: string;
  /** Runs a command through `shell:` and returns its output as text (stdout and stderr merged). */
  shell(command: string, options?: ShellOptions): Promise<string>;
  /** Runs a command through `exec:` (no PTY, binary-safe) and returns the raw bytes. */
  exec(command: string, options?: ShellOptions): Promise<Buffer>;
  /**
   * Runs a long-lived command (e.g. `logcat` following a buffer) and hands its output over as it
   * comes; resolves when the command ends or the signal aborts. Optional: transports without it
   * make callers fall back to one-shot commands.
   */
  streamShell?(command: string, options: ShellStreamOptions): Promise<void>;
  /** Pushes a local file to the phone through the sync service. */
  push(localPath: string, remotePath: string, options: PushOptions): Promise<void>;
}

export const DEFAULT_SHELL_TIMEOUT_MS = 15_000;
