/**
 * The runs, newest first: name, status, progress, and Stop (running) or Resume (stopped early).
 * Choosing one opens it on the right.
 */
import { useStore } from 'zustand';
import { useI18n } from '../app/i18n-context';
import { useStores } from '../app/stores-context';
import { ErrorNotice } from '../shared-ui/error-notice';
import { canResume, canStop, progressOf } from './run-grid';
import { RunStatusBadge } from './run-status';

export function RunList() {
  const { t, number, dateTime } = useI18n();
  const { runs } = useStores();
  const list = useStore(runs, (s) => s.runs);
  const listError = useStore(runs, (s) => s.listError);
  const selected = useStore(runs, (s) => s.selectedRunId);
  const busy = useStore(runs, (s) => s.busy);
  const actions = runs.getState();

  return (
    <section className="run-list" aria-labelledby="run-list-heading">
      <h3 id="run-list-heading">{t('runs.list.heading')}</h3>
      {listError ? <ErrorNotice error={listError} role="status" /> : null}
      {list.length === 0 ? (
        <p className="muted">{t('runs.list.empty')}</p>
      ) : (
        <ul className="run-list__items" aria-label={t('runs.list.label')}>
          {list.map((run) => {
            const progress = progressOf(run.totals);
            const action = busy[run.id];
            return (
              <li key={run.id} className="run-item" data-run-id={run.id} data-status={run.status}>
                <button
                  type="button"
                  className="run-item__open"
                  aria-pressed={run.id === selected}
                  onClick={() => void actions.selectRun(run.id)}
                >
                  <span className="run-item__name break">{run.planName}</span>
                  <RunStatusBadge status={run.status} counts={run.totals} />
                  <span className="run-item__meta muted">{dateTime(run.createdAt)}</span>
                  <span className="run-item__meta muted">
                    {t('runs.list.done', { done: number(progress.done), total: number(progress.total) })}
                  </span>
                </button>
                {canStop(run.status) || canResume(run.status) ? (
                  <div className="button-row run-item__actions">
                    {canStop(run.status) ? (
                      <button
                        type="button"
                        className="button button--small"
                        disabled={action !== undefined}
                        onClick={() => void actions.stop(run.id)}
                      >
                        {action === 'stopping' ? t('runs.stopping') : t('runs.stop')}
                      </button>
                    ) : null}
                    {canResume(run.status) ? (
                      <button
                        type="button"
                        className="button button--small"
                        disabled={action !== undefined}
                        onClick={() => void actions.resume(run.id)}
                      >
                        {action === 'resuming' ? t('runs.resuming') : t('runs.resume')}
                      </button>
                    ) : null}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
