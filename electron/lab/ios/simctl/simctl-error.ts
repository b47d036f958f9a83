/**
 * A failed simctl call, apart from the runner that spawns xcrun: device commands (ios/commands)
 * recognise "already booted", "nothing to terminate"… by it without loading child_process.
 */
import type { LocalizedErrorText } from '../../../../shared/errors';
import { LabError } from '../../errors';

/** simctl failed: the exit code and what it printed, for callers that treat some failures as answers. */
export class SimctlError extends LabError {
  public constructor(
    message: string,
    public readonly exitCode: number | null,
    public readonly stderr: string,
    options: { hint?: string; zh?: LocalizedErrorText } = {},
  ) {
    super('COMMAND_FAILED', message, { ...options, detail: stderr.slice(0, 4000) });
    this.name = 'SimctlError';
  }
}
