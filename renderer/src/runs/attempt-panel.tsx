/**
 * One attempt: its verdict and why (in the UI language; phone text inside shown as text), the
 * steps as they ran, and the evidence kept. Re-read live while the attempt runs.
 */
import { useStore } from 'zustand';
import type { AttemptView, RunDetail } from '../../../shared/domain/run';
import { errorText, type ErrorInfo } from '../../../shared/errors';
import { describeReason } from '../../../shared/runs/reasons';
import { useI18n } from '../app/i18n-context';
import { useStores } from '../app/stores-context';
import { revealInvisible } from '../doctor/visible-text';
import { ErrorNotice } from '../shared-ui/error-notice';
import { clockTime, scenarioTitle, stepSeconds, stepTimeline } from './attempt-steps';
import { EvidenceList } from './evidence-list';
import { chipState, phoneLabel } from './run-grid';
import { useChipLabel, VerdictChip } from './run-status';

/** What to do next, in the UI language where the error carries its zh-CN text. */
function VerdictHint({ error }: { error: ErrorInfo | null }) {
  const { t, locale } = useI18n();
  const hint = error ? errorText(error, locale).hint : undefined;
  return hint ? <p className="attempt-verdict__hint">{t('common.whatToDo', { hint })}</p> : null;
}

function VerdictBlock({ attempt }: { attempt: AttemptView }) {
  const { t, locale } = useI18n();
  const label = useChipLabel();
  const state = chipState(attempt);
  const verdict = attempt.verdict;
  return (
    <div className={`attempt-verdict attempt-verdict--${state}`} data-verdict={state}>
      <VerdictChip state={state} label={label({ state, step: attempt.step })} />
      <h5 className="attempt__subheading">{t('runs.attempt.reason')}</h5>
      {verdict ? (
        <>
          <p className="attempt-verdict__reason break" data-reason-key={verdict.reason.key} dir="auto">
            {revealInvisible(describeReason(verdict.reason, locale))}
          </p>
          <VerdictHint error={verdict.details.error ?? null} />
        </>
      ) : (
        <p className="muted">{t('runs.attempt.noVerdict')}</p>
      )}
    </div>
  );
}

export function AttemptPanel({ detail, attemptId }: { detail: RunDetail; attemptId: number }) {
  const { t, locale } = useI18n();
  const { runs } = useStores();
  const loaded = useStore(runs, (s) => s.attempt);
  const error = useStore(runs, (s) => s.attemptError);
  const selectAttempt = useStore(runs, (s) => s.selectAttempt);
  // The grid's copy is updated by every event; the loaded detail adds steps and evidence.
  const attempt =
    detail.attempts.find((a) => a.id === attemptId) ??
    (loaded?.attempt.id === attemptId ? loaded.attempt : null);
  const current = loaded?.attempt.id === attemptId ? loaded : null;
  if (!attempt) return error ? <ErrorNotice error={error} /> : null;
  const phone = phoneLabel(detail.phones.find((p) => p.serial === attempt.serial) ?? null, attempt.serial);
  const steps = current ? stepTimeline(current.steps) : [];
  const seconds = new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', maximumFractionDigits: 1 });

  return (
    <section className="attempt" data-attempt-id={attempt.id} aria-labelledby="attempt-heading">
      <header className="attempt__header">
        <h4 id="attempt-heading" className="break">
          {t('runs.attempt.title', {
            scenario: scenarioTitle(attempt.scenarioId, locale),
            phone,
            n: attempt.repeat,
          })}
        </h4>
        <button type="button" className="button button--small" onClick={() => void selectAttempt(null)}>
          {t('runs.attempt.close')}
        </button>
      </header>
      <VerdictBlock attempt={attempt} />
      {error ? <ErrorNotice error={error} role="status" /> : null}
      <h5 className="attempt__subheading">{t('runs.attempt.steps')}</h5>
      {current === null ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : steps.length === 0 ? (
        <p className="muted">{t('runs.attempt.noSteps')}</p>
      ) : (
        <ol className="attempt-steps">
          {steps.map((step, i) => {
            const took = stepSeconds(step);
            return (
              <li
                key={`${step.name}-${i}`}
                className="attempt-steps__item"
                data-step={step.name}
                data-step-status={step.status}
              >
                <span className={`step-status step-status--${step.status}`}>
                  {t(`runs.stepStatus.${step.status}`)}
                </span>
                <span className="attempt-steps__name">{t(`runs.step.${step.name}`)}</span>
                <span className="muted">
                  {clockTime(locale, step.startedAt)}
                  {took === null ? null : ` · ${seconds.format(took)}`}
                </span>
                {step.detail ? (
                  <pre className="attempt-steps__detail" dir="ltr">
                    {revealInvisible(step.detail)}
                  </pre>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      <h5 className="attempt__subheading">{t('runs.attempt.evidence')}</h5>
      {current === null ? null : current.evidence.length === 0 ? (
        <p className="muted">{t('runs.attempt.noEvidence')}</p>
      ) : (
        <EvidenceList evidence={current.evidence} phone={phone} />
      )}
    </section>
  );
}
