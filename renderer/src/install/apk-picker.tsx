/**
 * Where the build comes in: a drop zone and a file button. Shows what the APK is, or why it is
 * not usable (NOT_AN_APK, APK_UNREADABLE) — in which case nothing is sent to any phone.
 */
import { useRef, useState, type DragEvent } from 'react';
import { useStore } from 'zustand';
import { useI18n } from '../app/i18n-context';
import { useStores } from '../app/stores-context';
import { ErrorNotice } from '../shared-ui/error-notice';
import { ApkSummary } from './apk-summary';

export function ApkPicker() {
  const { t } = useI18n();
  const { install } = useStores();
  const stage = useStore(install, (s) => s.apk);
  const chooseFile = useStore(install, (s) => s.chooseFile);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const take = (files: FileList | null) => {
    const file = files?.[0];
    if (file) void chooseFile(file);
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    take(event.dataTransfer.files);
  };

  const busy = stage.status === 'staging' || stage.status === 'inspecting';

  return (
    <section className="apk-picker" aria-labelledby="apk-picker-heading">
      <h3 id="apk-picker-heading">{t('apk.heading')}</h3>
      <div
        className={dragging ? 'drop-zone drop-zone--active' : 'drop-zone'}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p className="drop-zone__text">{dragging ? t('install.dropActive') : t('install.drop')}</p>
        <p className="drop-zone__or">{t('install.or')}</p>
        <input
          ref={input}
          id="apk-file"
          className="visually-hidden"
          type="file"
          accept=".apk,application/vnd.android.package-archive"
          aria-label={t('install.fileInputLabel')}
          disabled={busy}
          onChange={(event) => {
            take(event.currentTarget.files);
            // Reset so choosing the same file again still fires change.
            event.currentTarget.value = '';
          }}
        />
        <label htmlFor="apk-file" className={busy ? 'button button--disabled' : 'button'}>
          {stage.status === 'empty' ? t('install.choose') : t('install.chooseAnother')}
        </label>
      </div>
      <div aria-live="polite">
        {stage.status === 'staging' ? (
          <p role="status">{t('install.staging', { name: stage.fileName })}</p>
        ) : null}
        {stage.status === 'inspecting' ? (
          <p role="status">{t('install.inspecting', { name: stage.fileName })}</p>
        ) : null}
      </div>
      {stage.status === 'error' ? (
        <div className="apk-picker__error">
          <p className="break">
            <strong>{stage.fileName}</strong>
          </p>
          <ErrorNotice error={stage.error} />
          <p className="muted">{t('install.nothingSent')}</p>
        </div>
      ) : null}
      {stage.status === 'ready' ? <ApkSummary apk={stage.apk} /> : null}
    </section>
  );
}
