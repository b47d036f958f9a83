/**
 * The Install view: builds on the left (an APK for Android phones, a simulator .app for iOS
 * simulators), devices and options on the right, then the running jobs and the history below.
 */
import { useStore } from 'zustand';
import type { InstallOptions } from '../../../shared/domain/install';
import { useI18n } from '../app/i18n-context';
import { useStores } from '../app/stores-context';
import { ErrorNotice } from '../shared-ui/error-notice';
import { ApkPicker } from './apk-picker';
import { AppPicker } from './app-picker';
import {
  appTakers,
  effectiveSelection,
  installTargets,
  offersSimulatorBuilds,
  selectableTargets,
} from './install-logic';
import { JobProgress } from './job-progress';
import { PhoneChecklist } from './phone-checklist';

const OPTION_KEYS: ReadonlyArray<keyof InstallOptions> = [
  'replace',
  'allowDowngrade',
  'grantPermissions',
  'allowTestOnly',
];

export function InstallPanel() {
  const { t, plural } = useI18n();
  const stores = useStores();
  const devices = useStore(stores.devices, (s) => s.devices);
  const ios = useStore(stores.devices, (s) => s.ios);
  const stage = useStore(stores.install, (s) => s.apk);
  const appStage = useStore(stores.install, (s) => s.app);
  const selected = useStore(stores.install, (s) => s.selected);
  const options = useStore(stores.install, (s) => s.options);
  const jobs = useStore(stores.install, (s) => s.jobs);
  const activeJobIds = useStore(stores.install, (s) => s.activeJobIds);
  const starting = useStore(stores.install, (s) => s.starting);
  const startError = useStore(stores.install, (s) => s.startError);
  const historyError = useStore(stores.install, (s) => s.historyError);
  const actions = stores.install.getState();

  const apk = stage.status === 'ready' ? stage.apk : null;
  const app = appStage.status === 'ready' ? appStage.app : null;
  const targets = installTargets(devices);
  // A phone below the APK's minSdk (or a simulator below the .app's minimum iOS) is never picked.
  const selectable = selectableTargets(devices, apk, app).map((d) => d.serial);
  const simulators = appTakers(targets);
  const chosen = effectiveSelection(selected, selectable);
  const activeJobs = jobs.filter((j) => activeJobIds.includes(j.id));
  const history = jobs.filter((j) => !activeJobIds.includes(j.id));
  const blocker =
    !apk && !app
      ? simulators.size > 0
        ? t('install.pickBuildFirst')
        : t('install.pickApkFirst')
      : chosen.length === 0
        ? t('install.pickPhonesFirst')
        : null;

  return (
    <div className="install">
      <header className="section-header">
        <h2>{t('install.heading')}</h2>
        <p className="section-header__meta">{t('install.intro')}</p>
      </header>
      <div className="install__columns">
        <div className="install__builds">
          <ApkPicker />
          {offersSimulatorBuilds(ios, devices) ? <AppPicker /> : null}
        </div>
        <section className="install__targets" aria-labelledby="install-phones-heading">
          <div className="install__targets-head">
            <h3 id="install-phones-heading">{t('install.phones')}</h3>
            <div className="button-row">
              <button
                type="button"
                className="button button--small"
                disabled={selectable.length === 0}
                onClick={() => actions.selectOnly(selectable)}
              >
                {t('install.selectAll')}
              </button>
              <button
                type="button"
                className="button button--small"
                disabled={chosen.length === 0}
                onClick={() => actions.selectOnly([])}
              >
                {t('install.selectNone')}
              </button>
            </div>
          </div>
          <PhoneChecklist
            devices={devices}
            selected={new Set(selected)}
            apk={apk}
            app={app}
            onToggle={actions.setSelected}
          />
          <fieldset className="options">
            <legend>{t('install.options')}</legend>
            {OPTION_KEYS.map((key) => (
              <label key={key} className="options__item">
                <input
                  type="checkbox"
                  checked={options[key]}
                  onChange={(event) => actions.setOption(key, event.currentTarget.checked)}
                />
                <span>{t(`install.option.${key}`)}</span>
              </label>
            ))}
          </fieldset>
          <div className="install__go">
            <button
              type="button"
              className="button button--primary"
              disabled={blocker !== null || starting}
              aria-describedby={blocker ? 'install-blocker' : undefined}
              onClick={() => void actions.install(chosen, simulators)}
            >
              {starting ? t('install.starting') : plural('install.start', chosen.length)}
            </button>
            {blocker ? (
              <p id="install-blocker" className="muted">
                {blocker}
              </p>
            ) : null}
          </div>
          {startError ? <ErrorNotice error={startError} /> : null}
        </section>
      </div>
      {activeJobs.length > 0 ? (
        <section className="install__active" aria-labelledby="install-active-heading">
          <h3 id="install-active-heading">{t('install.progressHeading')}</h3>
          {activeJobs.map((job) => (
            <JobProgress key={job.id} job={job} devices={devices} />
          ))}
        </section>
      ) : null}
      <section className="install__history" aria-labelledby="install-history-heading">
        <h3 id="install-history-heading">{t('install.history')}</h3>
        {historyError ? <ErrorNotice error={historyError} role="status" /> : null}
        {history.length === 0 ? (
          <p className="muted">{t('install.historyEmpty')}</p>
        ) : (
          <ul className="history">
            {history.slice(0, 20).map((job) => (
              <li key={job.id}>
                <JobProgress job={job} devices={devices} compact />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
