/**
 * An install a platform refuses before touching the device (a build of another platform, a device
 * not here): the failed InstallItem, reported once, with the error's words as the failure.
 */
import type { InstallFailure, InstallItem } from '../../../shared/domain/install';
import { toErrorInfo } from '../errors';

export function failureFromError(error: unknown): InstallFailure {
  const info = toErrorInfo(error);
  return {
    reason: info.code,
    message: info.message,
    fix: info.hint ?? 'Try again.',
    raw: info.detail ?? info.message,
    ...(info.zh ? { zh: { message: info.zh.message, fix: info.zh.hint ?? '请重试。' } } : {}),
  };
}

export function refusedInstall(
  target: {
    readonly serial: string;
    readonly now: () => string;
    readonly update: (item: InstallItem) => void;
  },
  totalBytes: number,
  error: unknown,
): InstallItem {
  const at = target.now();
  const item: InstallItem = {
    serial: target.serial,
    phase: 'failed',
    bytesPushed: 0,
    totalBytes,
    failure: failureFromError(error),
    startedAt: at,
    finishedAt: target.now(),
  };
  target.update(item);
  return item;
}
