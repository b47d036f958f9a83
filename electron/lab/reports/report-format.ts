/**
 * Localised words and numbers for the reports: one formatter set per report (Intl objects are
 * costly to make, and a large matrix formats thousands of latencies), labels for verdicts,
 * states, message kinds and vendor groups from the i18n catalogs.
 */
import { translate, type Locale, type MessageKey, type TranslateArgs } from '../../../shared/i18n';
import type { CellStatus, VendorGroup } from '../../../shared/matrix/types';
import type { AppState, Bilingual, MessageKind } from '../../../shared/scenarios/types';

/** Icons next to each verdict's word (colour is never the only signal). */
export const STATUS_ICONS: Readonly<Record<CellStatus, string>> = {
  pass: '✓',
  fail: '✗',
  blocked: '⊘',
  'device-lost': '↯',
  inconclusive: '?',
  'not-run': '–',
  pending: '…',
};

export interface ReportFormat {
  readonly locale: Locale;
  t<K extends MessageKey>(key: K, ...values: TranslateArgs<K>): string;
  /** 0..1 as a percentage; "n/a" for null. */
  percent(value: number | null): string;
  /** Milliseconds: "850 ms" below a second, "1.3 sec" above. */
  latency(ms: number | null): string;
  count(value: number): string;
  bytes(value: number): string;
  /** A date and time with its time zone (reports are read elsewhere, later). */
  dateTime(value: string | number): string;
  status(status: CellStatus): string;
  group(group: VendorGroup): string;
  state(state: AppState): string;
  message(kind: MessageKind): string;
  bilingual(text: Bilingual): string;
}

export function reportFormat(locale: Locale): ReportFormat {
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const ms = new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'millisecond',
    unitDisplay: 'short',
    maximumFractionDigits: 0,
  });
  const sec = new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'second',
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  });
  const kb = new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'kilobyte',
    unitDisplay: 'short',
    maximumFractionDigits: 0,
  });
  const integer = new Intl.NumberFormat(locale);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'long' });
  const t = <K extends MessageKey>(key: K, ...values: TranslateArgs<K>): string =>
    translate(locale, key, ...values);
  return {
    locale,
    t,
    percent: (value) =>
      value === null || !Number.isFinite(value) ? t('report.totals.none') : percent.format(value),
    latency: (value) =>
      value === null || !Number.isFinite(value)
        ? '–'
        : value < 1000
          ? ms.format(Math.round(value))
          : sec.format(value / 1000),
    count: (value) => integer.format(value),
    bytes: (value) => kb.format(Math.max(1, Math.round(value / 1000))),
    dateTime: (value) => {
      const d = new Date(value);
      return Number.isNaN(d.getTime()) ? '–' : date.format(d);
    },
    status: (status) => translate(locale, `runs.verdict.${status}`),
    // Group names come from the vendor table (shared/vendors) through the catalog.
    group: (group) => translate(locale, `vendor.${group}`),
    state: (state) => translate(locale, `report.state.${state}`),
    message: (kind) => translate(locale, `report.message.${kind}`),
    bilingual: (text) => (locale === 'en' ? text.en : text.zhCN),
  };
}
