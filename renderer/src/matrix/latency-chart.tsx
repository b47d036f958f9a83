/**
 * Latency per vendor group over every repeat: a box (quartiles, median, min–max) with each
 * attempt as a dot, in plain SVG. The same numbers are in a table for screen readers.
 */
import type { AttemptView } from '../../../shared/domain/run';
import type { RunMatrix } from '../../../shared/matrix/types';
import { useI18n } from '../app/i18n-context';
import {
  boxStats,
  jitter,
  latencyByGroup,
  linearScale,
  niceTicks,
  thinOut,
  tickAnchor,
} from './chart-scales';
import { formatLatency } from './matrix-labels';

const WIDTH = 560;
const LABEL_W = 130;
const RIGHT = 16;
const BAND = 30;
const AXIS = 28;
/** Dots drawn per vendor; the box always summarises every value. */
const MAX_DOTS = 200;

export function LatencyChart({ matrix, attempts }: { matrix: RunMatrix; attempts: readonly AttemptView[] }) {
  const { t, locale, number } = useI18n();
  const groups = latencyByGroup(matrix, attempts).map((g) => ({ ...g, stats: boxStats(g.values) }));
  const max = Math.max(0, ...groups.flatMap((g) => g.values));
  const ticks = niceTicks(max, 5);
  const x = linearScale([0, ticks[ticks.length - 1] ?? 1], [LABEL_W, WIDTH - RIGHT]);
  const height = groups.length * BAND + AXIS;

  return (
    <figure className="mx-chart" data-chart="latency">
      <figcaption className="mx-chart__title">{t('matrix.chart.latency.title')}</figcaption>
      {groups.every((g) => g.values.length === 0) ? (
        <p className="muted">{t('matrix.chart.latency.empty')}</p>
      ) : (
        <svg
          className="mx-chart__svg"
          viewBox={`0 0 ${WIDTH} ${height}`}
          role="img"
          aria-labelledby="mx-latency-desc"
        >
          <desc id="mx-latency-desc">{t('matrix.chart.latency.desc')}</desc>
          {ticks.map((tick, i) => (
            <g key={tick} className="mx-chart__tick">
              <line x1={x(tick)} x2={x(tick)} y1={0} y2={groups.length * BAND} />
              <text
                x={x(tick)}
                y={groups.length * BAND + 18}
                textAnchor={tickAnchor(i, ticks.length)}
                data-tick={i}
              >
                {formatLatency(locale, tick)}
              </text>
            </g>
          ))}
          {groups.map((g, i) => {
            const mid = i * BAND + BAND / 2;
            return (
              <g key={g.group} data-group={g.group}>
                <text className="mx-chart__label" x={LABEL_W - 8} y={mid + 4} textAnchor="end">
                  {t(`vendor.${g.group}`)}
                </text>
                {g.stats ? (
                  <g className="mx-chart__box">
                    <line x1={x(g.stats.min)} x2={x(g.stats.max)} y1={mid} y2={mid} />
                    <rect
                      x={x(g.stats.q1)}
                      y={mid - 8}
                      width={Math.max(1, x(g.stats.q3) - x(g.stats.q1))}
                      height={16}
                    />
                    <line
                      className="mx-chart__median"
                      x1={x(g.stats.median)}
                      x2={x(g.stats.median)}
                      y1={mid - 9}
                      y2={mid + 9}
                    />
                  </g>
                ) : null}
                {thinOut(g.values, MAX_DOTS).map((v, j) => (
                  <circle key={j} className="mx-chart__dot" cx={x(v)} cy={mid + jitter(j + 1) * 7} r={2.5} />
                ))}
              </g>
            );
          })}
        </svg>
      )}
      <table className="visually-hidden" data-chart-table="latency">
        <caption>{t('matrix.chart.latency.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('matrix.chart.group')}</th>
            <th scope="col">{t('matrix.chart.count')}</th>
            <th scope="col">{t('matrix.chart.median')}</th>
            <th scope="col">{t('matrix.chart.range')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.group} data-group={g.group}>
              <th scope="row">{t(`vendor.${g.group}`)}</th>
              <td>{number(g.values.length)}</td>
              <td>{formatLatency(locale, g.stats?.median ?? null)}</td>
              <td>
                {g.stats
                  ? `${formatLatency(locale, g.stats.min)} – ${formatLatency(locale, g.stats.max)}`
                  : '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
