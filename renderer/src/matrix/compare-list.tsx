/**
 * The comparison with another run: how many cells regressed, recovered or changed latency, and
 * each change (worst first) with the settings drift on its phone beside it. A change opens its
 * cell in the grid.
 */
import type { RunComparison, RunMatrix } from '../../../shared/matrix/types';
import { useI18n } from '../app/i18n-context';
import { ChangeList } from '../doctor/change-list';
import { CHANGE_ICON, changeCounts, driftChangeLines, driftFor, isWorse, sortChanges } from './compare-marks';
import { columnTitle, formatLatency, phoneTitle } from './matrix-labels';
import type { RerunTarget } from './rerun-plan';

export function CompareList({
  matrix,
  comparison,
  otherName,
  onOpen,
}: {
  matrix: RunMatrix;
  comparison: RunComparison;
  otherName: string;
  onOpen(target: RerunTarget): void;
}) {
  const { t, locale, number } = useI18n();
  const phones = new Map(matrix.phones.map((p) => [p.serial, phoneTitle(p)]));
  const columns = new Map(matrix.columns.map((c) => [c.scenarioId, columnTitle(c, locale)]));
  const changes = sortChanges(comparison.changes);
  const counts = changeCounts(changes);
  const status = (s: string | null): string =>
    s === null ? t('matrix.compare.absent') : t(`runs.verdict.${s as 'pass'}`);

  return (
    <section
      className="mx-compare"
      aria-labelledby="mx-compare-heading"
      data-before={comparison.before}
      data-after={comparison.after}
    >
      <h3 id="mx-compare-heading" className="break">
        {t('matrix.compare.heading', { other: otherName })}
      </h3>
      <p className="muted">
        {t('matrix.compare.threshold', {
          ms: formatLatency(locale, comparison.threshold.ms),
          ratio: number(comparison.threshold.ratio),
        })}
      </p>
      {comparison.direction === 'backward' ? (
        <p className="mx-compare__backward" role="note">
          {t('matrix.compare.backward')}
        </p>
      ) : null}
      {comparison.carried > 0 ? (
        <p className="mx-compare__carried" data-carried={comparison.carried}>
          {t('matrix.compare.carried', { count: number(comparison.carried) })}
        </p>
      ) : null}
      {changes.length === 0 ? (
        <p className="mx-compare__none">{t('matrix.compare.none')}</p>
      ) : (
        <>
          <p className="mx-compare__counts">
            {counts.map((c) => (
              <span
                key={c.kind}
                className={`mx-mark mx-mark--change${isWorse(c.kind) ? ' mx-mark--worse' : ''}`}
                data-change={c.kind}
              >
                <span aria-hidden="true">{CHANGE_ICON[c.kind]}</span> {t(`matrix.change.${c.kind}`)}{' '}
                {number(c.count)}
              </span>
            ))}
          </p>
          <ul className="mx-compare__list">
            {changes.map((change) => {
              const drift = driftChangeLines(driftFor(comparison, change));
              const phone = phones.get(change.serial) ?? change.serial;
              const scenario = columns.get(change.scenarioId) ?? change.scenarioId;
              return (
                <li
                  key={`${change.serial}\n${change.scenarioId}`}
                  className="mx-compare__item"
                  data-change={change.kind}
                  data-serial={change.serial}
                  data-scenario={change.scenarioId}
                >
                  <div className="mx-compare__what">
                    <span
                      className={`mx-mark mx-mark--change${isWorse(change.kind) ? ' mx-mark--worse' : ''}`}
                    >
                      <span aria-hidden="true">{CHANGE_ICON[change.kind]}</span>{' '}
                      {t(`matrix.change.${change.kind}`)}
                    </span>
                    <span className="clamp" title={`${phone} · ${scenario}`}>
                      {t('matrix.signOff.cell', { phone, scenario })}
                    </span>
                    <span className="muted">
                      {t('matrix.compare.statusChange', {
                        before: status(change.before),
                        after: status(change.after),
                      })}
                      {change.latencyBeforeMs !== null || change.latencyAfterMs !== null
                        ? ` · ${t('matrix.compare.latencyChange', {
                            before: formatLatency(locale, change.latencyBeforeMs),
                            after: formatLatency(locale, change.latencyAfterMs),
                          })}`
                        : null}
                    </span>
                    {change.after !== null ? (
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => onOpen({ serial: change.serial, scenarioId: change.scenarioId })}
                      >
                        {t('matrix.compare.open')}
                      </button>
                    ) : null}
                  </div>
                  <div className="mx-compare__drift">
                    {drift.length === 0 ? (
                      <p className="muted">{t('matrix.compare.noDrift')}</p>
                    ) : (
                      <ChangeList lines={drift} />
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
