/**
 * The device facts that differ by platform, as one small component per platform chosen by table
 * (never by an if on the platform): the system rows of a device card (Android and SDK, or iOS and
 * the simulator's runtime), the help under a device that is not ready, and the install checklist's
 * line about the system. Every string from the device is rendered as text.
 */
import type { ReactNode } from 'react';
import type { DeviceIdentity, DeviceView, Platform } from '../../../shared/domain/device';
import { useI18n } from '../app/i18n-context';
import { romText } from '../devices/device-sort';
import type { TooOld } from './build-fit';

interface FactsProps {
  readonly device: DeviceView;
  readonly identity: DeviceIdentity;
}

type PerPlatform<P> = Record<Platform, (props: P) => ReactNode>;

const SYSTEM_ROWS = {
  android: function AndroidRows({ identity }: FactsProps) {
    const { t } = useI18n();
    return (
      <>
        <dt>{t('device.android')}</dt>
        <dd>
          {identity.sdk === null
            ? t('device.androidVersionNoSdk', { version: identity.androidVersion })
            : t('device.androidVersion', { version: identity.androidVersion, sdk: identity.sdk })}
        </dd>
      </>
    );
  },
  ios: function SimulatorRows({ device, identity }: FactsProps) {
    const { t } = useI18n();
    return (
      <>
        <dt>{t('device.ios')}</dt>
        <dd>
          {identity.rom.version
            ? t('device.iosVersion', { version: identity.rom.version })
            : t('device.iosVersionUnknown')}
        </dd>
        {device.simulator ? (
          <>
            <dt>{t('device.runtime')}</dt>
            <dd className="break">{device.simulator.runtime}</dd>
          </>
        ) : null}
      </>
    );
  },
} satisfies PerPlatform<FactsProps>;

/** The card's rows about the device's system (inside its <dl>). */
export function SystemRows(props: FactsProps) {
  const Rows = SYSTEM_ROWS[props.device.platform];
  return <Rows {...props} />;
}

const NOT_READY_HELP = {
  android: function AdbStateHelp({ device }: { device: DeviceView }) {
    const { t } = useI18n();
    return <>{t(`adbState.${device.state}.help`)}</>;
  },
  ios: function SimulatorStateHelp({ device }: { device: DeviceView }) {
    const { t } = useI18n();
    return (
      <>
        {device.simulator
          ? t('device.simulatorState', { state: device.simulator.state })
          : t(`adbState.${device.state}.help`)}
      </>
    );
  },
} satisfies PerPlatform<{ device: DeviceView }>;

/** What a device that is not ready needs (an adb state's help, or the simulator's state). */
export function NotReadyHelp({ device }: { device: DeviceView }) {
  const Help = NOT_READY_HELP[device.platform];
  return <Help device={device} />;
}

const CHECKLIST_SYSTEM = {
  android: function AndroidLine({ identity }: FactsProps) {
    return <>{`${romText(identity.rom)} · SDK ${identity.sdk ?? '?'}`}</>;
  },
  ios: function SimulatorLine({ identity }: FactsProps) {
    const { t } = useI18n();
    return <>{t('install.simulatorMeta', { rom: romText(identity.rom) })}</>;
  },
} satisfies PerPlatform<FactsProps>;

/** The install checklist's line about the device's system. */
export function ChecklistSystem(props: FactsProps) {
  const Line = CHECKLIST_SYSTEM[props.device.platform];
  return <Line {...props} />;
}

/** The checklist's warning when the chosen build is too new for the device. */
export function TooOldText({ tooOld }: { tooOld: TooOld }) {
  const { t } = useI18n();
  const text = {
    apk: (c: Extract<TooOld, { build: 'apk' }>) => t('install.sdkTooLow', { sdk: c.sdk, minSdk: c.minSdk }),
    app: (c: Extract<TooOld, { build: 'app' }>) => t('install.iosTooLow', { ios: c.ios, minimum: c.minimum }),
  };
  return <>{(text[tooOld.build] as (c: TooOld) => string)(tooOld)}</>;
}
