/**
 * The push side of a phone: its channel, why (translated from the classifier's reason key) and
 * the push service apps with their versions, warning when one is too old for its channel.
 */
import type { DeviceIdentity } from '../../../shared/domain/device';
import { useI18n } from '../app/i18n-context';
import { outdatedServices } from './device-sort';

export function PushDetails({ identity }: { identity: DeviceIdentity }) {
  const { t, tDynamic } = useI18n();
  const channelName = t(`pushChannel.${identity.pushChannel}`);
  // The core fills channelName in English; show the name in the reader's language instead.
  const reason =
    tDynamic(identity.pushChannelReason.key, { ...identity.pushChannelReason.values, channelName }) ??
    t('channel.unknownReason');
  const outdated = new Set(outdatedServices(identity.pushServices).map((s) => s.package));

  return (
    <>
      <dt>{t('device.pushChannel')}</dt>
      <dd>
        <span
          className={`channel-tag channel-tag--${identity.pushChannel}`}
          data-channel={identity.pushChannel}
        >
          {channelName}
        </span>
        <p className="device-card__reason">{reason}</p>
      </dd>
      {/* APNs is part of iOS: there is no push service app to list. */}
      {identity.pushChannel === 'apns' ? null : (
        <>
          <dt>{t('device.pushServices')}</dt>
          <dd>
            {identity.pushServices.length === 0 ? (
              <p className="muted">{t('device.noPushService')}</p>
            ) : (
              <ul className="service-list">
                {identity.pushServices.map((service) => (
                  <li
                    key={service.package}
                    className={outdated.has(service.package) ? 'service-list__item--warn' : undefined}
                  >
                    <span className="service-list__name" title={service.package}>
                      {service.versionCode === null
                        ? t('device.serviceVersionUnknown', { name: service.name })
                        : t('device.serviceVersion', { name: service.name, code: service.versionCode })}
                    </span>
                    {outdated.has(service.package) &&
                    service.versionCode !== null &&
                    service.minimumVersionCode !== null ? (
                      <p className="warning" role="note">
                        {t('device.serviceTooOld', {
                          name: service.name,
                          code: service.versionCode,
                          minimum: service.minimumVersionCode,
                        })}
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </>
      )}
    </>
  );
}
