/**
 * One install job, phone by phone: a <progress> per phone (bytes pushed, then indeterminate
 * while the phone installs), then Installed or Failed with what went wrong and how to fix it.
 */
import type { DeviceView } from '../../../shared/domain/device';
import type { AnyInstallJob, InstallItem } from '../../../shared/domain/install';
import { buildOfJob, byBuild } from '../../../shared/platforms/install-builds';
import { useI18n } from '../app/i18n-context';
import { deviceLabel } from '../devices/device-sort';
import { failureContext, localizedFailure } from './failure-text';
import type { InstallFailureContext } from '../../../shared/i18n/install-failure-text';
import { jobCounts, progressValue } from './install-logic';

function ItemRow({
  item,
  name,
  failureCtx,
}: {
  item: InstallItem;
  name: string;
  failureCtx: InstallFailureContext | null;
}) {
  const { t, bytes, locale } = useI18n();
  const failure = item.failure ? localizedFailure(item.failure, locale, failureCtx) : null;
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
      {item.failure && failure ? (
        <div className="job-item__failure" role="alert">
          <p className="job-item__failure-reason">
            <code className="break">{item.failure.reason}</code>
          </p>
          <p className="job-item__failure-message">{failure.message}</p>
          <p className="job-item__failure-fix">{t('install.failureFix', { fix: failure.fix })}</p>
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

/** The build's name and version as the summary line shows them. */
function buildLine(job: AnyInstallJob): { name: string; version: string } {
  return byBuild(job, {
    apk: ({ apk }) => ({
      name: apk.label ?? apk.packageName,
      version: apk.versionName ?? String(apk.versionCode),
    }),
    app: ({ app }) => ({
      name: app.name ?? app.bundleId,
      version:
        [app.version, app.build === null ? null : `(${app.build})`].filter((v) => v !== null).join(' ') ||
        app.bundleId,
    }),
  });
}

export function JobProgress({
  job,
  devices,
  compact = false,
}: {
  job: AnyInstallJob;
  devices: readonly DeviceView[];
  compact?: boolean;
}) {
  const { t, dateTime } = useI18n();
  const counts = jobCounts(job);
  const build = buildLine(job);
  // Only an APK has native ABIs (an install failure may be about them).
  const apkAbis = byBuild(job, { apk: ({ apk }) => apk.nativeAbis, app: () => null });
  const nameOf = (serial: string) => {
    const device = devices.find((d) => d.serial === serial);
    return device ? `${deviceLabel(device)} (${serial})` : serial;
  };
  const items = (
    <ul className="job__items">
      {job.items.map((item) => (
        <ItemRow
          key={item.serial}
          item={item}
          name={nameOf(item.serial)}
          failureCtx={
            apkAbis
              ? failureContext(
                  devices.find((d) => d.serial === item.serial),
                  apkAbis,
                )
              : null
          }
        />
      ))}
    </ul>
  );
  return (
    <div className="job" data-job-id={job.id} data-build={buildOfJob(job)}>
      <p className="job__summary">
        <strong className="break">{build.name}</strong>{' '}
        <span className="muted">
          {build.version} ·{' '}
          {t('install.jobSummary', { done: counts.done, total: counts.total, failed: counts.failed })}
          {counts.running > 0 ? ` · ${t('install.jobRunning')}` : ''} ·{' '}
          {job.finishedAt
            ? t('install.jobFinished', { time: dateTime(job.finishedAt) })
            : t('install.jobStarted', { time: dateTime(job.startedAt) })}
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
