/**
 * Property-list values as PushLab reads them (binary, XML): plain data, dictionaries without a
 * prototype (a "__proto__" key is just a key), and UIDs kept apart from numbers because
 * NSKeyedArchiver uses them as object references.
 */

/** A CF$UID: an index into an NSKeyedArchiver's $objects. */
export class PlistUid {
  public constructor(public readonly value: number) {}
}

export type PlistValue =
  | string
  | number
  | bigint
  | boolean
  | null
  | Date
  | Uint8Array
  | PlistUid
  | readonly PlistValue[]
  | PlistDict;

export interface PlistDict {
  readonly [key: string]: PlistValue;
}

/** A dictionary with no prototype, so keys from the file can never reach Object.prototype. */
export function newDict(): Record<string, PlistValue> {
  return Object.create(null) as Record<string, PlistValue>;
}

export function isDict(value: PlistValue | undefined): value is PlistDict {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof Uint8Array) &&
    !(value instanceof PlistUid)
  );
}

export function isArray(value: PlistValue | undefined): value is readonly PlistValue[] {
  return Array.isArray(value);
}

/** Seconds between the Unix epoch and Apple's reference date, 2001-01-01T00:00:00Z. */
export const APPLE_EPOCH_OFFSET_S = 978_307_200;

export function dateFromAppleSeconds(seconds: number): Date {
  return new Date((seconds + APPLE_EPOCH_OFFSET_S) * 1000);
}
