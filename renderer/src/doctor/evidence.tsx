/**
 * The phone's own words behind a verdict: untrusted text, rendered as text in monospace, long
 * lines wrapped, invisible characters (bidi overrides, zero-width) made visible.
 */
import { useI18n } from '../app/i18n-context';
import { hasInvisible, revealInvisible } from './visible-text';

export function Evidence({ text, label }: { text: string; label?: string }) {
  const { t } = useI18n();
  return (
    <div className="evidence">
      <span className="evidence__label">{label ?? t('doctor.evidence')}</span>
      {/* dir=ltr + unicode-bidi: isolate (CSS): the phone's text cannot reorder the page around it. */}
      <pre className="evidence__text" dir="ltr">
        {text === '' ? t('doctor.evidenceEmpty') : revealInvisible(text)}
      </pre>
      {hasInvisible(text) ? <p className="evidence__note">{t('doctor.evidenceRevealed')}</p> : null}
    </div>
  );
}
