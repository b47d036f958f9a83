/**
 * Where a run starts: the plan as JSON (typed, pasted, loaded from a file, or the virtual lab's
 * demo plan), the Start button, and the plan's problems as a list when the core refuses it.
 */
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { useI18n } from '../app/i18n-context';
import { useStores } from '../app/stores-context';
import { ErrorNotice } from '../shared-ui/error-notice';
import type { PlanProblemLine } from './run-updates';
import { SendPreview } from './send-preview';

/** A plan is a few kB; the web bridge takes at most 1 MiB per request. */
export const MAX_PLAN_BYTES = 512 * 1024;

function PlanProblems({ problems }: { problems: readonly PlanProblemLine[] }) {
  const { t } = useI18n();
  return (
    <div className="plan-problems" role="alert" data-error-code="PLAN_INVALID">
      <p className="plan-problems__heading">{t('runs.problems.heading')}</p>
      <ul className="plan-problems__list">
        {problems.map((problem, i) => (
          <li key={i} className="break">
            <code className="plan-problems__path">{problem.path ?? t('runs.problems.whole')}</code>{' '}
            {problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * `visible`: the file input exists only while the Runs view shows, so the page never has two
 * file inputs at once (the Install view's APK input is the other one).
 */
export function PlanForm({ visible }: { visible: boolean }) {
  const { t, bytes } = useI18n();
  const { runs } = useStores();
  const draft = useStore(runs, (s) => s.draft);
  const starting = useStore(runs, (s) => s.starting);
  const startError = useStore(runs, (s) => s.startError);
  const problems = useStore(runs, (s) => s.problems);
  const demoAvailable = useStore(runs, (s) => s.demoPlan !== null && s.demoPlan !== undefined);
  const actions = runs.getState();
  const [fileError, setFileError] = useState<string | null>(null);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    // Reset so choosing the same file again still fires change.
    event.currentTarget.value = '';
    if (!file) return;
    setFileError(null);
    if (file.size > MAX_PLAN_BYTES)
      return setFileError(t('runs.plan.tooLarge', { name: file.name, max: bytes(MAX_PLAN_BYTES) }));
    try {
      actions.setDraft(await file.text());
    } catch {
      setFileError(t('runs.plan.unreadable', { name: file.name }));
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void actions.startRun();
  };

  return (
    <section className="run-start" aria-labelledby="run-start-heading">
      <h3 id="run-start-heading">{t('runs.start.heading')}</h3>
      <form className="run-start__form" onSubmit={onSubmit}>
        <label htmlFor="run-plan" className="run-start__label">
          {t('runs.plan.label')}
        </label>
        <p id="run-plan-help" className="muted">
          {t('runs.plan.help')}
        </p>
        <textarea
          id="run-plan"
          className="run-start__plan"
          rows={10}
          spellCheck={false}
          autoComplete="off"
          value={draft}
          aria-describedby="run-plan-help"
          aria-invalid={problems !== null}
          onChange={(event) => actions.setDraft(event.currentTarget.value)}
        />
        <div className="button-row">
          {visible ? (
            <>
              <input
                id="run-plan-file"
                className="visually-hidden"
                type="file"
                accept=".json,application/json"
                aria-label={t('runs.plan.fileLabel')}
                onChange={(event) => void onFile(event)}
              />
              <label htmlFor="run-plan-file" className="button">
                {t('runs.plan.load')}
              </label>
            </>
          ) : null}
          {demoAvailable ? (
            <button
              type="button"
              className="button"
              title={t('runs.plan.demoHelp')}
              onClick={actions.applyDemoPlan}
            >
              {t('runs.plan.demo')}
            </button>
          ) : null}
          <button type="submit" className="button button--primary" disabled={starting || draft.trim() === ''}>
            {starting ? t('runs.starting') : t('runs.start')}
          </button>
        </div>
        <SendPreview />
        {fileError ? (
          <p className="warning" role="alert">
            {fileError}
          </p>
        ) : null}
        {problems ? <PlanProblems problems={problems} /> : null}
        {startError ? <ErrorNotice error={startError} /> : null}
      </form>
    </section>
  );
}
