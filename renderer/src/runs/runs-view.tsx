/**
 * The Runs view: start a run (plan + stored credentials) on top, the runs list on the left and the
 * open run with its grid and attempt on the right. Lists refresh whenever the view is shown.
 */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useI18n } from '../app/i18n-context';
import { useStores } from '../app/stores-context';
import { ErrorNotice } from '../shared-ui/error-notice';
import { PlanForm } from './plan-form';
import { RunDetailView } from './run-detail';
import { RunList } from './run-list';
import { SecretForm } from './secret-form';
import './runs.css';
import './run-detail.css';

export function RunsView() {
  const { t } = useI18n();
  const { runs, secrets, nav, lab } = useStores();
  const visible = useStore(nav, (s) => s.view === 'runs');
  const labRunning = useStore(lab, (s) => s.status?.running === true);
  const actionError = useStore(runs, (s) => s.actionError);

  useEffect(() => {
    if (!visible) return;
    void runs.getState().loadList();
    void secrets.getState().load();
  }, [visible, runs, secrets]);

  useEffect(() => {
    // The demo plan names the virtual phones: ask again whenever the lab starts or stops.
    if (visible) void runs.getState().loadDemoPlan();
  }, [visible, labRunning, runs]);

  return (
    <div className="runs">
      <header className="section-header">
        <h2>{t('runs.title')}</h2>
        <p className="section-header__meta">{t('runs.intro')}</p>
      </header>
      <div className="runs__setup">
        <PlanForm visible={visible} />
        <SecretForm />
      </div>
      {actionError ? <ErrorNotice error={actionError} /> : null}
      <div className="runs__columns">
        <RunList />
        <RunDetailView />
      </div>
    </div>
  );
}
