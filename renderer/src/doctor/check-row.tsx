/**
 * One check: traffic light and title, advice, where to look (for checks only a human can
 * make), the evidence behind the verdict, and its fixes.
 */
import type { DoctorCheck } from '../../../shared/domain/doctor';
import { useI18n } from '../app/i18n-context';
import type { DoctorEntry } from './doctor-store';
import { Evidence } from './evidence';
import { FixControls } from './fix-controls';
import { messageText } from './message-text';
import { StatusBadge } from './status-badge';

export function CheckRow({
  serial,
  check,
  entry,
  canFix,
}: {
  serial: string;
  check: DoctorCheck;
  entry: DoctorEntry | null;
  canFix: boolean;
}) {
  const { t, tDynamic } = useI18n();
  return (
    <li className={`check check--${check.status}`} data-check-id={check.id} data-status={check.status}>
      <div className="check__head">
        <StatusBadge status={check.status} />
        <p className="check__title break">{messageText(tDynamic, check.title)}</p>
      </div>
      <p className="check__advice break">{messageText(tDynamic, check.advice)}</p>
      {check.settingsPath ? (
        <p className="check__path break">
          {t('doctor.settingsPath', { path: messageText(tDynamic, check.settingsPath) })}
        </p>
      ) : null}
      <Evidence text={check.evidence} />
      {/* Also once the check is fixed (no fixes left): the result of the fix stays visible here. */}
      {entry && (check.fixes.length > 0 || entry.fixLog.some((l) => l.fromCheck === check.id)) ? (
        <FixControls serial={serial} check={check} entry={entry} disabled={!canFix} />
      ) : null}
    </li>
  );
}
