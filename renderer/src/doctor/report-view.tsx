/**
 * A report on screen: summary, drift since the last snapshot, the checks by area, the fixes
 * applied in this session, and earlier snapshots. A saved report (no fresh read yet) shows
 * without fixes: they act on the phone as it is now.
 */
import type { DoctorReport } from '../../../shared/domain/doctor';
import { useI18n } from '../app/i18n-context';
import { countStatuses, STATUS_SEVERITY } from './check-groups';
import { CheckList } from './check-list';
import type { DoctorEntry } from './doctor-store';
import { DriftSection } from './drift-section';
import { FixResult } from './fix-result';
import { StatusBadge } from './status-badge';
import { ReportSummary } from './report-summary';

function EarlierChecks({ reports }: { reports: readonly DoctorReport[] }) {
  const { t, dateTime, number } = useI18n();
  if (reports.length === 0) return null;
  return (
    <section className="history" aria-labelledby="doctor-history-heading">
      <h4 id="doctor-history-heading">{t('doctor.history.heading')}</h4>
      <ul className="history__list">
        {reports.slice(0, 10).map((report, index) => {
          const counts = countStatuses(report.checks);
          return (
            <li key={report.id ?? `${report.takenAt}-${index}`} className="history__item">
              <span className="history__time">{dateTime(report.takenAt)}</span>
              {STATUS_SEVERITY.filter((s) => counts[s] > 0).map((status) => (
                <span key={status} className="history__count">
                  <StatusBadge status={status} /> {number(counts[status])}
                </span>
              ))}
              {!report.complete ? (
                <span className="history__partial">{t('doctor.history.partial')}</span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function ReportView({
  serial,
  entry,
  connected,
}: {
  serial: string;
  entry: DoctorEntry;
  connected: boolean;
}) {
  const { t } = useI18n();
  const live = entry.result;
  const report = live?.report ?? entry.history?.[0] ?? null;
  if (!report) return null;
  const earlier = (entry.history ?? []).filter((r) => r !== report && (r.id === null || r.id !== report.id));
  return (
    <div className="report" data-live={String(live !== null)}>
      <ReportSummary report={report} saved={live === null} />
      {live ? <DriftSection result={live} history={entry.history ?? []} /> : null}
      <CheckList
        serial={serial}
        checks={report.checks}
        entry={live ? entry : null}
        canFix={connected && live !== null}
      />
      {entry.fixLog.length > 0 ? (
        <section className="fix-log" aria-labelledby="doctor-fixlog-heading">
          <h4 id="doctor-fixlog-heading">{t('doctor.fixLog.heading')}</h4>
          <ol className="fix-log__list">
            {entry.fixLog.map((item) => (
              <li key={item.seq}>
                <FixResult entry={item} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <EarlierChecks reports={earlier} />
    </div>
  );
}
