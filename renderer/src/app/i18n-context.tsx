/**
 * The language for the whole renderer: a React context with `t` and locale-aware formatters.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  formatBytes,
  formatDateTime,
  formatNumber,
  plural,
  translate,
  translateDynamic,
  type Locale,
  type MessageKey,
  type TranslateArgs,
} from '../../../shared/i18n';
import { initialLocale, storeLocale } from './locale-preference';

export interface I18n {
  readonly locale: Locale;
  setLocale(locale: Locale): void;
  t<K extends MessageKey>(key: K, ...values: TranslateArgs<K>): string;
  /** For keys that arrive as data (channel reasons); null when the key is unknown. */
  tDynamic(key: string, values?: Readonly<Record<string, string | number>>): string | null;
  plural(base: 'devices.count' | 'install.start', count: number): string;
  bytes(value: number): string;
  number(value: number): string;
  dateTime(value: string | number | Date, style?: 'datetime' | 'time'): string;
}

const I18nContext = createContext<I18n | null>(null);

function browserStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Provides the locale, persisted in localStorage, and keeps <html lang> in step. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() =>
    initialLocale(browserStorage(), globalThis.navigator?.languages ?? []),
  );

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    storeLocale(browserStorage(), next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, ...values) => translate(locale, key, ...values),
      tDynamic: (key, values) => translateDynamic(locale, key, values),
      plural: (base, count) => plural(locale, base, count),
      bytes: (n) => formatBytes(locale, n),
      number: (n) => formatNumber(locale, n),
      dateTime: (v, style) => formatDateTime(locale, v, style),
    }),
    [locale, setLocale],
  );

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language and its helpers. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
