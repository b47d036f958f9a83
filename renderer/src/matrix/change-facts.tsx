/**
 * A cell's change against the compared run: what it was and is (verdict, latency) and the
 * settings drift on that phone between the runs, which may explain it.
 */
import type { CellChange, RunComparison } from '../../../shared/matrix/types';
import { useI18n } from '../app/i18n-context';
import { ChangeList } from '../doctor/change-list';
import { CHANGE_ICON, driftChangeLines, driftFor, isWorse } from './compare-marks';
import { formatLatency } from './matrix-labels';

export function ChangeFacts({ change, comparison }: { change: CellChange; comparison: RunComparison }) {
  const { t, locale } = useI18n();
  const status = (s: CellChange['before']): string =>
    s === null ? t('matrix.compare.absent') : t(`runs.verdict.${s}`);
  const drift = driftChangeLines(driftFor(comparison, change));
  return (
    <div className={`mx-change${isWorse(change.kind) ? ' mx-change--worse' : ''}`} data-change={change.kind}>
      <p className="mx-change__title">
        <span aria-hidden="true">{CHANGE_ICON[change.kind]}</span> {t(`matrix.change.${change.kind}`)}
      </p>
      <p>
        {t('matrix.compare.statusChange', { before: status(change.before), after: status(change.after) })}
      </p>
      {change.latencyBeforeMs !== null || change.latencyAfterMs !== null ? (
        <p>
          {t('matrix.compare.latencyChange', {
            before: formatLatency(locale, change.latencyBeforeMs),
            after: formatLatency(locale, change.latencyAfterMs),
          })}
        </p>
      ) : null}
      {drift.length === 0 ? (
        <p className="muted">{t('matrix.compare.noDrift')}</p>
      ) : (
        <>
          <p className="mx-change__drift">{t('matrix.compare.drift')}</p>
          <ChangeList lines={drift} />
        </>
      )}
    </div>
  );
}
