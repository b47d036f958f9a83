/**
 * Turns an unexpected SQLite failure (disk full, locked, read-only) into STORAGE_FAILED with a
 * plain message, so callers never see a raw driver error. LabErrors pass through.
 */
import { phraseEn, phraseZh, type Phrase } from '../util/phrase';
import { LabError } from '../errors';

/** Runs one storage operation; `what` completes "Could not ..." (zh: names the operation). */
export function guarded<T>(what: Phrase, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof LabError) throw error;
    throw new LabError('STORAGE_FAILED', `Could not ${phraseEn(what)}.`, {
      hint: 'Check free disk space and that the PushLab data folder is writable, then try again.',
      detail: error instanceof Error ? error.message : String(error),
      cause: error,
      zh: {
        message: `PushLab 无法${phraseZh(what)}。`,
        hint: '请检查磁盘剩余空间以及 PushLab 数据文件夹是否可写，然后重试。',
      },
    });
  }
}

/** Parses JSON stored by PushLab itself; a damaged value reads as `fallback`, not a crash. */
export function parseStoredJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
