/**
 * Translation and locale-aware formatting for the renderer and the CLI (no DOM, no React).
 */
import { en, type MessageKey } from './en';
import { zhCN } from './zh-CN';
import type { Catalog, MessageValues, Placeholders } from './catalog-types';

export { en, type MessageKey } from './en';
export { zhCN } from './zh-CN';
export type { Catalog, MessageValues, Placeholders } from './catalog-types';

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

const CATALOGS: Readonly<Record<Locale, Catalog>> = { en, 'zh-CN': zhCN };

/** The translated catalog for a locale. */
export function catalogFor(locale: Locale): Catalog {
  return CATALOGS[locale];
}

/** True when the string is a known message id (e.g. a channel-reason key sent by the core). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** True for the supported locale ids. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Picks the best supported locale for a list of BCP 47 tags (e.g. navigator.languages). */
export function matchLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
    // Simplified Chinese covers zh, zh-CN, zh-SG and zh-Hans; others fall back to English.
    if (lower === 'zh' || lower === 'zh-cn' || lower === 'zh-sg' || lower.startsWith('zh-hans'))
      return 'zh-CN';
  }
  return 'en';
}

/** Fills `{name}` placeholders; unknown placeholders stay visible so a gap is noticed, not hidden. */
export function interpolate(
  template: string,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
    return value === undefined ? whole : String(value);
  });
}

/** The values argument of `translate`: present exactly when the template has placeholders. */
export type TranslateArgs<K extends MessageKey> = [Placeholders<(typeof en)[K]>] extends [never]
  ? []
  : [values: MessageValues<K>];

/** Translates a message id; the values argument is required exactly when the template has placeholders. */
export function translate<K extends MessageKey>(locale: Locale, key: K, ...values: TranslateArgs<K>): string {
  return interpolate(
    CATALOGS[locale][key],
    values[0] as Readonly<Record<string, string | number>> | undefined,
  );
}

/**
 * Translates a key that arrived as data (e.g. a ChannelReason from the core). Returns null for
 * an unknown key so the caller can show a fallback instead of a raw id.
 */
export function translateDynamic(
  locale: Locale,
  key: string,
  values: Readonly<Record<string, string | number>> = {},
): string | null {
  return isMessageKey(key) ? interpolate(CATALOGS[locale][key], values) : null;
}

/** Picks the `.one` or `.other` variant of a counted message. */
export function plural(locale: Locale, base: 'devices.count' | 'install.start', count: number): string {
  const form = new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other';
  return translate(locale, `${base}.${form}`, { count: formatNumber(locale, count) });
}

/** A plain number in the locale's style. */
export function formatNumber(locale: Locale, value: number, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(locale, options).format(value);
}

const BYTE_UNITS = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** Bytes in decimal units (kB, MB, GB), one decimal above 1 kB. */
export function formatBytes(locale: Locale, bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '–';
  if (bytes < 1000) return `${formatNumber(locale, bytes)} B`;
  let value = bytes;
  let unit: (typeof BYTE_UNITS)[number] = 'kilobyte';
  for (const candidate of BYTE_UNITS) {
    value /= 1000;
    unit = candidate;
    if (value < 1000) break;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: value < 100 ? 1 : 0,
  }).format(value);
}

/** A date and time; `style: 'time'` gives hours and minutes only (for "restarted at hh:mm"). */
export function formatDateTime(
  locale: Locale,
  value: string | number | Date,
  style: 'datetime' | 'time' = 'datetime',
): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '–';
  const options: Intl.DateTimeFormatOptions =
    style === 'time' ? { hour: '2-digit', minute: '2-digit' } : { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}
