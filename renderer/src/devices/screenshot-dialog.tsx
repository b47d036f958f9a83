/**
 * Shows a phone's screenshot in a modal <dialog> (focus trapped, Esc closes).
 */
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { useI18n } from '../app/i18n-context';
import { useStores } from '../app/stores-context';
import { ErrorNotice } from '../shared-ui/error-notice';
import type { ScreenshotState } from './device-store';

/** Only data:image/png URLs are shown: anything else from the core is not an image we made. */
function safeImageUrl(url: string | null): string | null {
  return url !== null && url.startsWith('data:image/png;base64,') ? url : null;
}

export function ScreenshotDialog({
  serial,
  name,
  shot,
}: {
  serial: string;
  name: string;
  shot: ScreenshotState;
}) {
  const { t, bytes } = useI18n();
  const { devices } = useStores();
  const close = useStore(devices, (s) => s.closeScreenshot);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const title = t('device.screenshotTitle', { name });
  const image = safeImageUrl(shot.file?.dataUrl ?? null);

  return (
    <dialog ref={ref} className="screenshot-dialog" aria-label={title} onClose={() => close(serial)}>
      <header className="screenshot-dialog__header">
        <h2 className="clamp">{title}</h2>
        <button type="button" className="button button--small" onClick={() => ref.current?.close()}>
          {t('common.close')}
        </button>
      </header>
      {shot.status === 'failed' && shot.error ? <ErrorNotice error={shot.error} /> : null}
      {shot.file ? (
        <>
          {image ? (
            <img className="screenshot-dialog__image" src={image} alt={title} />
          ) : (
            <p>{t('device.screenshotNoPreview')}</p>
          )}
          <p className="muted break">
            {t('device.screenshotSaved', { path: shot.file.path, size: bytes(shot.file.sizeBytes) })}
          </p>
        </>
      ) : null}
    </dialog>
  );
}
