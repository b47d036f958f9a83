/**
 * The grid's row headers: a vendor band (group name, phones, pass and delivery rate, waived and
 * hinted cells) and a phone (model, ROM + version, Android version, serial). Phone texts are
 * untrusted: text only, cut with an ellipsis and given in full as the tooltip.
 */
import type { CSSProperties } from 'react';
import type { MatrixPhone } from '../../../shared/matrix/types';
import { useI18n } from '../app/i18n-context';
import { revealInvisible } from '../doctor/visible-text';
import type { GridRow } from './matrix-layout';
import { formatRate, phoneTitle, romLabel } from './matrix-labels';

export function GroupBand({
  row,
  ariaRowIndex,
  columns,
  style,
}: {
  row: Extract<GridRow, { kind: 'group' }>;
  ariaRowIndex: number;
  columns: number;
  style: CSSProperties;
}) {
  const { t, locale, number } = useI18n();
  const rollup = row.rollup;
  return (
    <div
      role="row"
      className="mx-row mx-row--group"
      aria-rowindex={ariaRowIndex}
      data-group={row.group}
      style={style}
    >
      <div role="rowheader" className="mx-band" aria-colindex={1} aria-colspan={columns}>
        <span className="mx-band__name">{t(`vendor.${row.group}`)}</span>
        <span className="mx-band__fact">{t('matrix.band.phones', { count: number(row.phones) })}</span>
        {rollup ? (
          <>
            <span className="mx-band__fact">
              {t('matrix.rollup.pass', { rate: formatRate(locale, rollup.passRate) })}
            </span>
            <span className="mx-band__fact">
              {t('matrix.rollup.delivery', { rate: formatRate(locale, rollup.deliveryRate) })}
            </span>
            {rollup.counts.fail > 0 ? (
              <span className="mx-band__fact mx-band__fact--bad">
                {t('matrix.band.failed', { count: number(rollup.counts.fail) })}
              </span>
            ) : null}
            {rollup.waived > 0 ? (
              <span className="mx-band__fact">
                {t('matrix.band.waived', { count: number(rollup.waived) })}
              </span>
            ) : null}
            {rollup.hinted > 0 ? (
              <span className="mx-band__fact">
                {t('matrix.band.hinted', { count: number(rollup.hinted) })}
              </span>
            ) : null}
          </>
        ) : null}
      </div>
    </div>
  );
}

export function PhoneHeader({ phone }: { phone: MatrixPhone }) {
  const { t } = useI18n();
  const title = phoneTitle(phone);
  const rom = romLabel(phone);
  const details = [
    rom,
    phone.androidVersion === null
      ? null
      : t('matrix.phone.android', { version: revealInvisible(phone.androidVersion) }),
  ]
    .filter((d): d is string => d !== null)
    .join(' · ');
  return (
    <div
      role="rowheader"
      className="mx-phone"
      aria-colindex={1}
      title={`${title}\n${details}\n${phone.serial}`}
    >
      <span className="mx-phone__name clamp" dir="auto">
        {title}
      </span>
      <span className="mx-phone__details clamp muted" dir="auto">
        {details === '' ? t('matrix.phone.unknown') : details}
      </span>
      <span className="mx-phone__serial clamp muted">{phone.serial}</span>
    </div>
  );
}
