/**
 * One repeat of the open cell: expected vs shown side by side (title, text, channel, sound), the
 * sender's request id, the doctor snapshot it ran under with the drift since the one before, and
 * the evidence (captured record, shade screenshot, logcat slice…) through the run view's list.
 */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { TextMatch } from '../../../shared/scenarios/types';
import { useI18n } from '../app/i18n-context';
import { useStores } from '../app/stores-context';
import { ChangeList } from '../doctor/change-list';
import { revealInvisible } from '../doctor/visible-text';
import { EvidenceList } from '../runs/evidence-list';
import { ErrorNotice } from '../shared-ui/error-notice';
import { attemptFacts, evidenceOf, requestIdOf } from './attempt-facts';
import { CellDiagnosis } from './cell-diagnosis';
import { readDoctorEvidence, snapshotAtTime, type DoctorEvidence } from './doctor-at-time';

/** What an empty "shown" field says, by what the capture saw (never "nothing" next to a record). */
const SEEN_WORDS = {
  captured: 'matrix.facts.none',
  nothing: 'matrix.facts.nothing',
  unknown: 'matrix.facts.unknown',
} as const;

function Expected({ match }: { match: TextMatch | null }) {
  const { t } = useI18n();
  if (match === null) return <span className="muted">{t('matrix.facts.notChecked')}</span>;
  return (
    <span className="break" dir="auto">
      {t(match.match === 'exact' ? 'matrix.facts.exact' : 'matrix.facts.contains', {
        value: revealInvisible(match.value),
      })}
    </span>
  );
}

function DoctorSnapshot({ serial, evidence }: { serial: string; evidence: DoctorEvidence }) {
  const { t, tDynamic, dateTime } = useI18n();
  const { matrix } = useStores();
  const history = useStore(matrix, (s) => s.doctor[serial]);
  useEffect(() => {
    void matrix.getState().loadDoctor(serial);
  }, [matrix, serial]);
  const at = history?.status === 'ok' ? snapshotAtTime(history.value, evidence) : null;
  return (
    <section className="mx-doctor" aria-labelledby="mx-doctor-heading">
      <h4 id="mx-doctor-heading">{t('matrix.doctor.heading', { time: dateTime(evidence.takenAt) })}</h4>
      {evidence.failing.length === 0 ? (
        <p className="muted">{t('matrix.doctor.noFailing')}</p>
      ) : (
        <ul className="mx-doctor__failing" aria-label={t('matrix.doctor.failing')}>
          {evidence.failing.map((id) => (
            <li key={id} data-check-id={id}>
              {tDynamic(`check.${id}.title`) ?? id}
            </li>
          ))}
        </ul>
      )}
      {history?.status === 'error' ? <ErrorNotice error={history.error} role="status" /> : null}
      {at === null ? null : at.previous === null ? (
        <p className="muted">{t('matrix.doctor.first')}</p>
      ) : at.lines.length === 0 ? (
        <p className="muted">{t('matrix.doctor.noDrift', { time: dateTime(at.previous.takenAt) })}</p>
      ) : (
        <>
          <p className="mx-doctor__drift-title">
            {t('matrix.doctor.drift', { time: dateTime(at.previous.takenAt) })}
          </p>
          <ChangeList lines={at.lines} />
        </>
      )}
    </section>
  );
}

export function CellAttempt({
  attemptId,
  phone,
  serial,
}: {
  attemptId: number;
  phone: string;
  serial: string;
}) {
  const { t } = useI18n();
  const { runs } = useStores();
  const loaded = useStore(runs, (s) => (s.attempt?.attempt.id === attemptId ? s.attempt : null));
  const error = useStore(runs, (s) => s.attemptError);
  if (!loaded) {
    return error ? (
      <ErrorNotice error={error} />
    ) : (
      <p className="muted" role="status">
        {t('common.loading')}
      </p>
    );
  }
  const facts = attemptFacts(loaded.attempt.verdict);
  const requestId = requestIdOf(loaded);
  const doctor = readDoctorEvidence(evidenceOf(loaded, 'doctor')?.data);
  const evidence = loaded.evidence.filter((e) => e.kind !== 'doctor');

  return (
    <div className="mx-attempt" data-attempt-id={attemptId}>
      <h4>{t('matrix.facts.heading', { n: loaded.attempt.repeat })}</h4>
      <table className="mx-facts">
        <thead>
          <tr>
            <th scope="col">{t('matrix.facts.field')}</th>
            <th scope="col">{t('matrix.facts.expected')}</th>
            <th scope="col">{t('matrix.facts.actual')}</th>
            <th scope="col">{t('matrix.facts.check')}</th>
          </tr>
        </thead>
        <tbody>
          {facts.fields.map((fact) => (
            <tr key={fact.field} data-field={fact.field} data-check={fact.check}>
              <th scope="row">{t(`matrix.field.${fact.field}`)}</th>
              <td>
                <Expected match={fact.expected} />
              </td>
              <td className="mx-facts__actual">
                {fact.actual !== null ? (
                  <span className="break" dir="auto">
                    {revealInvisible(fact.actual)}
                  </span>
                ) : (
                  <span className="muted">
                    {facts.redacted ? t('matrix.facts.redacted') : t(SEEN_WORDS[facts.seen])}
                  </span>
                )}
              </td>
              <td>
                <span className={`mx-check mx-check--${fact.check}`}>{t(`matrix.check.${fact.check}`)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mx-attempt__request">
        {t('matrix.facts.requestId')}{' '}
        {requestId !== null ? (
          <code className="break" data-request-id={requestId}>
            {revealInvisible(requestId)}
          </code>
        ) : (
          <span className="muted">{t('matrix.facts.noRequestId')}</span>
        )}
      </p>
      {loaded.attempt.verdict?.diagnosis ? (
        <CellDiagnosis diagnosis={loaded.attempt.verdict.diagnosis} />
      ) : null}
      {doctor ? (
        <DoctorSnapshot serial={serial} evidence={doctor} />
      ) : (
        <p className="muted">{t('matrix.doctor.none')}</p>
      )}
      <h4>{t('matrix.evidence.heading')}</h4>
      {evidence.length === 0 ? (
        <p className="muted">{t('runs.attempt.noEvidence')}</p>
      ) : (
        <EvidenceList evidence={evidence} phone={phone} />
      )}
    </div>
  );
}
