/**
 * A check's fix buttons, each with its progress, and under them the latest attempt started
 * from this check.
 */
import { useStore } from 'zustand';
import type { DoctorCheck, FixId } from '../../../shared/domain/doctor';
import { useI18n } from '../app/i18n-context';
import { useStores } from '../app/stores-context';
import type { DoctorEntry, FixLogEntry } from './doctor-store';
import { FixResult } from './fix-result';

/** The newest attempt of each fix started from `checkId` (the log is newest first). */
function latestFrom(log: readonly FixLogEntry[], checkId: string): FixLogEntry[] {
  const seen = new Set<FixId>();
  return log.filter((entry) => {
    if (entry.fromCheck !== checkId || seen.has(entry.fix)) return false;
    seen.add(entry.fix);
    return true;
  });
}

export function FixControls({
  serial,
  check,
  entry,
  disabled,
}: {
  serial: string;
  check: DoctorCheck;
  entry: DoctorEntry;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const { doctor } = useStores();
  const fix = useStore(doctor, (s) => s.fix);
  const results = latestFrom(entry.fixLog, check.id);
  return (
    <div className="fixes">
      {check.fixes.length > 0 ? (
        <div className="button-row">
          {check.fixes.map((id) => {
            const busy = entry.fixing[id] === true;
            return (
              <button
                key={id}
                type="button"
                className="button button--small fixes__button"
                data-fix={id}
                aria-busy={busy}
                disabled={disabled || busy || entry.running}
                onClick={() => void fix(serial, id, check.id)}
              >
                {busy ? <span className="spinner" aria-hidden="true" /> : null}
                {busy ? t('doctor.fixing') : t(`doctor.fix.${id}`)}
              </button>
            );
          })}
        </div>
      ) : null}
      {results.map((result) => (
        <FixResult key={result.seq} entry={result} announce />
      ))}
    </div>
  );
}
