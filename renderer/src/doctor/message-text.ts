/**
 * Texts that arrive as data from the doctor core (check titles, advice, settings paths, fix
 * messages): translated when the catalog knows the key, else the key itself so a gap shows.
 */
import type { Message } from '../../../shared/domain/doctor';

export type DynamicTranslator = (
  key: string,
  values?: Readonly<Record<string, string | number>>,
) => string | null;

/** The message in the reader's language, or its key when no translation exists. */
export function messageText(tDynamic: DynamicTranslator, message: Message): string {
  return tDynamic(message.key, message.values) ?? message.key;
}
