/** The language of the CLI's messages: PUSHLAB_LOCALE, else the POSIX locale variables. */
import { matchLocale, translate, type Locale, type MessageKey, type TranslateArgs } from '../../shared/i18n';

export function cliLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const tag = env.PUSHLAB_LOCALE || env.LC_ALL || env.LC_MESSAGES || env.LANG || 'en';
  // "zh_CN.UTF-8" -> "zh-CN"; "C" and "POSIX" fall back to English.
  return matchLocale([tag.split(/[.@]/)[0]!.replace(/_/g, '-')]);
}

/** A CLI message in the user's language. */
export function say<K extends MessageKey>(key: K, ...values: TranslateArgs<K>): string {
  return translate(cliLocale(), key, ...values);
}

/** A CLI message in zh-CN, for an error's zh text (shown to zh-CN users whatever `say` chose). */
export function sayZh<K extends MessageKey>(key: K, ...values: TranslateArgs<K>): string {
  return translate('zh-CN', key, ...values);
}
