/**
 * One matrix cell: verdict icon and word (colour only repeats them), p50 latency (and p95 when
 * repeated), and marks for a waiver, a likely vendor limit and a change against the compared
 * run. The reason (untrusted phone text inside) is the tooltip, as text.
 */
import type { CellChange, MatrixCell } from '../../../shared/matrix/types';
import { describeReason } from '../../../shared/runs/reasons';
import { useI18n } from '../app/i18n-context';
import { revealInvisible } from '../doctor/visible-text';
import { CHANGE_ICON, isWorse } from './compare-marks';
import { StatusIcon } from '../shared-ui/status-icon';
import { formatLatency } from './matrix-labels';

export interface CellProps {
  readonly cell: MatrixCell | undefined;
  readonly change: CellChange | undefined;
  readonly phone: string;
  readonly scenario: string;
}

/** The words a screen reader gets for the cell (the visible text, plus the phone and scenario). */
export function useCellLabel(): (props: CellProps) => string {
  const { t, locale } = useI18n();
  return ({ cell, change, phone, scenario }) => {
    if (!cell) return t('matrix.cell.absentLabel', { phone, scenario });
    const parts = [t('matrix.cell.label', { phone, scenario, verdict: t(`runs.verdict.${cell.status}`) })];
    if (cell.latencyP50Ms !== null) parts.push(latencyText(t, locale, cell));
    if (cell.waiver) parts.push(t('matrix.cell.waived'));
    if (cell.hint) parts.push(t('matrix.cell.hinted'));
    if (change) parts.push(t(`matrix.change.${change.kind}`));
    return parts.join('. ');
  };
}

type T = ReturnType<typeof useI18n>['t'];

function latencyText(t: T, locale: ReturnType<typeof useI18n>['locale'], cell: MatrixCell): string {
  const p50 = formatLatency(locale, cell.latencyP50Ms);
  return cell.latencyP95Ms === null
    ? t('matrix.cell.p50', { p50 })
    : t('matrix.cell.p50p95', { p50, p95: formatLatency(locale, cell.latencyP95Ms) });
}

export function MatrixCellContent({ cell, change }: Pick<CellProps, 'cell' | 'change'>) {
  const { t, locale } = useI18n();
  if (!cell) {
    return <span className="mx-cell__absent">{t('matrix.cell.absent')}</span>;
  }
  const reason = cell.reason ? describeReason(cell.reason, locale) : undefined;
  return (
    <>
      <span className="mx-cell__verdict clamp" title={reason}>
        <span className="mx-cell__icon" aria-hidden="true">
          <StatusIcon name={cell.status} />
        </span>
        {t(`runs.verdict.${cell.status}`)}
      </span>
      {cell.latencyP50Ms !== null ? (
        <span className="mx-cell__latency clamp">{latencyText(t, locale, cell)}</span>
      ) : null}
      <span className="mx-cell__marks">
        {cell.waiver ? (
          <span className="mx-mark mx-mark--waived" title={revealInvisible(cell.waiver.reason)}>
            {t('matrix.cell.waivedShort')}
          </span>
        ) : null}
        {cell.hint ? (
          <span
            className="mx-mark mx-mark--hint"
            title={locale === 'zh-CN' ? cell.hint.text.zhCN : cell.hint.text.en}
          >
            {t('matrix.cell.hintShort')}
          </span>
        ) : null}
        {change ? (
          <span
            className={`mx-mark mx-mark--change${isWorse(change.kind) ? ' mx-mark--worse' : ''}`}
            data-change={change.kind}
          >
            <span aria-hidden="true">{CHANGE_ICON[change.kind]}</span> {t(`matrix.change.${change.kind}`)}
          </span>
        ) : null}
      </span>
    </>
  );
}
