/**
 * An attempt's evidence: the shade screenshot as an image, the logcat slice as text, and small
 * JSON evidence (records seen, send receipt, state report) as text. All of it is phone or server
 * output: rendered as text only, invisible characters made visible.
 */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { EvidenceView } from '../../../shared/domain/run';
import { readCaptureMode } from '../../../shared/runs/capture-mode';
import { useI18n } from '../app/i18n-context';
import { useStores } from '../app/stores-context';
import { revealInvisible } from '../doctor/visible-text';
import { ErrorNotice } from '../shared-ui/error-notice';
import { captureLine } from './capture-line';
import { localTimestamp, withLocalTimes } from './evidence-times';

/** Kinds whose JSON is worth reading at once; the rest start folded. */
const OPEN_KINDS = new Set(['record', 'send', 'tap']);

function FileEvidence({ evidence, phone }: { evidence: EvidenceView; phone: string }) {
  const { t, bytes } = useI18n();
  const { runs } = useStores();
  const entry = useStore(runs, (s) => s.evidence[evidence.id]);
  const loadEvidence = useStore(runs, (s) => s.loadEvidence);

  useEffect(() => {
    void loadEvidence(evidence.id);
  }, [evidence.id, loadEvidence]);

  if (!entry || entry.status === 'loading') {
    return (
      <p className="muted" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (entry.status === 'error') return <ErrorNotice error={entry.error} role="status" />;
  const content = entry.content;
  if (content.mime === 'image/png') {
    return (
      <img
        className="evidence-item__image"
        src={content.dataUrl}
        alt={t('runs.evidence.screenshotAlt', { phone })}
      />
    );
  }
  return (
    <>
      <pre className="evidence-item__text" dir="ltr">
        {revealInvisible(content.text)}
      </pre>
      {content.truncated ? (
        <p className="muted">
          {t('runs.evidence.truncated', {
            shown: bytes(content.text.length),
            total: bytes(content.sizeBytes),
          })}
        </p>
      ) : null}
    </>
  );
}

/** How the records were captured (events log or polling, and why); nothing when not recorded. */
function CaptureModeLine({ data }: { data: unknown }) {
  const { locale } = useI18n();
  const mode = readCaptureMode(data);
  if (mode === null) return null;
  const line = captureLine(locale, mode);
  return (
    <p className="evidence-item__capture" data-capture-mode={line.mode}>
      {revealInvisible(line.text)}
      {line.detail === null ? null : <span className="muted"> {revealInvisible(line.detail)}</span>}
    </p>
  );
}

export function EvidenceList({ evidence, phone }: { evidence: readonly EvidenceView[]; phone: string }) {
  const { t } = useI18n();
  return (
    <ul className="evidence-list">
      {evidence.map((item) => (
        <li key={item.id} className="evidence-item" data-evidence-id={item.id} data-evidence-kind={item.kind}>
          {item.path === null ? (
            <details open={OPEN_KINDS.has(item.kind)}>
              <summary className="evidence-item__title">
                {t(`runs.evidence.${item.kind}`)} <time className="muted">{localTimestamp(item.at)}</time>
              </summary>
              {item.kind === 'record' ? <CaptureModeLine data={item.data} /> : null}
              <pre className="evidence-item__text" dir="ltr">
                {revealInvisible(JSON.stringify(withLocalTimes(item.data ?? null), null, 2))}
              </pre>
            </details>
          ) : (
            <>
              <p className="evidence-item__title">
                {t(`runs.evidence.${item.kind}`)} <time className="muted">{localTimestamp(item.at)}</time>
              </p>
              <FileEvidence evidence={item} phone={phone} />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
