/**
 * Reading system properties the way identity needs them: first present value among fallbacks,
 * where empty strings and the literal "unknown" (Huawei's ro.product.system.manufacturer) count as absent.
 */
export type Props = Readonly<Record<string, string>>;

/** Placeholder for a required string PushLab could not read. */
export const UNKNOWN = 'unknown';

/** First usable value among `keys`, trimmed; null when none is set. */
export function firstProp(props: Props, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = props[key]?.trim();
    if (value && value.toLowerCase() !== UNKNOWN) return value;
  }
  return null;
}

/** Lower-cased value for comparisons ('' when absent). */
export function lowerProp(props: Props, keys: readonly string[]): string {
  return (firstProp(props, keys) ?? '').toLowerCase();
}

export const MANUFACTURER_KEYS = [
  'ro.product.manufacturer',
  'ro.product.vendor.manufacturer',
  'ro.product.odm.manufacturer',
  'ro.product.product.manufacturer',
  'ro.product.system.manufacturer',
] as const;

export const BRAND_KEYS = [
  'ro.product.brand',
  'ro.product.vendor.brand',
  'ro.product.odm.brand',
  'ro.product.product.brand',
  'ro.product.system.brand',
] as const;
