/**
 * One fix attempt: done or failed (a refusal shows the phone's words verbatim), what it
 * changed before -> after, when and by whom.
 */
import { useI18n } from '../app/i18n-context';
import { ErrorNotice } from '../shared-ui/error-notice';
import { ChangeList } from './change-list';
import type { FixLogEntry } from './doctor-store';
import { Evidence } from './evidence';
import { messageText } from './message-text';
import { fixChangeLines } from './report-changes';

export function FixResult({ entry, announce = false }: { entry: FixLogEntry; announce?: boolean }) {
  const { t, tDynamic, dateTime } = useI18n();
  const outcome = entry.outcome;
  const ok = outcome?.ok === true;
  return (
    <div
      className={`fix-result fix-result--${ok ? 'ok' : 'failed'}`}
      data-fix={entry.fix}
      data-fix-ok={String(ok)}
      role={announce ? 'status' : undefined}
    >
      <p className="fix-result__head">
        <span className="fix-result__icon" aria-hidden="true">
          {ok ? '✓' : '✕'}
        </span>
        {ok ? t('doctor.fixDone') : t('doctor.fixFailed')}: {t(`doctor.fix.${entry.fix}`)}
      </p>
      {outcome ? <p className="fix-result__message">{messageText(tDynamic, outcome.message)}</p> : null}
      {entry.error ? <ErrorNotice error={entry.error} role="none" className="error-notice--plain" /> : null}
      {outcome?.detail ? <Evidence text={outcome.detail} label={t('doctor.fixPhoneSaid')} /> : null}
      {outcome && (outcome.before.length > 0 || outcome.after.length > 0) ? (
        <ChangeList lines={fixChangeLines(outcome)} />
      ) : null}
      <p className="fix-result__meta">
        {outcome ? t('doctor.fixMeta', { time: dateTime(entry.at), by: outcome.by }) : dateTime(entry.at)}
      </p>
    </div>
  );
}
