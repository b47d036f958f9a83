/**
 * How the matrix names and formats things: phones (model, ROM + version, Android version), cell
 * keys, latencies and rates in the UI locale, and a cell's short words. Phone texts come back with
 * invisible characters made visible (a bidi override in a model name must not reorder the heading
 * or sentence it is put in). Pure: no React, no DOM.
 */
import { phoneDisplayName } from '../../../shared/domain/phone-name';
import type { Locale } from '../../../shared/i18n';
import type { MatrixColumn, MatrixPhone } from '../../../shared/matrix/types';
import { revealInvisible } from '../doctor/visible-text';

/** One key per phone x scenario (serials are printable ASCII: a newline never occurs in one). */
export function cellKey(serial: string, scenarioId: string): string {
  return `${serial}\n${scenarioId}`;
}

/** The phone's one display name (shared/domain/phone-name); the serial when nothing else is known. */
export function phoneTitle(phone: MatrixPhone): string {
  const name = phoneDisplayName(phone);
  return name === null ? phone.serial : revealInvisible(name);
}

/** "HyperOS 2.0.8" / "HyperOS"; null when the run does not know the ROM or it only repeats the Android version (stock Android). */
export function romLabel(phone: MatrixPhone): string | null {
  if (!phone.rom) return null;
  const label = phone.rom.version ? `${phone.rom.name} ${phone.rom.version}` : phone.rom.name;
  const stock =
    phone.androidVersion !== null &&
    label.trim().toLowerCase() === `android ${phone.androidVersion}`.toLowerCase();
  return stock ? null : revealInvisible(label);
}

/** The column's title in the UI language. */
export function columnTitle(column: MatrixColumn, locale: Locale): string {
  return locale === 'zh-CN' ? column.title.zhCN : column.title.en;
}

/** Send-to-shown latency: "850 ms" below a second, "1.2 s" from there on (with the locale's digits). */
export function formatLatency(locale: Locale, ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '–';
  if (Math.abs(ms) < 1000)
    return new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: 'millisecond',
      unitDisplay: 'short',
      maximumFractionDigits: 0,
    }).format(ms);
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'second',
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(ms / 1000);
}

/** A rate (0…1) as a percentage; "–" when nothing could be judged. */
export function formatRate(locale: Locale, rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return '–';
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: rate > 0 && rate < 0.1 ? 1 : 0,
  }).format(rate);
}
