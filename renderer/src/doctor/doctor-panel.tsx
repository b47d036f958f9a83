/**
 * The doctor for one phone: which phone, what to check, the run's progress or error, and the
 * report. Loads the saved reports for the remembered package when it opens.
 */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { DeviceView } from '../../../shared/domain/device';
import { useI18n } from '../app/i18n-context';
import { useStores } from '../app/stores-context';
import { VendorBadge } from '../devices/badges';
import { deviceNames, romText } from '../devices/device-sort';
import { vendorOf } from '../devices/vendor';
import { ErrorNotice } from '../shared-ui/error-notice';
import { ReportView } from './report-view';
import { SubjectForm } from './subject-form';

export const DOCTOR_HEADING_ID = 'doctor-panel-heading';

export function DoctorPanel({ serial, device }: { serial: string; device: DeviceView | null }) {
  const { t } = useI18n();
  const { doctor } = useStores();
  const key = useStore(doctor, (s) => s.current[serial]);
  const entry = useStore(doctor, (s) => (key === undefined ? undefined : s.entries[key]));
  const loadHistory = useStore(doctor, (s) => s.loadHistory);
  const connected = device !== null && device.state === 'device';
  const identity = device?.identity ?? null;
  const report = entry?.result?.report ?? entry?.history?.[0] ?? null;
  // An unplugged phone is named from its last report.
  const name = (device ? deviceNames(device).primary : null) ?? report?.phone?.model ?? serial;

  useEffect(() => {
    void loadHistory(serial);
  }, [serial, loadHistory]);

  return (
    <section className="doctor-panel" data-serial={serial} aria-labelledby={DOCTOR_HEADING_ID}>
      <header className="doctor-panel__header">
        <h3 id={DOCTOR_HEADING_ID} className="doctor-panel__name break" tabIndex={-1}>
          {name}
        </h3>
        {identity ? (
          <p className="doctor-panel__phone">
            <VendorBadge vendor={vendorOf(identity)} /> <span className="break">{romText(identity.rom)}</span>
            {' · '}
            <span className={`channel-tag channel-tag--${identity.pushChannel}`}>
              {t(`pushChannel.${identity.pushChannel}`)}
            </span>
            {' · '}
            <code className="serial">{serial}</code>
          </p>
        ) : (
          <p className="doctor-panel__phone">
            <code className="serial">{serial}</code>
          </p>
        )}
      </header>
      {!connected ? (
        <p className="warning" role="note">
          {t('doctor.phoneGone')}
        </p>
      ) : null}
      <SubjectForm key={serial} serial={serial} entry={entry} connected={connected} />
      {entry?.running ? (
        <div className="doctor-panel__progress" role="status">
          <progress className="doctor-panel__bar" aria-label={t('doctor.running')} />
          <span>{t('doctor.runningStatus', { package: entry.subject.package })}</span>
        </div>
      ) : null}
      {entry?.runError ? <ErrorNotice error={entry.runError} /> : null}
      {entry?.historyError ? <ErrorNotice error={entry.historyError} role="status" /> : null}
      {entry && (entry.result || (entry.history && entry.history.length > 0)) ? (
        <>
          <p className="doctor-panel__subject">
            {t('doctor.subjectLine', { package: entry.subject.package, phone: name })}
          </p>
          <ReportView serial={serial} entry={entry} connected={connected} />
        </>
      ) : null}
    </section>
  );
}
