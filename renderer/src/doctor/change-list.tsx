/**
 * Before -> after, check by check: for settings drift since the last snapshot and for what a
 * fix changed. Statuses as badges, changed evidence side by side.
 */
import { useI18n } from '../app/i18n-context';
import { Evidence } from './evidence';
import { messageText } from './message-text';
import type { ChangeLine } from './report-changes';
import { StatusBadge } from './status-badge';

export function ChangeList({ lines }: { lines: readonly ChangeLine[] }) {
  const { t, tDynamic } = useI18n();
  return (
    <ul className="changes">
      {lines.map((line) => (
        <li key={line.checkId} className="change" data-check-id={line.checkId} data-kind={line.kind}>
          <span className="change__title break">
            {line.title ? messageText(tDynamic, line.title) : line.checkId}
          </span>
          <span className="change__statuses">
            {line.before ? (
              <StatusBadge status={line.before} role="before" />
            ) : (
              <span className="change__none">{t('doctor.drift.added')}</span>
            )}
            <span className="change__arrow">→</span>
            {line.after ? (
              <StatusBadge status={line.after} role="after" />
            ) : (
              <span className="change__none">{t('doctor.drift.removed')}</span>
            )}
            {!line.statusChanged ? (
              <span className="change__none">
                {line.beforeEvidence === line.afterEvidence
                  ? t('doctor.fixUnchanged')
                  : t('doctor.drift.evidenceOnly')}
              </span>
            ) : null}
          </span>
          {line.beforeEvidence !== null &&
          line.afterEvidence !== null &&
          line.beforeEvidence !== line.afterEvidence ? (
            <div className="change__evidence">
              <Evidence text={line.beforeEvidence} label={t('doctor.change.before')} />
              <span className="change__arrow" aria-hidden="true">
                →
              </span>
              <Evidence text={line.afterEvidence} label={t('doctor.change.after')} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
