/**
 * The headline of a report: the verdict in words, counts per status, when it was read, and a
 * banner when the phone went away (or a read failed) before every check was done.
 */
import type { DoctorReport } from '../../../shared/domain/doctor';
import { useI18n } from '../app/i18n-context';
import { ErrorNotice } from '../shared-ui/error-notice';
import { countStatuses, STATUS_SEVERITY, worstStatus } from './check-groups';
import { StatusBadge } from './status-badge';

export function ReportSummary({ report, saved }: { report: DoctorReport; saved: boolean }) {
  const { t, number, dateTime } = useI18n();
  const worst = worstStatus(report.checks);
  const counts = countStatuses(report.checks);
  return (
    <div className={`report-summary report-summary--${worst ?? 'empty'}`} data-worst={worst ?? 'none'}>
      <p className="report-summary__verdict">
        {worst ? t(`doctor.verdict.${worst}`) : t('doctor.verdict.empty')}
      </p>
      <ul className="report-summary__counts" aria-label={t('doctor.summaryLabel')}>
        {STATUS_SEVERITY.filter((status) => counts[status] > 0).map((status) => (
          <li key={status} data-status={status}>
            <StatusBadge status={status} />{' '}
            <span className="report-summary__count">{number(counts[status])}</span>
          </li>
        ))}
      </ul>
      <p className="report-summary__time">
        {saved
          ? t('doctor.savedReport', { time: dateTime(report.takenAt) })
          : t('doctor.checkedAt', { time: dateTime(report.takenAt) })}
      </p>
      {!report.complete ? (
        <div className="banner banner--warn report-summary__partial" role="alert" data-partial="true">
          <p className="banner__title">{t('doctor.partial.title')}</p>
          <p>{t('doctor.partial.body')}</p>
          {report.incompleteReason ? (
            <ErrorNotice error={report.incompleteReason} role="none" className="error-notice--plain" />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
