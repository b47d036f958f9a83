/**
 * How PushLab names a phone everywhere (board, runs, matrix, reports): the marketing name when the
 * phone has one, else brand + model ("Xiaomi 23043RP34G"), with the brand in the vendor's own
 * casing and not repeated when the model already starts with it ("MEIZU 21", not "meizu MEIZU 21").
 * Pure; the text stays untrusted (callers render it as text).
 */
import { VENDOR_IDS, VENDOR_TABLE } from '../vendors/vendor-table';

/** Lower case without spaces or punctuation: "Black Shark" and "blackshark" are one name. */
const nameKey = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '');

/**
 * Vendors' own spelling of their names, by name key: the vendor table's brands and manufacturers
 * (shared/vendors), then makers PushLab has no group for.
 */
const VENDOR_CASING: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    VENDOR_IDS.flatMap((id) => [...VENDOR_TABLE[id].brands, ...VENDOR_TABLE[id].manufacturers]).map(
      (name) => [nameKey(name), name],
    ),
  ),
  nothing: 'Nothing',
  motorola: 'Motorola',
  sony: 'Sony',
  lenovo: 'Lenovo',
  zte: 'ZTE',
  nubia: 'nubia',
  asus: 'ASUS',
  tecno: 'TECNO',
  infinix: 'Infinix',
  nokia: 'Nokia',
  lge: 'LG',
  lg: 'LG',
  fairphone: 'Fairphone',
  sharp: 'SHARP',
  tcl: 'TCL',
  hmd: 'HMD',
};

/** "meizu" → "Meizu", "samsung" → "Samsung"; an unknown all-lower-case name gets a capital. */
export function vendorDisplayName(raw: string | null | undefined): string {
  const name = (raw ?? '').trim();
  const known = VENDOR_CASING[nameKey(name)];
  if (known) return known;
  return name === name.toLowerCase() ? name.charAt(0).toUpperCase() + name.slice(1) : name;
}

export interface NameablePhone {
  /** ro.product.brand when known. */
  readonly brand?: string | null;
  /** Manufacturer (runs and the matrix keep this one as "vendor"). */
  readonly vendor?: string | null;
  readonly model?: string | null;
  readonly marketingName?: string | null;
}

/** The phone's display name; null when nothing is known (callers show the serial). */
export function phoneDisplayName(phone: NameablePhone): string | null {
  const marketing = phone.marketingName?.trim();
  if (marketing) return marketing;
  const model = phone.model?.trim() ?? '';
  const brand = vendorDisplayName(phone.brand?.trim() || phone.vendor);
  if (!model) return brand || null;
  if (!brand || model.toLowerCase().startsWith(brand.toLowerCase())) return model;
  return `${brand} ${model}`;
}
