/**
 * A check's traffic light: icon, word and colour together (never colour alone).
 */
import type { CheckStatus } from '../../../shared/domain/doctor';
import { useI18n } from '../app/i18n-context';

const ICON: Readonly<Record<CheckStatus, string>> = {
  ok: '✓',
  warn: '!',
  fail: '✕',
  unknown: '?',
  manual: '☞',
};

export function StatusBadge({ status, role }: { status: CheckStatus; role?: string }) {
  const { t } = useI18n();
  return (
    <span className={`status-badge status-badge--${status}`} data-status={status} data-role={role}>
      <span className="status-badge__icon" aria-hidden="true">
        {ICON[status]}
      </span>
      {t(`doctor.status.${status}`)}
    </span>
  );
}
