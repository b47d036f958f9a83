import { describe, expect, it } from 'vitest';
import {
  initialLocale,
  LOCALE_STORAGE_KEY,
  storeLocale,
  type KeyValueStorage,
} from '../../../renderer/src/app/locale-preference';
import { toResult, trimTrailingUndefined } from '../../../renderer/src/bridge/result-guard';

const memory = (): KeyValueStorage & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
};

describe('locale preference', () => {
  it('remembers the choice and prefers it over the browser languages', () => {
    const storage = memory();
    expect(initialLocale(storage, ['zh-CN'])).toBe('zh-CN');
    storeLocale(storage, 'en');
    expect(storage.data.get(LOCALE_STORAGE_KEY)).toBe('en');
    expect(initialLocale(storage, ['zh-CN'])).toBe('en');
  });

  it('ignores junk in storage and survives storage that throws', () => {
    const storage = memory();
    storage.data.set(LOCALE_STORAGE_KEY, 'klingon');
    expect(initialLocale(storage, ['zh-Hans'])).toBe('zh-CN');
    const broken: KeyValueStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(initialLocale(broken, ['en-US'])).toBe('en');
    expect(() => storeLocale(broken, 'zh-CN')).not.toThrow();
  });
});

describe('web bridge result guard', () => {
  it('accepts Result shapes and turns anything else into an INTERNAL error value', () => {
    expect(toResult({ ok: true, value: 3 })).toEqual({ ok: true, value: 3 });
    expect(toResult({ ok: false, error: { code: 'TIMEOUT', message: 'slow' } })).toEqual({
      ok: false,
      error: { code: 'TIMEOUT', message: 'slow' },
    });
    expect(toResult({ ok: false, error: { code: 'NOT_A_CODE', message: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    expect(toResult('<html>')).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(toResult(null)).toMatchObject({ ok: false });
  });

  it('drops trailing undefined arguments (JSON would turn them into null)', () => {
    expect(trimTrailingUndefined(['a', undefined])).toEqual(['a']);
    expect(trimTrailingUndefined([undefined, 'b'])).toEqual([undefined, 'b']);
    expect(JSON.stringify(trimTrailingUndefined([undefined]))).toBe('[]');
  });
});
