/**
 * Shown when no phone is attached: how to turn on USB debugging, vendor quirks, and a way to
 * try PushLab with a virtual lab instead.
 */
import { useStore } from 'zustand';
import { useI18n } from '../app/i18n-context';
import { useStores } from '../app/stores-context';
import { ErrorNotice } from '../shared-ui/error-notice';

const STEPS = ['lab.steps.1', 'lab.steps.2', 'lab.steps.3', 'lab.steps.4', 'lab.steps.5'] as const;
const QUIRKS = ['lab.quirk.xiaomi', 'lab.quirk.huaweiHonor', 'lab.quirk.oppoVivo'] as const;

export function EmptyState() {
  const { t } = useI18n();
  const { lab } = useStores();
  const running = useStore(lab, (s) => s.status?.running === true);
  const busy = useStore(lab, (s) => s.busy);
  const error = useStore(lab, (s) => s.error);
  const startLab = useStore(lab, (s) => s.startLab);

  return (
    <section className="empty-state" aria-labelledby="empty-state-heading">
      <h2 id="empty-state-heading">{t('lab.empty.heading')}</h2>
      <div className="empty-state__columns">
        <div>
          <p>{t('lab.empty.intro')}</p>
          <ol className="steps" aria-label={t('lab.steps.label')}>
            {STEPS.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ol>
          <h3>{t('lab.quirks.heading')}</h3>
          <ul className="quirks">
            {QUIRKS.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
        </div>
        {!running ? (
          <aside className="empty-state__virtual" aria-labelledby="virtual-lab-heading">
            <h3 id="virtual-lab-heading">{t('lab.virtual.heading')}</h3>
            <p>{t('lab.virtual.intro')}</p>
            <button
              type="button"
              className="button button--primary"
              disabled={busy !== null}
              onClick={() => void startLab()}
            >
              {busy === 'starting' ? t('lab.starting') : t('lab.start')}
            </button>
            {error ? <ErrorNotice error={error} /> : null}
          </aside>
        ) : null}
      </div>
    </section>
  );
}
