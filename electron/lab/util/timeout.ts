/**
 * Every adb call has a deadline: one stuck phone must never block the others or the UI.
 */
import { LabError } from '../errors';
import { phraseEn, phraseZh, type Phrase } from './phrase';

interface Cancellable {
  cancel?: () => void;
}

/**
 * Resolves like `promise`, or rejects with a TIMEOUT LabError after `ms`. On timeout, `onTimeout`
 * runs (destroy the socket or stream) and a Bluebird promise is cancelled, so nothing lingers.
 */
export function withTimeout<T>(
  promise: PromiseLike<T>,
  ms: number,
  what: Phrase,
  onTimeout?: () => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      try {
        onTimeout?.();
        (promise as Cancellable).cancel?.();
      } finally {
        reject(
          new LabError('TIMEOUT', `${phraseEn(what)} did not answer within ${Math.round(ms / 100) / 10} s.`, {
            hint: 'Check that the phone is unlocked and still connected; replug it if it stays stuck.',
            zh: {
              message: `${phraseZh(what)}：${Math.round(ms / 100) / 10} 秒内没有应答。`,
              hint: '请确认手机已解锁且仍在连接；如果一直卡住，请重新插拔手机。',
            },
          }),
        );
      }
    }, ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
