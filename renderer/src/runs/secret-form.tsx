/**
 * Stored credentials: a name and a password field. The value goes to the core's encrypted store
 * and the field is emptied; only names ever come back. In a shell without a store (plain web UI)
 * the section says so, in words, with what to use instead.
 */
import { useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { useI18n } from '../app/i18n-context';
import { useStores } from '../app/stores-context';
import { ErrorNotice } from '../shared-ui/error-notice';
import { secretInputProblems } from './secrets-store';

const storedRef = (name: string): string => `{ "stored": ${JSON.stringify(name)} }`;

export function SecretForm() {
  const { t } = useI18n();
  const { secrets } = useStores();
  const names = useStore(secrets, (s) => s.names);
  const error = useStore(secrets, (s) => s.error);
  const saving = useStore(secrets, (s) => s.saving);
  const saved = useStore(secrets, (s) => s.saved);
  const actions = secrets.getState();
  const [name, setName] = useState('tencent.secretKey');
  const [value, setValue] = useState('');
  const [checked, setChecked] = useState(false);
  const problems = checked ? secretInputProblems(name, value) : [];
  // NOT_FOUND before any list: this shell (the browser) has no store at all.
  const noStore = names === null && error?.code === 'NOT_FOUND';

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (secretInputProblems(name, value).length > 0) return;
    if (await actions.save(name, value)) {
      setValue('');
      setChecked(false);
    }
  };

  return (
    <section className="run-secrets" aria-labelledby="run-secrets-heading">
      <h3 id="run-secrets-heading">{t('runs.secrets.heading')}</h3>
      {noStore ? (
        <p className="run-secrets__browser" role="status" data-secret-store="none">
          {t('runs.secrets.browserMode', {
            env: '{ "env": "TENCENT_SECRET_KEY" }',
            file: '{ "file": "PATH" }',
          })}
        </p>
      ) : (
        <>
          <p className="muted">{t('runs.secrets.intro', { ref: storedRef('NAME') })}</p>
          <form className="run-secrets__form" onSubmit={(event) => void onSubmit(event)} noValidate>
            <label htmlFor="secret-name">{t('runs.secrets.name')}</label>
            <input
              id="secret-name"
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={name}
              aria-invalid={problems.includes('runs.secrets.nameInvalid')}
              onChange={(event) => setName(event.currentTarget.value)}
            />
            <label htmlFor="secret-value">{t('runs.secrets.value')}</label>
            <input
              id="secret-value"
              type="password"
              autoComplete="new-password"
              value={value}
              aria-invalid={problems.includes('runs.secrets.valueEmpty')}
              onChange={(event) => setValue(event.currentTarget.value)}
            />
            <button type="submit" className="button button--primary" disabled={saving}>
              {saving ? t('runs.secrets.saving') : t('runs.secrets.save')}
            </button>
          </form>
          {problems.map((key) => (
            <p key={key} className="warning" role="alert">
              {t(key)}
            </p>
          ))}
          {saved ? (
            <p className="run-secrets__saved" role="status">
              {t('runs.secrets.saved', { ref: storedRef(saved) })}
            </p>
          ) : null}
          {error ? <ErrorNotice error={error} /> : null}
          {names && names.length > 0 ? (
            <ul className="run-secrets__names" aria-label={t('runs.secrets.list')}>
              {names.map((stored) => (
                <li key={stored} data-secret-name={stored}>
                  <code className="break">{stored}</code>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t('runs.secrets.deleteLabel', { name: stored })}
                    onClick={() => void actions.remove(stored)}
                  >
                    {t('runs.secrets.delete')}
                  </button>
                </li>
              ))}
            </ul>
          ) : names ? (
            <p className="muted">{t('runs.secrets.none')}</p>
          ) : null}
        </>
      )}
    </section>
  );
}
