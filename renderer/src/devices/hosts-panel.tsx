/**
 * The Lab hosts panel, opened from the Phones view: every host with its adb server's state and
 * phone count, the hosts after the primary editable (add, edit, remove, check), saved as one list
 * and applied live by the core. Names, addresses and the adb client's words are rendered as text.
 */
import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { MAX_HOSTS } from '../../../shared/domain/lab-host-rules';
import { useI18n } from '../app/i18n-context';
import { useStores } from '../app/stores-context';
import { ErrorNotice } from '../shared-ui/error-notice';
import { draftChanged, draftProblems, tooManyHosts } from './hosts-draft';
import { HostsTable } from './hosts-rows';
import { createHostsStore, type HostsStore } from './hosts-store';
import './hosts-panel.css';

function HostsPanel({ store }: { store: HostsStore }) {
  const { t } = useI18n();
  const s = useStore(store);
  const editable = s.setting?.editable === true;
  const changed = draftChanged(s.setting?.hosts ?? [], s.draft);
  const first = s.setting?.hosts.find((h) => h.primary) ?? null;
  const blocked = s.attempted && Object.keys(draftProblems(first, s.draft)).length > 0;
  return (
    <section id="hosts-panel" className="hosts-panel" aria-labelledby="hosts-panel-heading">
      <h2 id="hosts-panel-heading">{t('hosts.panel.heading')}</h2>
      <p className="muted">{t('hosts.panel.intro')}</p>
      {s.loadError ? <ErrorNotice error={s.loadError} /> : null}
      {!s.setting && !s.loadError ? <p role="status">{t('hosts.panel.loading')}</p> : null}
      {s.setting ? (
        <>
          <p className="hosts-panel__note" data-note="primary">
            {t('hosts.panel.primary')}
          </p>
          {!editable ? (
            <p className="warning" data-note="read-only">
              {t('hosts.panel.readOnly')}
            </p>
          ) : null}
          <HostsTable store={store} />
          {editable ? (
            <div className="button-row hosts-panel__actions">
              <button type="button" className="button" disabled={tooManyHosts(s.draft)} onClick={s.add}>
                {t('hosts.panel.add')}
              </button>
              <button
                type="button"
                className="button button--primary"
                disabled={!changed || s.saving}
                aria-busy={s.saving}
                onClick={() => void s.save()}
              >
                {s.saving ? t('hosts.panel.saving') : t('hosts.panel.save')}
              </button>
              <button type="button" className="button" disabled={!changed || s.saving} onClick={s.discard}>
                {t('hosts.panel.discard')}
              </button>
            </div>
          ) : null}
          {tooManyHosts(s.draft) ? (
            <p className="warning">{t('hosts.problem.tooMany', { max: MAX_HOSTS })}</p>
          ) : null}
          {blocked ? (
            <p className="hosts-panel__error" role="alert">
              {t('hosts.panel.fixFirst')}
            </p>
          ) : null}
          {s.saveError ? <ErrorNotice error={s.saveError} /> : null}
          {s.savedTo ? (
            <p role="status" className="hosts-panel__saved">
              {t('hosts.panel.saved', { file: s.savedTo })}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** The "Lab hosts" button and, while open, the panel (its store lives as long as the view). */
export function LabHostsSection() {
  const { t } = useI18n();
  const { bridge } = useStores();
  const store = useMemo(() => createHostsStore(bridge), [bridge]);
  useEffect(() => store.getState().start(), [store]);
  const open = useStore(store, (s) => s.open);
  return (
    <div className="hosts-section">
      <button
        type="button"
        className="button button--small"
        aria-expanded={open}
        aria-controls="hosts-panel"
        onClick={() => store.getState().setOpen(!open)}
      >
        {t('hosts.panel.open')}
      </button>
      {open ? <HostsPanel store={store} /> : null}
    </div>
  );
}
