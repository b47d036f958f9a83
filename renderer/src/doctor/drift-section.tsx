/**
 * Settings drift: what changed on the phone since the previous snapshot of this app.
 */
import type { DoctorReport, DoctorResult } from '../../../shared/domain/doctor';
import { useI18n } from '../app/i18n-context';
import { ChangeList } from './change-list';
import { driftLines } from './report-changes';

export function DriftSection({
  result,
  history,
}: {
  result: DoctorResult;
  history: readonly DoctorReport[];
}) {
  const { t, dateTime } = useI18n();
  if (result.previousTakenAt === null)
    return <p className="drift drift--first muted">{t('doctor.drift.first')}</p>;
  const time = dateTime(result.previousTakenAt);
  // The previous snapshot (when loaded) names the checks that are no longer there.
  const previous = history.find((r) => r.takenAt === result.previousTakenAt)?.checks ?? [];
  const lines = driftLines(result, previous);
  if (lines.length === 0)
    return <p className="drift drift--none muted">{t('doctor.drift.none', { time })}</p>;
  return (
    <section className="drift" aria-labelledby="doctor-drift-heading">
      <h4 id="doctor-drift-heading">{t('doctor.drift.heading', { time })}</h4>
      <ChangeList lines={lines} />
    </section>
  );
}
