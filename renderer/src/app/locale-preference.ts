/**
 * Where the chosen language is remembered (localStorage) and how the first one is picked.
 * Takes the storage as a parameter so it is testable without a browser.
 */
import { isLocale, matchLocale, type Locale } from '../../../shared/i18n';

export const LOCALE_STORAGE_KEY = 'pushlab.locale';

/** The minimal part of the Web Storage API this needs. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The stored locale, else the best match for the browser's languages. */
export function initialLocale(storage: KeyValueStorage | null, languages: readonly string[]): Locale {
  try {
    const stored = storage?.getItem(LOCALE_STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be disabled (privacy settings); fall back to the browser's languages.
  }
  return matchLocale(languages);
}

/** Remembers the choice; a storage failure only means it is not remembered. */
export function storeLocale(storage: KeyValueStorage | null, locale: Locale): void {
  try {
    storage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not fatal: the language still switches for this session.
  }
}
