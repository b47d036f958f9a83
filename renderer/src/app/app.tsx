/**
 * The app shell: header (title, language), the adb banner, and five views — the phone board,
 * the push-readiness doctor, the install panel, test runs and the sign-off matrix — switched with
 * accessible tabs.
 */
import type { KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { PhonesView } from '../devices/phones-view';
import { DoctorView } from '../doctor/doctor-view';
import { InstallPanel } from '../install/install-panel';
import { MatrixView } from '../matrix/matrix-view';
import { PromptBanner } from '../runs/prompt-banner';
import { RunsView } from '../runs/runs-view';
import { AdbBanner } from './adb-banner';
import { useI18n } from './i18n-context';
import { LanguageSwitcher } from './language-switcher';
import { VIEWS, type View } from './nav-store';
import { useStores } from './stores-context';

const TAB_LABEL = {
  phones: 'nav.phones',
  doctor: 'doctor.nav',
  install: 'nav.install',
  runs: 'runs.nav',
  matrix: 'matrix.nav',
} as const;

export function App() {
  const { t, number } = useI18n();
  const { devices, nav } = useStores();
  const phoneCount = useStore(devices, (s) => s.devices.length);
  const view = useStore(nav, (s) => s.view);
  const setView = useStore(nav, (s) => s.show);

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const step = event.key === 'ArrowRight' ? 1 : VIEWS.length - 1;
    const next: View = VIEWS[(VIEWS.indexOf(view) + step) % VIEWS.length] ?? 'phones';
    setView(next);
    document.getElementById(`tab-${next}`)?.focus();
  };

  return (
    <div className="app">
      <header className="app-header">
        <div className="app-header__brand">
          <h1 className="app-header__title">{t('app.title')}</h1>
          <p className="app-header__tagline">{t('app.tagline')}</p>
        </div>
        <LanguageSwitcher />
      </header>
      <AdbBanner />
      <PromptBanner />
      <div className="tabs" role="tablist" aria-label={t('nav.label')}>
        {VIEWS.map((name) => (
          <button
            key={name}
            id={`tab-${name}`}
            type="button"
            role="tab"
            className="tabs__tab"
            aria-selected={view === name}
            aria-controls={`panel-${name}`}
            tabIndex={view === name ? 0 : -1}
            onClick={() => setView(name)}
            onKeyDown={onTabKey}
          >
            {t(TAB_LABEL[name])}
            {name === 'phones' ? <span className="tabs__count">{number(phoneCount)}</span> : null}
          </button>
        ))}
      </div>
      <main className="app-main">
        {/* All views stay mounted (hidden when inactive) so aria-controls always points somewhere. */}
        <section id="panel-phones" role="tabpanel" aria-labelledby="tab-phones" hidden={view !== 'phones'}>
          <PhonesView />
        </section>
        <section id="panel-doctor" role="tabpanel" aria-labelledby="tab-doctor" hidden={view !== 'doctor'}>
          <DoctorView />
        </section>
        <section id="panel-install" role="tabpanel" aria-labelledby="tab-install" hidden={view !== 'install'}>
          <InstallPanel />
        </section>
        <section id="panel-runs" role="tabpanel" aria-labelledby="tab-runs" hidden={view !== 'runs'}>
          <RunsView />
        </section>
        <section id="panel-matrix" role="tabpanel" aria-labelledby="tab-matrix" hidden={view !== 'matrix'}>
          <MatrixView />
        </section>
      </main>
    </div>
  );
}
