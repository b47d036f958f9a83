/**
 * A run waits for the operator (send the push by hand, log in on a phone): the question, the
 * phone, and Done. Shown above every view, since the run is stuck until someone answers.
 */
import { useStore } from 'zustand';
import { useI18n } from '../app/i18n-context';
import { useStores } from '../app/stores-context';

export function PromptBanner() {
  const { t } = useI18n();
  const { runs } = useStores();
  const prompts = useStore(runs, (s) => s.prompts);
  const answer = useStore(runs, (s) => s.answer);
  const open = Object.entries(prompts);
  if (open.length === 0) return null;
  return (
    <div className="banner-stack run-prompts">
      {open.map(([runId, prompt]) => (
        <div
          key={prompt.id}
          className="banner banner--warn run-prompt"
          role="alert"
          data-run-id={runId}
          data-prompt-id={prompt.id}
        >
          <div className="run-prompt__text">
            <p className="banner__title">{t('runs.prompt.heading')}</p>
            {/* The plan author's words: text only. */}
            <p className="break">{prompt.text}</p>
            <p className="muted break">{t('runs.prompt.phone', { serial: prompt.serial })}</p>
          </div>
          <button type="button" className="button button--primary" onClick={() => void answer(prompt.id)}>
            {t('runs.prompt.done')}
          </button>
        </div>
      ))}
    </div>
  );
}
