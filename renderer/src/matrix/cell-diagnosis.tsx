/**
 * The diagnose mode's answer for one repeat: the link (Tencent side, vendor side, phone side, or
 * both shown), what each path did, Tencent's status for the account, and the sentence saying what
 * to check. Vendor and phone texts (error messages) are untrusted and rendered as text.
 */
import type { Diagnosis, PathOutcome } from '../../../shared/runs/diagnose';
import { describeDiagnosis, linkName, presenceName } from '../../../shared/runs/diagnose';
import { useI18n } from '../app/i18n-context';
import { revealInvisible } from '../doctor/visible-text';

function PathResult({ path }: { path: PathOutcome }) {
  const { t, locale } = useI18n();
  if (path.error !== null) {
    const message = locale === 'zh-CN' ? (path.error.zh?.message ?? path.error.message) : path.error.message;
    return (
      <span className="break">{t('matrix.diagnose.refused', { message: revealInvisible(message) })}</span>
    );
  }
  const word = path.shown === true ? 'shown' : path.shown === false ? 'lost' : 'unknown';
  return <span data-shown={String(path.shown)}>{t(`matrix.diagnose.${word}`)}</span>;
}

export function CellDiagnosis({ diagnosis }: { diagnosis: Diagnosis }) {
  const { t, locale } = useI18n();
  const lang = locale === 'zh-CN' ? 'zh-CN' : 'en';
  return (
    <section className="mx-diagnosis" data-link={diagnosis.link} aria-labelledby="mx-diagnosis-heading">
      <h4 id="mx-diagnosis-heading">
        {t('matrix.diagnose.heading')}: <strong>{linkName(diagnosis.link, lang)}</strong>
      </h4>
      <dl>
        <dt>{t('matrix.diagnose.tencent')}</dt>
        <dd>
          <PathResult path={diagnosis.tencent} />
        </dd>
        <dt>{t('matrix.diagnose.vendor', { kind: diagnosis.vendor.kind })}</dt>
        <dd>
          <PathResult path={diagnosis.vendor} />
        </dd>
        <dt>{t('matrix.diagnose.presence')}</dt>
        <dd>{presenceName(diagnosis.presence)}</dd>
      </dl>
      <p className="break">{revealInvisible(describeDiagnosis(diagnosis, lang))}</p>
    </section>
  );
}
