/**
 * One install job, phone by phone: a <progress> per phone (bytes pushed, then indeterminate
 * while the phone installs), then Installed or Failed with what went wrong and how to fix it.
 */
import type { DeviceView } from '../../../shared/domain/device';
import type { InstallItem, InstallJob } from '../../../shared/domain/install';
import { useI18n } from '../app/i18n-context';
import { deviceLabel } from '../devices/device-sort';
import { jobCounts, progressValue } from './install-logic';

function ItemRow({ item, name }: { item: InstallItem; name: string }) {
  const { t, bytes } = useI18n();
  const { value, max } = progressValue(item);
  const phaseText =
    item.phase === 'pushing'
      ? t('install.phase.pushing', { pushed: bytes(item.bytesPushed), total: bytes(item.totalBytes) })
      : t(`install.phase.${item.phase}`);
  return (
    <li className={`job-item job-item--${item.phase}`} data-serial={item.serial} data-phase={item.phase}>
      <div className="job-item__head">
        <span className="job-item__name clamp">{name}</span>
        <span className="job-item__phase">{phaseText}</span>
      </div>
      <progress
        className="job-item__bar"
        max={max}
        value={value}
        aria-label={t('install.progressLabel', { phone: name })}
        aria-valuetext={phaseText}
      />
      {item.failure ? (
        <div className="job-item__failure" role="alert">
          <p className="job-item__failure-reason">
            <code className="break">{item.failure.reason}</code>
          </p>
          <p>{item.failure.message}</p>
          <p>{t('install.failureFix', { fix: item.failure.fix })}</p>
          {item.failure.raw ? (
            <details>
              <summary>{t('install.failureRaw')}</summary>
              <pre>{item.failure.raw}</pre>
            </details>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

export function JobProgress({ job, devices, compact = false }: { job: InstallJob; devices: readonly DeviceView[]; compact?: boolean }) {
  const { t, dateTime } = useI18n();
  const counts = jobCounts(job);
  const nameOf = (serial: string) => {
    const device = devices.find((d) => d.serial === serial);
    return device ? `${deviceLabel(device)} (${serial})` : serial;
  };
  const items = (
    <ul className="job__items">
      {job.items.map((item) => (
        <ItemRow key={item.serial} item={item} name={nameOf(item.serial)} />
      ))}
    </ul>
  );
  return (
    <div className="job" data-job-id={job.id}>
      <p className="job__summary">
        <strong className="break">{job.apk.label ?? job.apk.packageName}</strong>{' '}
        <span className="muted">
          {job.apk.versionName ?? job.apk.versionCode} ·{' '}
          {t('install.jobSummary', { done: counts.done, total: counts.total, failed: counts.failed })}
          {counts.running > 0 ? ` · ${t('install.jobRunning')}` : ''} ·{' '}
          {job.finishedAt ? t('install.jobFinished', { time: dateTime(job.finishedAt) }) : t('install.jobStarted', { time: dateTime(job.startedAt) })}
        </span>
      </p>
      {compact ? (
        <details className="job__details">
          <summary>{t('install.jobPhones')}</summary>
          {items}
        </details>
      ) : (
        items
      )}
    </div>
  );
}
