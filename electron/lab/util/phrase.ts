/**
 * A phrase that goes into an error message, in English and zh-CN: callers that build a message
 * from pieces pass both, so the zh-CN message is never half English. A plain string is English only.
 */
export type Phrase = string | { readonly en: string; readonly zh: string };

export const phraseEn = (phrase: Phrase): string => (typeof phrase === 'string' ? phrase : phrase.en);

/** The zh-CN text; an English-only phrase is kept as it is (better than nothing). */
export const phraseZh = (phrase: Phrase): string => (typeof phrase === 'string' ? phrase : phrase.zh);
