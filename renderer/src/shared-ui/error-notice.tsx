/**
 * An error as the user sees it: a translated heading for its code, the plain message, what to
 * do next, and the raw tool output folded away. All text is rendered as text (untrusted).
 */
import { errorText, type ErrorInfo } from '../../../shared/errors';
import { useI18n } from '../app/i18n-context';

export function ErrorNotice({
  error,
  role = 'alert',
  className,
}: {
  error: ErrorInfo;
  role?: 'alert' | 'status' | 'none';
  className?: string;
}) {
  const { t, locale } = useI18n();
  const text = errorText(error, locale);
  return (
    <div
      className={`error-notice ${className ?? ''}`}
      role={role === 'none' ? undefined : role}
      data-error-code={error.code}
    >
      <p className="error-notice__heading">{t(`error.${error.code}`)}</p>
      <p className="error-notice__message">{text.message}</p>
      {text.hint ? <p className="error-notice__hint">{t('common.whatToDo', { hint: text.hint })}</p> : null}
      {error.detail ? (
        <details className="error-notice__detail">
          <summary>{t('common.details')}</summary>
          <pre>{error.detail}</pre>
        </details>
      ) : null}
    </div>
  );
}
