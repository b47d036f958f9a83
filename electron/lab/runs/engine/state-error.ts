/**
 * The error when the app could not be put in a scenario's state (phone or simulator): the
 * state report's own error and reason, with zh-CN text beside them.
 */
import type { ErrorInfo } from '../../../../shared/errors';
import { LabError } from '../../errors';

interface FailedStateReport {
  readonly reason: string | null;
  readonly error: ErrorInfo | null;
}

export function stateNotReached(report: FailedStateReport, state: string): LabError {
  const hint = report.error?.hint;
  // Without the error's own zh, the state module's English reason and hint follow a Chinese lead-in.
  const zh = report.error?.zh ?? {
    message: report.reason === null ? `无法进入“${state}”状态。` : `无法进入“${state}”状态：${report.reason}`,
    ...(hint ? { hint } : {}),
  };
  return new LabError(
    report.error?.code ?? 'COMMAND_FAILED',
    report.reason ?? `Could not reach "${state}".`,
    {
      ...(hint ? { hint } : {}),
      zh,
    },
  );
}
