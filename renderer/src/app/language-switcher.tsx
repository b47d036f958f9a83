/**
 * en / 中文 toggle. Each language is named in its own language, whatever the current one is.
 */
import type { Locale } from '../../../shared/i18n';
import { useI18n } from './i18n-context';

const CHOICES: ReadonlyArray<{ locale: Locale; label: string }> = [
  { locale: 'en', label: 'English' },
  { locale: 'zh-CN', label: '中文' },
];

export function LanguageSwitcher() {
  const { locale, setLocale, t } = useI18n();
  return (
    <div className="language-switcher" role="group" aria-label={t('language.label')}>
      {CHOICES.map((choice) => (
        <button
          key={choice.locale}
          type="button"
          lang={choice.locale}
          className="language-switcher__button"
          aria-pressed={choice.locale === locale}
          onClick={() => setLocale(choice.locale)}
        >
          {choice.label}
        </button>
      ))}
    </div>
  );
}
