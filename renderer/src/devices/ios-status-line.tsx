/**
 * One line about iOS simulators under the phones: how many are booted and shut down, or what this
 * computer lacks for them (not a Mac, no Xcode, only the Command Line Tools). Android works on
 * either way, so it is a note, not an error.
 */
import { useStore } from 'zustand';
import { iosStatusMessage } from '../../../shared/domain/ios-status';
import { simulatedPlatforms } from '../../../shared/platforms/platform-facts';
import { useI18n } from '../app/i18n-context';
import { useStores } from '../app/stores-context';

const simulated = simulatedPlatforms();

export function IosStatusLine() {
  const { tDynamic } = useI18n();
  const { devices } = useStores();
  const ios = useStore(devices, (s) => s.ios);
  // Only booted simulators are listed as devices.
  const booted = useStore(devices, (s) => s.devices.filter((d) => simulated.includes(d.platform)).length);
  if (ios === null) return null;
  const message = iosStatusMessage(ios, booted);
  return (
    <p
      className={`ios-status muted ${ios.available ? 'ios-status--available' : 'ios-status--unavailable'}`}
      role="note"
      data-ios-available={ios.available}
      data-ios-reason={ios.reason ?? ''}
    >
      {tDynamic(message.key, message.values) ?? message.key}
    </p>
  );
}
