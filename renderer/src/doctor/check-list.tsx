/**
 * The checks of a report, grouped by area in the order a push travels.
 */
import type { DoctorCheck } from '../../../shared/domain/doctor';
import { useI18n } from '../app/i18n-context';
import { countStatuses, groupChecks, STATUS_SEVERITY } from './check-groups';
import { CheckRow } from './check-row';
import type { DoctorEntry } from './doctor-store';
import { StatusBadge } from './status-badge';

export function CheckList({
  serial,
  checks,
  entry,
  canFix,
}: {
  serial: string;
  checks: readonly DoctorCheck[];
  entry: DoctorEntry | null;
  canFix: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className="check-groups">
      {groupChecks(checks).map((group) => {
        const counts = countStatuses(group.checks);
        const worst = STATUS_SEVERITY.find((status) => counts[status] > 0) ?? 'ok';
        return (
          <section
            key={group.area}
            className="check-group"
            data-area={group.area}
            aria-labelledby={`doctor-area-${group.area}`}
          >
            <h4 id={`doctor-area-${group.area}`} className="check-group__heading">
              <span>{t(`doctor.area.${group.area}`)}</span>
              <StatusBadge status={worst} />
            </h4>
            <ul className="check-group__list">
              {group.checks.map((check) => (
                <CheckRow key={check.id} serial={serial} check={check} entry={entry} canFix={canFix} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
