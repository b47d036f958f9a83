/**
 * What to check on this phone: the app's package and the channel ids its push configuration
 * uses (on an iOS simulator: the bundle ID only, iOS has no channels), validated as typed (errors
 * shown once the user tried to run, or typed something wrong), and the Run button with its progress.
 */
import { useId, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { useI18n, type I18n } from '../app/i18n-context';
import { useStores } from '../app/stores-context';
import { isBusy, type DoctorEntry } from './doctor-store';
import { platformFacts, platformOfSerial } from '../../../shared/platforms/platform-facts';
import { APP_ID_TEXT } from '../platforms/platform-text';
import { checkSubject, MAX_CHANNEL_IDS, type ChannelCheck, type PackageCheck } from './subject-input';

type AppIdText = (typeof APP_ID_TEXT)[keyof typeof APP_ID_TEXT];

function packageError(t: I18n['t'], check: PackageCheck, tried: boolean, text: AppIdText): string | null {
  if (check.ok || (check.reason === 'empty' && !tried)) return null;
  return check.reason === 'format' ? t(text.format) : t(`doctor.package.${check.reason}`);
}

function channelError(t: I18n['t'], check: ChannelCheck, number: I18n['number']): string | null {
  if (check.ok) return null;
  if (check.reason === 'tooMany')
    return t('doctor.channels.tooMany', { count: number(check.count), max: number(MAX_CHANNEL_IDS) });
  return t(`doctor.channels.${check.reason}`, {
    id: check.id.length > 60 ? `${check.id.slice(0, 60)}…` : check.id,
  });
}

export function SubjectForm({
  serial,
  entry,
  connected,
}: {
  serial: string;
  entry: DoctorEntry | undefined;
  connected: boolean;
}) {
  const { t, number } = useI18n();
  const { doctor } = useStores();
  const draft = useStore(doctor, (s) => s.drafts[serial]) ?? { packageText: '', channelText: '' };
  const setDraft = useStore(doctor, (s) => s.setDraft);
  const run = useStore(doctor, (s) => s.run);
  const [tried, setTried] = useState(false);
  const id = useId();

  // The device's platform names the app (package or bundle ID) and says if it has channels.
  const facts = platformFacts(platformOfSerial(serial));
  const appText = APP_ID_TEXT[facts.app.kind];
  const { package: pkg, channels } = checkSubject(serial, draft);
  const pkgError = packageError(t, pkg, tried, appText);
  const chError = channelError(t, channels, number);
  const running = entry?.running === true;
  const hasResult = entry?.result !== null && entry?.result !== undefined;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTried(true);
    if (pkg.ok && channels.ok) void run(serial);
  };

  return (
    <form className="subject-form" onSubmit={onSubmit} noValidate aria-busy={running}>
      <div className="subject-form__field">
        <label htmlFor={`${id}-package`}>{t(appText.label)}</label>
        <input
          id={`${id}-package`}
          name="package"
          className="subject-form__input"
          value={draft.packageText}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          placeholder="com.example.chat"
          aria-invalid={pkgError !== null}
          aria-describedby={`${id}-package-help${pkgError ? ` ${id}-package-error` : ''}`}
          onChange={(event) => setDraft(serial, { packageText: event.currentTarget.value })}
        />
        <p id={`${id}-package-help`} className="subject-form__help">
          {t(appText.help)}
        </p>
        {pkgError ? (
          <p id={`${id}-package-error`} className="subject-form__error" data-field="package">
            {pkgError}
          </p>
        ) : null}
      </div>
      {!facts.channels ? null : (
        <div className="subject-form__field">
          <label htmlFor={`${id}-channels`}>{t('doctor.channels.label')}</label>
          <input
            id={`${id}-channels`}
            name="channels"
            className="subject-form__input"
            value={draft.channelText}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            placeholder="im_message, tim_push"
            aria-invalid={chError !== null}
            aria-describedby={`${id}-channels-help${chError ? ` ${id}-channels-error` : ''}`}
            onChange={(event) => setDraft(serial, { channelText: event.currentTarget.value })}
          />
          <p id={`${id}-channels-help`} className="subject-form__help">
            {t('doctor.channels.help')}
          </p>
          {chError ? (
            <p id={`${id}-channels-error`} className="subject-form__error" data-field="channels">
              {chError}
            </p>
          ) : null}
        </div>
      )}
      <div className="subject-form__go">
        <button
          type="submit"
          className="button button--primary"
          disabled={!connected || isBusy(entry)}
          aria-busy={running}
        >
          {running ? <span className="spinner spinner--light" aria-hidden="true" /> : null}
          {running ? t('doctor.running') : hasResult ? t('doctor.rerun') : t('doctor.run')}
        </button>
      </div>
    </form>
  );
}
