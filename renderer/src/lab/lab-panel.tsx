/**
 * The running virtual lab: each virtual phone with a cable toggle, like plugging USB in and out.
 */
import { useStore } from 'zustand';
import { useI18n } from '../app/i18n-context';
import { useStores } from '../app/stores-context';
import { ErrorNotice } from '../shared-ui/error-notice';

export function LabPanel() {
  const { t } = useI18n();
  const { lab } = useStores();
  const status = useStore(lab, (s) => s.status);
  const pending = useStore(lab, (s) => s.pending);
  const busy = useStore(lab, (s) => s.busy);
  const error = useStore(lab, (s) => s.error);
  const plug = useStore(lab, (s) => s.plug);
  const stopLab = useStore(lab, (s) => s.stopLab);

  if (!status?.running) return null;

  return (
    <section className="lab-panel" aria-labelledby="lab-panel-heading">
      <h2 id="lab-panel-heading">{t('lab.panel.heading')}</h2>
      <ul className="lab-panel__list" aria-label={t('lab.panel.listLabel')}>
        {status.phones.map((phone) => (
          <li key={phone.id} className="lab-phone" data-phone-id={phone.id}>
            <div className="lab-phone__text">
              <span className="lab-phone__profile break">{phone.profile}</span>
              <span className={phone.plugged ? 'lab-phone__state lab-phone__state--on' : 'lab-phone__state'}>
                {phone.plugged ? t('lab.phone.plugged') : t('lab.phone.unplugged')}
                {phone.plugged && !phone.authorized ? ` · ${t('lab.phone.unauthorized')}` : ''}
              </span>
            </div>
            <button
              type="button"
              role="switch"
              className="switch"
              aria-checked={phone.plugged}
              aria-label={t('lab.phone.toggle', { profile: phone.profile })}
              disabled={pending.includes(phone.id)}
              onClick={() => void plug(phone.id, !phone.plugged)}
            >
              <span className="switch__text">{phone.plugged ? t('lab.unplug') : t('lab.plug')}</span>
            </button>
          </li>
        ))}
      </ul>
      {error ? <ErrorNotice error={error} /> : null}
      <button
        type="button"
        className="button button--small"
        disabled={busy !== null}
        onClick={() => void stopLab()}
      >
        {busy === 'stopping' ? t('lab.stopping') : t('lab.stop')}
      </button>
    </section>
  );
}
