/**
 * Types that tie the translations to the English source catalog: same keys, same placeholders.
 */
import type { EnglishCatalog, MessageKey } from './en';

/** The `{name}` placeholders in a template, as a union of names. */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** A translation: every English key, nothing more (extra keys fail as excess properties). */
export type Catalog = { readonly [K in MessageKey]: string };

/** Values a message needs: one per placeholder. */
export type MessageValues<K extends MessageKey> = {
  readonly [P in Placeholders<EnglishCatalog[K]>]: string | number;
};

/** Keys whose translation has different placeholders than the English template (never, when correct). */
export type PlaceholderMismatch<T extends Catalog> = {
  [K in MessageKey]: [Placeholders<EnglishCatalog[K]>] extends [Placeholders<T[K]>]
    ? [Placeholders<T[K]>] extends [Placeholders<EnglishCatalog[K]>]
      ? never
      : K
    : K;
}[MessageKey];
