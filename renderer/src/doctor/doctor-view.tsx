/**
 * The Push readiness view: ready phones and booted iOS simulators on the left (plus the chosen
 * one if it went away), the doctor panel for the chosen one on the right.
 */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useI18n } from '../app/i18n-context';
import { useStores } from '../app/stores-context';
import { VendorBadge } from '../devices/badges';
import { deviceLabel } from '../devices/device-sort';
import { vendorOf } from '../devices/vendor';
import { worstStatus } from './check-groups';
import { DoctorPanel } from './doctor-panel';
import { doctorTargets } from './doctor-targets';
import { StatusBadge } from './status-badge';
import './doctor.css';
import './doctor-report.css';
import './doctor-changes.css';

function PhoneStatus({ serial }: { serial: string }) {
  const { doctor } = useStores();
  const worst = useStore(doctor, (s) => {
    const key = s.current[serial];
    const report = key === undefined ? undefined : s.entries[key]?.result?.report;
    return report ? worstStatus(report.checks) : null;
  });
  return worst ? <StatusBadge status={worst} /> : null;
}

export function DoctorView() {
  const { t } = useI18n();
  const { devices, doctor } = useStores();
  const list = useStore(devices, (s) => s.devices);
  const selectedSerial = useStore(doctor, (s) => s.selectedSerial);
  const select = useStore(doctor, (s) => s.select);

  const ready = doctorTargets(list);
  const selected = selectedSerial ?? ready[0]?.serial ?? null;
  const selectedDevice = list.find((d) => d.serial === selected) ?? null;
  // Not in the list of identified phones: unplugged, unauthorized, or still being identified.
  const extra = selected !== null && !ready.some((d) => d.serial === selected);
  const connected = selectedDevice?.state === 'device';
  // The first phone shown without a click is selected too, so it opens with the app last worked on.
  useEffect(() => {
    if (selectedSerial === null && selected !== null) select(selected);
  }, [selectedSerial, selected, select]);

  return (
    <div className="doctor">
      <header className="section-header">
        <h2>{t('doctor.title')}</h2>
        <p className="section-header__meta">{t('doctor.intro')}</p>
      </header>
      {ready.length === 0 && selected === null ? (
        <p className="muted" role="status">
          {t('doctor.noPhones')}
        </p>
      ) : (
        <div className="doctor__columns">
          <nav className="doctor-phones" aria-label={t('doctor.phonesLabel')}>
            <h3 className="doctor-phones__heading">{t('doctor.phones')}</h3>
            <ul className="doctor-phones__list">
              {ready.map((device) => (
                <li key={device.serial}>
                  <button
                    type="button"
                    className="doctor-phones__item"
                    data-serial={device.serial}
                    aria-pressed={device.serial === selected}
                    onClick={() => select(device.serial)}
                  >
                    <VendorBadge vendor={vendorOf(device.identity)} />
                    <span className="doctor-phones__name">{deviceLabel(device)}</span>
                    {device.host ? (
                      // Two hosts may serve phones of the same model (even the same serial): name the host.
                      <span className="doctor-phones__host muted" data-host={device.host}>
                        {t('doctor.phoneHost', { host: device.host })}
                      </span>
                    ) : null}
                    <PhoneStatus serial={device.serial} />
                  </button>
                </li>
              ))}
              {extra && selected !== null ? (
                <li>
                  <button
                    type="button"
                    className={`doctor-phones__item${connected ? '' : ' doctor-phones__item--gone'}`}
                    data-serial={selected}
                    aria-pressed="true"
                  >
                    <VendorBadge vendor={vendorOf(selectedDevice?.identity ?? null)} />
                    <span className="doctor-phones__name">
                      {selectedDevice ? deviceLabel(selectedDevice) : selected}
                    </span>
                    {connected ? (
                      <PhoneStatus serial={selected} />
                    ) : (
                      <span className="muted">{t('doctor.notConnected')}</span>
                    )}
                  </button>
                </li>
              ) : null}
            </ul>
          </nav>
          {selected !== null ? (
            <DoctorPanel key={selected} serial={selected} device={selectedDevice} />
          ) : null}
        </div>
      )}
    </div>
  );
}
