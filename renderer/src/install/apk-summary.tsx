/**
 * What the chosen APK is, read before any phone is touched.
 */
import type { ApkInfo } from '../../../shared/domain/install';
import { useI18n } from '../app/i18n-context';
import { shortHash } from './install-logic';

export function ApkSummary({ apk }: { apk: ApkInfo }) {
  const { t, bytes } = useI18n();
  const notSet = t('apk.notSet');
  return (
    <div className="apk-summary" data-package={apk.packageName}>
      <p className="apk-summary__file break">{apk.fileName}</p>
      <dl className="facts">
        {apk.label ? (
          <>
            <dt>{t('apk.label')}</dt>
            <dd className="clamp">{apk.label}</dd>
          </>
        ) : null}
        <dt>{t('apk.package')}</dt>
        <dd className="break">
          <code>{apk.packageName}</code>
        </dd>
        <dt>{t('apk.version')}</dt>
        <dd className="break">
          {apk.versionName === null
            ? t('apk.versionCodeOnly', { code: apk.versionCode })
            : t('apk.versionValue', { name: apk.versionName, code: apk.versionCode })}
        </dd>
        <dt>{t('apk.minSdk')}</dt>
        <dd>{apk.minSdk ?? notSet}</dd>
        <dt>{t('apk.targetSdk')}</dt>
        <dd>{apk.targetSdk ?? notSet}</dd>
        <dt>{t('apk.size')}</dt>
        <dd>{bytes(apk.sizeBytes)}</dd>
        <dt>{t('apk.sha256')}</dt>
        <dd>
          <code title={apk.sha256}>{shortHash(apk.sha256)}</code>
        </dd>
        <dt>{t('apk.nativeAbis')}</dt>
        <dd className="break">
          {apk.nativeAbis.length === 0 ? t('apk.noNativeCode') : apk.nativeAbis.join(', ')}
        </dd>
      </dl>
      {apk.testOnly ? <p className="warning">{t('apk.testOnly')}</p> : null}
    </div>
  );
}
