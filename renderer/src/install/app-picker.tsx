/**
 * The iOS simulator build: an .app is a folder Xcode builds, which a browser's file picker cannot
 * hand over, so its path on this Mac is typed (or pasted) and read with app:inspect. Shows the
 * bundle ID and version from Info.plist, or why the path is not a simulator .app — in which case
 * nothing is sent to any simulator.
 */
import { useId, type FormEvent } from 'react';
import { useStore } from 'zustand';
import type { SimulatorAppInfo } from '../../../shared/domain/install';
import { useI18n } from '../app/i18n-context';
import { useStores } from '../app/stores-context';
import { ErrorNotice } from '../shared-ui/error-notice';
import './app-picker.css';

export function AppSummary({ app }: { app: SimulatorAppInfo }) {
  const { t } = useI18n();
  const notSet = t('apk.notSet');
  return (
    <div className="apk-summary app-summary" data-bundle={app.bundleId}>
      <p className="apk-summary__file break">{app.fileName}</p>
      <dl className="facts">
        {app.name ? (
          <>
            <dt>{t('install.app.name')}</dt>
            <dd className="clamp">{app.name}</dd>
          </>
        ) : null}
        <dt>{t('install.app.bundleId')}</dt>
        <dd className="break">
          <code>{app.bundleId}</code>
        </dd>
        <dt>{t('install.app.version')}</dt>
        <dd className="break">
          {app.version === null
            ? (app.build ?? notSet)
            : app.build === null
              ? app.version
              : t('install.app.versionValue', { version: app.version, build: app.build })}
        </dd>
        <dt>{t('install.app.minimumOs')}</dt>
        <dd>{app.minimumOsVersion ?? notSet}</dd>
      </dl>
    </div>
  );
}

export function AppPicker() {
  const { t } = useI18n();
  const { install } = useStores();
  const stage = useStore(install, (s) => s.app);
  const text = useStore(install, (s) => s.appPathText);
  const id = useId();
  const busy = stage.status === 'inspecting';

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void install.getState().inspectApp();
  };

  return (
    <section className="apk-picker app-picker" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('install.app.heading')}</h3>
      <form className="app-picker__form" onSubmit={onSubmit}>
        <label htmlFor={`${id}-path`}>{t('install.app.pathLabel')}</label>
        <input
          id={`${id}-path`}
          name="appPath"
          className="subject-form__input"
          value={text}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          placeholder="/Users/me/…/Debug-iphonesimulator/App.app"
          aria-describedby={`${id}-help`}
          onChange={(event) => install.getState().setAppPath(event.currentTarget.value)}
        />
        <p id={`${id}-help`} className="muted">
          {t('install.app.help')}
        </p>
        <div className="button-row">
          <button type="submit" className="button" disabled={busy || text.trim() === ''}>
            {t('install.app.read')}
          </button>
          {stage.status !== 'empty' ? (
            <button
              type="button"
              className="button button--small"
              onClick={() => install.getState().clearApp()}
            >
              {t('install.app.clear')}
            </button>
          ) : null}
        </div>
      </form>
      <div aria-live="polite">
        {stage.status === 'inspecting' ? (
          <p role="status">{t('install.app.reading', { name: stage.path })}</p>
        ) : null}
      </div>
      {stage.status === 'error' ? (
        <div className="apk-picker__error">
          <p className="break">
            <strong>{stage.path}</strong>
          </p>
          <ErrorNotice error={stage.error} />
          <p className="muted">{t('install.nothingSent')}</p>
        </div>
      ) : null}
      {stage.status === 'ready' ? <AppSummary app={stage.app} /> : null}
    </section>
  );
}
