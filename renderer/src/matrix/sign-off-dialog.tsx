/**
 * Sign-off: a modal dialog for the lead's name, a note, and a waiver reason for every cell that
 * did not pass (one reason can fill all empty ones). Once signed, the run is frozen.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import type { RunMatrix } from '../../../shared/matrix/types';
import { useI18n } from '../app/i18n-context';
import { useStores } from '../app/stores-context';
import { ErrorNotice } from '../shared-ui/error-notice';
import { cellKey, columnTitle, phoneTitle } from './matrix-labels';
import {
  cellsToWaive,
  emptyDraft,
  fillMissingReasons,
  MAX_NAME,
  MAX_NOTE,
  MAX_REASON,
  missingReasons,
  signOffProblems,
  signOffRequest,
  type SignOffDraft,
} from './sign-off-form';

export function SignOffDialog({ matrix, onClose }: { matrix: RunMatrix; onClose(): void }) {
  const { t, locale, number } = useI18n();
  const { matrix: store } = useStores();
  const signing = useStore(store, (s) => s.signing);
  const error = useStore(store, (s) => s.signError);
  const dialog = useRef<HTMLDialogElement>(null);
  const cells = useMemo(() => cellsToWaive(matrix), [matrix]);
  const [draft, setDraft] = useState<SignOffDraft>(emptyDraft());
  const [batch, setBatch] = useState('');
  const [checked, setChecked] = useState(false);
  const completed = matrix.status === 'completed';
  const problems = checked ? signOffProblems(draft, cells, completed) : [];
  const phoneName = new Map(matrix.phones.map((p) => [p.serial, phoneTitle(p)]));
  const scenarioName = new Map(matrix.columns.map((c) => [c.scenarioId, columnTitle(c, locale)]));

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (signOffProblems(draft, cells, completed).length > 0) return;
    if (await store.getState().signOff(signOffRequest(matrix.runId, draft, cells))) onClose();
  };

  return (
    <dialog
      ref={dialog}
      className="mx-dialog"
      aria-labelledby="mx-signoff-heading"
      onCancel={(event) => {
        // Escape: close through the view's state, so it and the dialog never disagree.
        event.preventDefault();
        onClose();
      }}
    >
      <form className="mx-dialog__form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <h2 id="mx-signoff-heading">{t('matrix.signOff.heading')}</h2>
        {/* The middle scrolls; the heading and the buttons stay in view on a 1366x768 screen. */}
        <div className="mx-dialog__body">
          <p className="muted">{t('matrix.signOff.intro', { plan: matrix.planName })}</p>
          <label htmlFor="mx-signoff-by">{t('matrix.signOff.name')}</label>
          <input
            id="mx-signoff-by"
            type="text"
            autoComplete="name"
            maxLength={MAX_NAME}
            value={draft.by}
            aria-invalid={problems.includes('matrix.signOff.nameMissing')}
            onChange={(e) => setDraft({ ...draft, by: e.currentTarget.value })}
          />
          <label htmlFor="mx-signoff-note">{t('matrix.signOff.note')}</label>
          <textarea
            id="mx-signoff-note"
            rows={3}
            maxLength={MAX_NOTE}
            value={draft.note}
            onChange={(e) => setDraft({ ...draft, note: e.currentTarget.value })}
          />
          {cells.length === 0 ? (
            <p className="mx-dialog__none">{t('matrix.signOff.nothingToWaive')}</p>
          ) : (
            <fieldset className="mx-dialog__waivers">
              <legend>
                {t('matrix.signOff.waivers', {
                  count: number(cells.length),
                  missing: number(missingReasons(draft, cells)),
                })}
              </legend>
              <div className="mx-dialog__batch">
                <label htmlFor="mx-signoff-batch">{t('matrix.signOff.batch')}</label>
                <input
                  id="mx-signoff-batch"
                  type="text"
                  maxLength={MAX_REASON}
                  value={batch}
                  onChange={(e) => setBatch(e.currentTarget.value)}
                />
                <button
                  type="button"
                  className="button button--small"
                  disabled={batch.trim() === ''}
                  onClick={() => setDraft(fillMissingReasons(draft, cells, batch))}
                >
                  {t('matrix.signOff.fill')}
                </button>
              </div>
              <ul className="mx-dialog__cells">
                {cells.map((cell) => {
                  const key = cellKey(cell.serial, cell.scenarioId);
                  const id = `mx-waive-${cell.attemptIds[0] ?? key}`;
                  const phone = phoneName.get(cell.serial) ?? cell.serial;
                  const scenario = scenarioName.get(cell.scenarioId) ?? cell.scenarioId;
                  const empty = checked && (draft.reasons[key] ?? '').trim() === '';
                  return (
                    <li key={key} data-serial={cell.serial} data-scenario={cell.scenarioId}>
                      <label htmlFor={id} className="mx-dialog__cell-label">
                        <span className={`mx-dialog__status mx-dialog__status--${cell.status}`}>
                          {t(`runs.verdict.${cell.status}`)}
                        </span>{' '}
                        <span className="clamp" title={`${phone} · ${scenario}`}>
                          {t('matrix.signOff.cell', { phone, scenario })}
                        </span>
                      </label>
                      <input
                        id={id}
                        type="text"
                        maxLength={MAX_REASON}
                        value={draft.reasons[key] ?? ''}
                        aria-invalid={empty}
                        onChange={(e) =>
                          setDraft({ ...draft, reasons: { ...draft.reasons, [key]: e.currentTarget.value } })
                        }
                      />
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          )}
          {problems.map((key) => (
            <p key={key} className="warning" role="alert">
              {key === 'matrix.signOff.reasonsMissing'
                ? t(key, { count: number(missingReasons(draft, cells)) })
                : t(key)}
            </p>
          ))}
          {error ? <ErrorNotice error={error} /> : null}
        </div>
        <div className="button-row mx-dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('matrix.signOff.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={signing}>
            {signing ? t('matrix.signOff.signing') : t('matrix.signOff.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
