/**
 * Delivery rate over the last runs of the same plan (this one last), as a line in plain SVG; a
 * run whose rate is unknown leaves a gap. The numbers are in a table for screen readers too.
 */
import type { RunSummary } from '../../../shared/domain/run';
import { useI18n } from '../app/i18n-context';
import { linearScale } from './chart-scales';
import { formatRate } from './matrix-labels';
import type { HistoryPoint, Loadable } from './matrix-store';

const WIDTH = 560;
const HEIGHT = 180;
const LEFT = 44;
const RIGHT = 16;
const TOP = 10;
const BOTTOM = 30;

export function DeliveryChart({
  runs,
  history,
  currentId,
}: {
  runs: readonly RunSummary[];
  history: Readonly<Record<string, Loadable<HistoryPoint>>>;
  currentId: string;
}) {
  const { t, locale, dateTime } = useI18n();
  const points = runs.map((run, i) => {
    const entry = history[run.id];
    return {
      run,
      i,
      rate: entry?.status === 'ok' ? entry.value.deliveryRate : null,
      pass: entry?.status === 'ok' ? entry.value.passRate : null,
      loading: entry === undefined || entry.status === 'loading',
    };
  });
  const x = linearScale([0, Math.max(1, runs.length - 1)], [LEFT + 12, WIDTH - RIGHT - 12]);
  const y = linearScale([0, 1], [HEIGHT - BOTTOM, TOP]);
  // Consecutive known rates are joined; an unknown one breaks the line.
  const segments: string[] = [];
  let path = '';
  for (const p of points) {
    if (p.rate === null) {
      if (path) segments.push(path);
      path = '';
      continue;
    }
    path += `${path ? 'L' : 'M'}${x(p.i).toFixed(1)},${y(p.rate).toFixed(1)}`;
  }
  if (path) segments.push(path);
  const short = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' });

  return (
    <figure className="mx-chart" data-chart="delivery">
      <figcaption className="mx-chart__title">{t('matrix.chart.delivery.title')}</figcaption>
      {runs.length < 2 ? <p className="muted">{t('matrix.chart.delivery.single')}</p> : null}
      <svg
        className="mx-chart__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby="mx-delivery-desc"
      >
        <desc id="mx-delivery-desc">{t('matrix.chart.delivery.desc', { count: runs.length })}</desc>
        {[0, 0.25, 0.5, 0.75, 1].map((v) => (
          <g key={v} className="mx-chart__tick">
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(v)} y2={y(v)} />
            <text x={LEFT - 6} y={y(v) + 4} textAnchor="end">
              {formatRate(locale, v)}
            </text>
          </g>
        ))}
        {segments.map((d, i) => (
          <path key={i} className="mx-chart__line" d={d} />
        ))}
        {points.map((p) => (
          <g key={p.run.id} data-run-id={p.run.id}>
            {p.rate !== null ? (
              <circle
                className={`mx-chart__point${p.run.id === currentId ? ' mx-chart__point--current' : ''}`}
                cx={x(p.i)}
                cy={y(p.rate)}
                r={p.run.id === currentId ? 5 : 3.5}
              />
            ) : null}
            <text className="mx-chart__xlabel" x={x(p.i)} y={HEIGHT - 10} textAnchor="middle">
              {short.format(new Date(p.run.createdAt))}
            </text>
          </g>
        ))}
      </svg>
      <table className="visually-hidden" data-chart-table="delivery">
        <caption>{t('matrix.chart.delivery.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('matrix.chart.run')}</th>
            <th scope="col">{t('matrix.rollup.deliveryHead')}</th>
            <th scope="col">{t('matrix.rollup.passHead')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr
              key={p.run.id}
              data-run-id={p.run.id}
              data-current={p.run.id === currentId ? 'true' : undefined}
            >
              <th scope="row">{dateTime(p.run.createdAt)}</th>
              <td>{p.loading ? t('common.loading') : formatRate(locale, p.rate)}</td>
              <td>{p.loading ? t('common.loading') : formatRate(locale, p.pass)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
