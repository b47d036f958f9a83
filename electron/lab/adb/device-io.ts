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

export interface AdbDeviceIo {
  readonly serial: string;
  /** Runs a command through `shell:` and returns its output as text (stdout and stderr merged). */
  shell(command: string, options?: ShellOptions): Promise<string>;
  /** Runs a command through `exec:` (no PTY, binary-safe) and returns the raw bytes. */
  exec(command: string, options?: ShellOptions): Promise<Buffer>;
  /** Pushes a local file to the phone through the sync service. */
  push(localPath: string, remotePath: string, options: PushOptions): Promise<void>;
}

export const DEFAULT_SHELL_TIMEOUT_MS = 15_000;
